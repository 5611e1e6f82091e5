package render

import (
	"html/template"
	"strings"
	"sync/atomic"

	"github.com/casebook/casebook/generator/link"
)

// MaxPackStories is the most stories a workshop pack holds. A term with
// more has no pack: printed, it would run to thousands of pages, and
// every pack repeats its stories in full, so packs of every large term
// of a site of 10,000 stories would more than double its output. The
// term page then says so instead of linking a pack.
const MaxPackStories = 200

// hasPack reports whether a term has a workshop pack.
func hasPack(t *link.Term) bool { return len(t.Stories) <= MaxPackStories }

// printJobs adds the workshop pack of every term that has one:
// <taxonomy>/<key>/print/, every story of the term in full on one page,
// laid out for paper. Packs repeat what story pages say, so the sitemap
// leaves them out. Drafts, which a -drafts build lists, are never in a
// pack: a pack is printed and handed out, the least private output.
func (r *renderer) printJobs(add func(job)) {
	for _, tax := range r.site.Taxonomies {
		for _, term := range tax.Terms {
			if hasPack(term) {
				add(r.printJob(tax, term))
			}
		}
	}
}

func (r *renderer) printJob(tax *link.Taxonomy, term *link.Term) job {
	cfg := r.site.Config
	dir := tax.Name + "/" + term.Key + "/print/"
	p := &Page{Title: term.Title, Description: term.Summary, Canonical: cfg.Abs(dir), Term: term, Taxonomy: tax, Stories: published(term.Stories)}
	j := job{path: dir + "index.html", page: r.standalone("print", p)}
	if r.release {
		j.after = func() {
			for _, s := range term.Stories {
				r.rendered(s)
			}
		}
	}
	return j
}

// packsOf returns the jobs of the packs of the terms of stories, each
// once.
func (r *renderer) packsOf(stories []*link.Story) []job {
	seen := map[*link.Term]bool{}
	var jobs []job
	for _, s := range stories {
		for _, g := range s.Terms {
			for _, t := range g.Terms {
				if !seen[t] && hasPack(t) {
					seen[t] = true
					jobs = append(jobs, r.printJob(g.Taxonomy, t))
				}
			}
		}
	}
	return jobs
}

// holders counts, for a renderer that releases bodies, the pages still to
// render that show each story's body: its own page and the pack of each
// of its terms. The last one lets the body go.
func holders(site *link.Site) map[*link.Story]*atomic.Int32 {
	out := make(map[*link.Story]*atomic.Int32, len(site.Stories))
	for _, s := range site.Stories {
		n := new(atomic.Int32)
		n.Store(1)
		for _, g := range s.Terms {
			for _, t := range g.Terms {
				if hasPack(t) {
					n.Add(1)
				}
			}
		}
		out[s] = n
	}
	return out
}

// rendered tells that one of the pages showing s's body has rendered.
func (r *renderer) rendered(s *link.Story) {
	if r.holders[s].Add(-1) == 0 {
		s.HTML = ""
	}
}

// origin is the scheme and host of an absolute URL, such as
// "https://example.org", which print stylesheets put before the paths of
// links.
func origin(abs string) string {
	if i := strings.Index(abs, "://"); i >= 0 {
		if j := strings.IndexByte(abs[i+3:], '/'); j >= 0 {
			return abs[:i+3+j]
		}
	}
	return abs
}

// scopeIDs prefixes every id in a story's rendered body, and every link
// to one, with the story's slug, so that many stories can share one page
// (a workshop pack) without two headings "the-situation" clashing and a
// footnote link jumping to another story's footnote. Only attributes are
// changed: a body minified as it was converted (markdown.Converter.Minify)
// has its quotes unescaped in text, where ` id="` may then be written.
func scopeIDs(slug string, body template.HTML) template.HTML {
	src := string(body)
	var b strings.Builder
	for {
		lt := strings.IndexByte(src, '<')
		if lt < 0 {
			break
		}
		end := tagEnd(src, lt)
		b.WriteString(src[:lt])
		b.WriteString(scopeTag(src[lt:end], slug))
		src = src[end:]
	}
	b.WriteString(src)
	return template.HTML(b.String())
}

// tagEnd returns the offset just past the tag that starts at src[lt]
// ('<'), skipping quoted attribute values, or len(src).
func tagEnd(src string, lt int) int {
	var quote byte
	for i := lt + 1; i < len(src); i++ {
		switch c := src[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(src)
}

// scopeTag prefixes the value of the tag's id attribute, and of an href
// to an id of the page, with the slug: the attributes the Markdown
// renderer writes as ` id="…"` and ` href="#…"`.
func scopeTag(tag, slug string) string {
	if !strings.Contains(tag, ` id="`) && !strings.Contains(tag, ` href="#`) {
		return tag
	}
	var b strings.Builder
	var quote byte
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		b.WriteByte(c)
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ' ':
			for _, attr := range []string{`id="`, `href="#`} {
				if strings.HasPrefix(tag[i+1:], attr) {
					b.WriteString(attr + slug + "--")
					i += len(attr)
					quote = '"'
					break
				}
			}
		}
	}
	return b.String()
}
