// Package render turns a linked Site into the files of the built site: one
// HTML page per story, term, taxonomy, plain page and list page, Atom feeds
// for the site and for every term, sitemap.xml, robots.txt, 404.html, and
// the theme's static files.
//
// Templates are html/template files of a theme (see LoadTheme); they get a
// Page as their dot, with every list, count and URL computed here.
// Rendering runs on all cores; Emit receives each file as soon as it is
// ready, from several goroutines at once.
package render

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/search"
)

// Emit receives one output file: a slash-separated path under the output
// folder and its bytes. It is called concurrently and must not keep data
// after it returns.
type Emit func(path string, data []byte) error

// Options tune rendering.
type Options struct {
	// LiveReload is the URL of a live-reload script to add to every page;
	// only serve sets it.
	LiveReload string
	// SearchCache, when set, keeps per-story search index work between
	// builds.
	SearchCache *search.Cache
	// CardCache, when set, keeps rendered story cards between builds.
	CardCache *CardCache
	// Previous, when set, returns the bytes of the file that the last
	// build wrote at an output path, or nil. Social cards that would come
	// out the same are taken from it instead of being drawn again.
	Previous func(path string) []byte
	// Keep, when set, publishes the last build's file at an output path
	// as it is, when same accepts its first bytes, and reports whether
	// it did; render then emits nothing for that path. Social cards whose
	// key is unchanged are kept this way without being read in full.
	Keep func(path string, same func(head []byte) bool) bool
	// Release lets each story's converted body go once its page is
	// rendered, so that a one-shot build of a large site never holds every
	// page's HTML. The site must not be rendered again afterwards.
	Release bool
}

// job renders one output file.
type job struct {
	path string
	// fingerprint computes the page's fingerprint, when it has one. It is
	// called on the rendering goroutines, and only when a builder asks.
	fingerprint func() uint64
	render      func(buf *bytes.Buffer) error
	// date is when the page's content last changed, for the sitemap,
	// when it has such a date.
	date time.Time
	// unlisted keeps the page out of the sitemap: a draft's.
	unlisted bool
}

// Render writes every file of the site through emit. The search index is
// built while the pages render, and its files are emitted as they come.
func Render(site *link.Site, th *Theme, opts Options, emit Emit) error {
	return New(site, th, opts).All(nil, emit)
}

// Renderer renders one linked site: all of it, or, after a story's body
// changed in place (link.Site.ReplaceBody), only what that changes.
type Renderer struct {
	r    *renderer
	opts Options
}

// New prepares the rendering of site: the data every page shares, the
// intersections and the coverage view, in each of its languages.
func New(site *link.Site, th *Theme, opts Options) *Renderer {
	r := newRenderer(site, th, opts)
	r.family = []*renderer{r}
	for _, ed := range site.Editions {
		eopts := opts
		eopts.SearchCache = opts.SearchCache.Edition(ed.Config.Language)
		eopts.CardCache = nil
		er := newRenderer(ed, th, eopts)
		er.prefix = ed.Config.EditionPrefix()
		r.family = append(r.family, er)
	}
	for _, x := range r.family[1:] {
		x.family = r.family
		if x.err != nil && r.err == nil {
			r.err = x.err
		}
	}
	if len(r.family) > 1 {
		// Every page of every language links the others: a language
		// added or removed changes them all.
		langs := languagesDigest(r.family)
		for _, x := range r.family {
			if x.prints != nil {
				x.prints.chrome ^= langs
			}
		}
	}
	return &Renderer{r: r, opts: opts}
}

// newRenderer prepares the rendering of one language of a site.
func newRenderer(site *link.Site, th *Theme, opts Options) *renderer {
	r := &renderer{site: site, theme: th, crossings: intersections(site), release: opts.Release, opts: opts}
	r.tmpl, r.err = th.localized(site.Config.Language)
	if r.err != nil {
		r.tmpl = &localized{cat: th.Strings(site.Config.Language), cards: &cardStore{}}
	}
	r.tr = r.tmpl.cat
	r.data = siteData(site, th, r.tr, opts)
	addFinding(r.data, site, r.crossings, r.tr)
	r.prints = newFingerprinter(r)
	if r.release {
		r.holders = holders(site)
	}
	return r
}

// Unchanged, when not nil, is asked before rendering each file that has
// a fingerprint (see fingerprint.go; search files have one too) whether
// it was rendered with that fingerprint before; when it answers true, the
// file is skipped and emit is not called for it. It is called
// concurrently.
type Unchanged func(path string, fingerprint uint64) bool

// All writes every file of the site through emit, skipping those that
// unchanged says are unchanged.
func (x *Renderer) All(unchanged Unchanged, emit Emit) error {
	r := x.r
	if r.err != nil {
		return r.err
	}
	x.opts.CardCache.trim(len(r.site.Stories))
	for _, l := range r.family {
		l.tmpl.cards.reset(l.tmpl.templates["stories"], l.prints.chrome, l.opts.CardCache)
	}
	// The index reads every story's HTML, so when story pages release it
	// the index takes its text before any page renders; otherwise it is
	// made while they do. Each language has its own.
	indexes := make([]search.Input, len(r.family))
	if r.release {
		for i, l := range r.family {
			indexes[i] = l.searchInput()
		}
	}
	producers := []func(add func(job)) error{func(add func(job)) error {
		if r.theme.own || len(r.family) > 1 {
			// The site's own templates may read anything: no page is
			// skipped (see fingerprint.go). Search files do not depend on
			// templates and keep theirs. Nor is a page skipped on a site
			// in several languages: fingerprints do not yet cover what one
			// language's pages take from another's stories (a retagged
			// story left 48 Welsh pages stale).
			page := add
			add = func(j job) { j.fingerprint = nil; page(j) }
		}
		r.jobs(add)
		return nil
	}}
	for i, l := range r.family {
		producers = append(producers, func(add func(job)) error {
			if !r.release {
				indexes[i] = l.searchInput()
			}
			return searchFiles(indexes[i], l.prefixed(add))
		})
	}
	return run(unchanged, emit, producers...)
}

// OwnTemplates reports whether the site has templates of its own. Then
// Bodies does not apply: such a template may show a body on any page.
func (x *Renderer) OwnTemplates() bool { return x.r.theme.own }

// Bodies writes what depends on the bodies of stories and nothing else:
// their pages and the search index. It is for stories whose body alone
// changed since All (or Bodies) last ran, as link.Site.ReplaceBody
// allows: lists show a story's front matter, never its body. Pages are
// rendered whatever unchanged says, and recorded is told their new
// fingerprints; unchanged is asked about the search files.
func (x *Renderer) Bodies(stories []*link.Story, recorded func(path string, fingerprint uint64), emit Emit, unchanged Unchanged) error {
	r := x.r
	if r.release {
		return fmt.Errorf("render: the bodies of this site were released")
	}
	index := r.searchInput()
	return run(unchanged, emit, func(add func(job)) error {
		for _, s := range stories {
			j := r.storyJob(s)
			recorded(j.path, j.fingerprint())
			j.fingerprint = nil
			add(j)
		}
		// A body shows in the workshop packs of the story's terms too.
		for _, j := range r.packsOf(stories) {
			recorded(j.path, j.fingerprint())
			j.fingerprint = nil
			add(j)
		}
		return nil
	}, func(add func(job)) error {
		return searchFiles(index, add)
	})
}

// run renders on all cores the jobs that each of producers adds, from its
// own goroutine, while earlier ones render, and returns the first error.
func run(unchanged Unchanged, emit Emit, producers ...func(add func(job)) error) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	next := make(chan job, 64)
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if unchanged != nil && j.fingerprint != nil && unchanged(j.path, j.fingerprint()) {
					continue
				}
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				err := j.render(buf)
				if err == errKept {
					pool.Put(buf)
					continue
				}
				if err == nil {
					err = emit(j.path, buf.Bytes())
				} else {
					err = fmt.Errorf("rendering %s: %w", j.path, err)
				}
				pool.Put(buf)
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	var producing sync.WaitGroup
	for _, produce := range producers {
		producing.Add(1)
		go func() {
			defer producing.Done()
			if err := produce(func(j job) { next <- j }); err != nil {
				fail(err)
			}
		}()
	}
	producing.Wait()
	close(next)
	wg.Wait()
	return firstErr
}

type renderer struct {
	site  *link.Site
	theme *Theme
	data  *SiteData
	// crossings are the intersection pages (see intersect.go).
	crossings []*Intersection
	prints    *fingerprinter
	// release is Options.Release; holders then counts the pages still
	// to render that show each story's body (see print.go).
	release bool
	holders map[*link.Story]*atomic.Int32
	opts    Options
	// tmpl holds the templates in the site's language, tr its strings;
	// err is set when they could not be made.
	tmpl *localized
	tr   *i18n.Catalog
	err  error
	// family holds the renderers of every language of the site, the
	// default first; prefix is the output folder of this one's language
	// ("" or "cy/").
	family []*renderer
	prefix string
}

func (r *renderer) page(kind string, p *Page) func(*bytes.Buffer) error {
	p.Site, p.Kind = r.data, kind
	if p.OGType == "" {
		p.OGType = "website"
	}
	if p.Feed == "" {
		p.Feed = r.data.FeedURL
	}
	if p.Image == "" {
		p.Image = r.site.Config.Abs("card.png")
	}
	if p.Alternates == nil {
		p.Alternates = r.alternatesOf(p)
		p.Languages = r.switchOf(p.Alternates)
	}
	return func(buf *bytes.Buffer) error {
		return r.tmpl.templates[kind].ExecuteTemplate(buf, "base.html", p)
	}
}

// storyJob renders a story's page and, when the renderer releases bodies,
// lets the story's HTML go afterwards.
func (r *renderer) storyJob(s *link.Story) job {
	cfg := r.site.Config
	p := &Page{Title: s.Title, Description: s.Summary, Canonical: cfg.Abs("stories/" + s.Slug + "/"),
		OGType: "article", Story: s, Breadcrumbs: []Crumb{r.home(), {r.tr.S("nav.stories"), cfg.Rel("stories/")}}}
	p.Image = cfg.Abs("stories/" + s.Slug + "/card.png")
	p.Cite = &Citation{Authors: citeAuthors(s, cfg.Title), Year: s.Date.Year(), Date: s.Date.Format("2006/01/02"),
		URL: p.Canonical, BibTeX: s.URL + "cite.bib", RIS: s.URL + "cite.ris"}
	j := job{path: s.OutPath, fingerprint: func() uint64 { return r.prints.story(s, p) }, render: r.page("story", p), date: s.LastChanged(), unlisted: s.Draft}
	if r.release {
		render := j.render
		j.render = func(buf *bytes.Buffer) error {
			err := render(buf)
			r.rendered(s)
			return err
		}
	}
	return j
}

// jobs adds the job of every file of the site but the search indexes':
// the pages of every language, then the files they share.
func (r *renderer) jobs(emit func(job)) {
	cfg := r.site.Config
	// The sitemap lists every page but the search page, with the date of
	// the ones that have one, in the order their jobs are added.
	var pages []siteURL
	for _, l := range r.family {
		l.languageJobs(emit, &pages)
	}
	add := func(path string, f func(*bytes.Buffer) error) { emit(job{path: path, render: f}) }
	r.exportJobs(emit)
	r.redirectJobs(emit)
	pages = withAlternates(pages, r.family)
	r.cmsJobs(emit)
	emit(job{path: "sitemap.xml", fingerprint: func() uint64 { return sitemapKey(pages) },
		render: func(buf *bytes.Buffer) error { return writeSitemap(buf, pages) }})
	add("robots.txt", func(buf *bytes.Buffer) error {
		_, err := fmt.Fprintf(buf, "User-agent: *\nAllow: /\n\nSitemap: %s\n", cfg.Abs("sitemap.xml"))
		return err
	})
	for _, f := range styleFiles(cfg) {
		add(f.path, func(buf *bytes.Buffer) error { _, err := buf.Write(f.data); return err })
	}
	for _, p := range r.theme.StaticPaths() {
		data := r.theme.Static[p]
		add(p, func(buf *bytes.Buffer) error { _, err := buf.Write(data); return err })
	}
}

func first(list []*link.Story, n int) []*link.Story { return list[:min(n, len(list))] }

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
