package render

import (
	"bytes"
	"strings"

	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/socialcard"
)

// languageJobs adds the pages of one language, each under the language's
// folder, and lists them in pages for the sitemap.
func (r *renderer) languageJobs(out func(job), pages *[]siteURL) {
	cfg := r.site.Config
	emit := r.prefixed(out)
	addJob := func(j job) {
		if dir, ok := strings.CutSuffix(j.path, "index.html"); ok && !j.unlisted && j.path != "search/index.html" {
			*pages = append(*pages, siteURL{Loc: cfg.Abs(dir), LastMod: isoDate(j.date), dir: dir, lang: cfg.Language})
		}
		emit(j)
	}
	add := func(path string, f func(*bytes.Buffer) error) { addJob(job{path: path, render: f}) }
	addPage := func(path string, p *pageRun) { addJob(job{path: path, page: p}) }

	home := r.site.Home
	addJob(job{path: "index.html", date: r.site.Updated, page: r.page("home", &Page{Title: cfg.Title, Description: firstNonEmpty(home.Summary, cfg.Description),
		Canonical: cfg.Abs(""), Plain: home, Latest: first(r.site.Stories, 6)})})
	r.paginate(addJob, "stories/", r.site.Stories, func(p *Page) {
		p.Kind, p.Title = "stories", firstNonEmpty(r.site.StoriesIntro.Title, r.tr.S("list.title"))
		p.Description = firstNonEmpty(r.site.StoriesIntro.Summary, r.tr.S("list.description", cfg.Title))
		p.Plain = r.site.StoriesIntro
		p.Breadcrumbs = []Crumb{r.home()}
	})
	for _, s := range r.site.Stories {
		if s.OutPath == "" {
			continue // not translated: the original's page stands in
		}
		addJob(r.storyJob(s))
		r.citeJobs(addJob, s)
		r.cardJob(addJob, "stories/"+s.Slug+"/card.png", func() socialcard.Card { return r.storyCard(s) })
		for _, a := range s.Assets {
			data := a.Data
			add("stories/"+s.Slug+"/"+a.Name, func(buf *bytes.Buffer) error { _, err := buf.Write(data); return err })
		}
	}
	for _, tax := range r.site.Taxonomies {
		addPage(tax.OutPath, r.page("taxonomy", &Page{Title: tax.Title, Description: firstNonEmpty(tax.Summary, r.tr.S("taxonomy.description", tax.Title, cfg.Title)),
			Canonical: cfg.Abs(tax.Name + "/"), Taxonomy: tax, Plain: tax.Intro, Breadcrumbs: []Crumb{r.home()}}))
		for _, term := range tax.Terms {
			tax, term := tax, term
			r.paginate(addJob, tax.Name+"/"+term.Key+"/", term.Stories, func(p *Page) {
				p.Kind, p.Title, p.Description = "term", term.Title, term.Summary
				p.Term, p.Taxonomy, p.Feed = term, tax, term.FeedURL
				p.Breadcrumbs = []Crumb{r.home(), {tax.Title, tax.URL}}
				p.Intersections = term.Intersections
				if hasPack(term) {
					p.Pack = term.URL + "print/"
				}
			})
			r.feedJob(addJob, term.Title+" · "+cfg.Title, tax.Name+"/"+term.Key+"/", term.Stories)
		}
	}
	for _, p := range r.site.Pages {
		if p.OutPath == "" {
			continue
		}
		addPage(p.OutPath, r.page("page", &Page{Title: p.Title, Description: firstNonEmpty(p.Summary, cfg.Description),
			Canonical: cfg.Abs(p.Slug + "/"), Plain: p, Breadcrumbs: []Crumb{r.home()}}))
	}
	addPage("404.html", r.page("404", &Page{Title: r.tr.S("notfound.title"), Description: cfg.Description, Canonical: cfg.Abs("404.html")}))
	r.intersectionJobs(addJob, r.site.Intersections)
	r.printJobs(emit)
	r.cardJob(emit, "card.png", r.siteCard)
	r.searchPage(addJob)
	r.feedJob(addJob, cfg.Title, "", r.site.Stories)
}

// prefixed returns add with every job's path put under the language's
// folder.
func (r *renderer) prefixed(add func(job)) func(job) {
	if r.prefix == "" {
		return add
	}
	return func(j job) {
		j.path = r.prefix + j.path
		add(j)
	}
}

// alternatesOf returns the language versions of the page p, for its
// hreflang links and the language switch: those link found for a story or
// a plain page, every language for the other pages, which each language
// has at the same path. It is nil on a site of one language.
func (r *renderer) alternatesOf(p *Page) []link.Alternate {
	if len(r.family) < 2 {
		return nil
	}
	switch {
	case p.Kind == "redirect":
		return nil
	case p.Story != nil && p.Kind == "story":
		return p.Story.Alternates
	case p.Plain != nil && p.Kind == "page":
		return p.Plain.Alternates
	}
	dir := strings.TrimPrefix(p.Canonical, r.site.Config.Abs(""))
	out := make([]link.Alternate, 0, len(r.family))
	for _, l := range r.family {
		cfg := l.site.Config
		out = append(out, link.Alternate{Lang: cfg.Language, URL: cfg.Rel(dir), Abs: cfg.Abs(dir)})
	}
	return out
}

// Language is one entry of a page's language switch.
type Language struct {
	// Lang is the BCP 47 code; Name the language's name in itself.
	Lang, Name string
	URL        string
	// Current is set on the language of the page itself.
	Current bool
}

// switchOf is the language switch of a page with the alternates alts.
func (r *renderer) switchOf(alts []link.Alternate) []Language {
	if len(alts) < 2 {
		return nil
	}
	out := make([]Language, 0, len(alts))
	for _, a := range alts {
		name := a.Lang
		for _, l := range r.family {
			if l.site.Config.Language == a.Lang {
				name = languageName(l.tr, a.Lang)
			}
		}
		out = append(out, Language{Lang: a.Lang, Name: name, URL: a.URL, Current: a.Lang == r.site.Config.Language})
	}
	return out
}

// withAlternates gives each page of the sitemap the other languages'
// versions of it, as xhtml:link elements, when it has any.
func withAlternates(pages []siteURL, family []*renderer) []siteURL {
	if len(family) < 2 {
		return pages
	}
	byDir := map[string][]sitemapLink{}
	for _, p := range pages {
		byDir[p.dir] = append(byDir[p.dir], sitemapLink{Rel: "alternate", Hreflang: p.lang, Href: p.Loc})
	}
	for i, p := range pages {
		links := byDir[p.dir]
		if len(links) < 2 {
			continue
		}
		all := append(append([]sitemapLink(nil), links...), sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: links[0].Href})
		pages[i].Links = all
	}
	return pages
}

// languageName is the name of the language code in the language of cat
// (its language.<code> string, the region left out), or the code itself
// when cat has no name for it.
func languageName(cat *i18n.Catalog, code string) string {
	base, _, _ := strings.Cut(code, "-")
	if key := "language." + strings.ToLower(base); cat.Has(key) {
		return cat.S(key)
	}
	return code
}
