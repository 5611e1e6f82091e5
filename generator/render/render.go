// Package render turns a linked Site into the files of the built site: one
// HTML page per story, term, taxonomy, plain page and list page, Atom feeds
// for the site and for every term, sitemap.xml, robots.txt, 404.html, and
// the theme's static files.
//
// Templates are html/template files of a theme (see LoadTheme); they get a
// Page as their dot. Render does no linking: every list, count and URL of
// the Site (terms and their stories, intersections, coverage counts) is
// link's; render lays them out for one page (pagination, breadcrumbs, the
// coverage view's geometry, translated labels), and decides which strings
// of the Site are trusted markup: the bodies of stories, terms and pages,
// which link hands on as plain strings (see trust.go).
//
// Rendering runs on all cores; Emit receives each file as soon as it is
// ready, from several goroutines at once. Render reads the Site and never
// changes it (but for Options.Release, which lets bodies go), and imports
// no later or sibling stage: files that other stages make from the Site,
// such as the search index, come in as Beside producers and are written
// with the pages.
package render

import (
	"bytes"
	"fmt"
	"sync/atomic"

	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
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
	// Records, when set, keeps what every page read when it was last
	// rendered (see record.go); Kept is then asked whether the file of a
	// page whose record still holds is there from the last build, and
	// when it answers true the page is not rendered again. A build
	// without Kept renders every page and records them all afresh.
	Records *Records
	Kept    func(path string) bool
	// Release lets each story's converted body go once its page is
	// rendered, so that a one-shot build of a large site never holds every
	// page's HTML. The site must not be rendered again afterwards.
	Release bool
}

// File is a file another stage made from the linked Site, written
// beside render's own (the search index: see package search, which the
// builder hands in). Key fingerprints everything it is made from, as
// Unchanged expects, and is never 0.
type File struct {
	Path string
	Data []byte
	Key  uint64
}

// Beside produces files written beside render's own: it calls add with
// each file as soon as the file is ready, from its own goroutine, while
// the pages render; the files go through Unchanged and emit as render's
// own do. An error fails the build.
type Beside func(add func(File)) error

// Render writes every file of the site through emit, and those of beside
// while the pages render.
func Render(site *link.Site, th *Theme, opts Options, emit Emit, beside ...Beside) error {
	return New(site, th, opts).All(nil, emit, beside...)
}

// Renderer renders one linked site: all of it, or, after a story's body
// changed in place (link.Site.ReplaceBody), only what that changes.
type Renderer struct {
	r    *renderer
	opts Options
}

// New prepares the rendering of site: the data every page shares and the
// coverage view, in each of its languages.
func New(site *link.Site, th *Theme, opts Options) *Renderer {
	r := newRenderer(site, th, opts)
	r.family = []*renderer{r}
	for _, ed := range site.Editions {
		eopts := opts
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
	reg := newRegistry()
	for _, x := range r.family {
		reg.addSite(x.site, x.data, x.prefix)
		x.reg = reg
	}
	return &Renderer{r: r, opts: opts}
}

// newRenderer prepares the rendering of one language of a site.
func newRenderer(site *link.Site, th *Theme, opts Options) *renderer {
	r := &renderer{site: site, theme: th, release: opts.Release && !th.own, opts: opts}
	r.tmpl, r.err = th.localized(site.Config.Language)
	if r.err != nil {
		r.tmpl = &localized{cat: th.Strings(site.Config.Language), cards: &cardStore{}}
	}
	r.tr = r.tmpl.cat
	r.data = siteData(site, th, r.tr, opts)
	addFinding(r.data, site, r.tr)
	r.salt = r.theme.hash ^ (*registry)(nil).valueDigest(site.Config)
	if r.release {
		r.holders = holders(site)
	}
	return r
}

// Unchanged, when not nil, is asked before rendering each file written
// by Go code (a feed, a citation, a search file, a social card) whether it
// was made from the same inputs before, given their fingerprint; when it
// answers true, the file is skipped and emit is not called for it. It is
// called concurrently. Pages made by templates are kept by their records
// instead (see Options.Records).
type Unchanged func(path string, fingerprint uint64) bool

// All writes every file of the site through emit, and the files of
// beside, skipping those that unchanged says are unchanged and the pages
// whose records say they would come out the same. With Options.Release,
// whatever beside reads of the stories' HTML must be taken before All is
// called: story pages let it go as they are rendered.
func (x *Renderer) All(unchanged Unchanged, emit Emit, beside ...Beside) error {
	r := x.r
	if r.err != nil {
		return r.err
	}
	x.start(x.opts.Kept == nil, false)
	producers := []func(add func(job)) error{func(add func(job)) error {
		r.jobs(add)
		return nil
	}}
	return x.run(unchanged, emit, append(producers, besideJobs(beside)...)...)
}

// besideJobs turns the producers of files made beside render's into
// producers of jobs.
func besideJobs(beside []Beside) []func(add func(job)) error {
	var out []func(add func(job)) error
	for _, b := range beside {
		out = append(out, func(add func(job)) error {
			return b(func(f File) {
				add(job{path: f.Path, fingerprint: func() uint64 { return f.Key }, render: func(buf *bytes.Buffer) error { _, err := buf.Write(f.Data); return err }})
			})
		})
	}
	return out
}

// start begins a build: the records of the last one are compared with
// (unless fresh) and this one's are collected, from the last one's for a
// build that renders a few pages only (patch).
func (x *Renderer) start(fresh, patch bool) {
	x.opts.CardCache.trim(len(x.r.site.Stories))
	for _, l := range x.r.family {
		l.tmpl.cards.reset(x.opts.CardCache, l.salt)
	}
	if x.opts.Records != nil {
		x.opts.Records.begin(x.r.reg, fresh, patch)
	}
}

// Bodies writes what depends on the bodies of stories that changed in
// place since All (or Bodies) last ran, as link.Site.ReplaceBody allows:
// the stories' pages and the workshop packs of their terms, and the files
// of beside (the search index), which are only made when Bodies writes
// anything. It needs the records of the last build (Options.Records): when
// any other page read something of those stories that has changed (a
// site template that shows related stories' bodies, say), it writes
// nothing and reports false, and the whole site must be rendered again.
func (x *Renderer) Bodies(stories []*link.Story, emit Emit, unchanged Unchanged, beside ...Beside) (bool, error) {
	r := x.r
	if r.release || x.opts.Records == nil {
		return false, fmt.Errorf("render: Bodies needs the records of a site whose bodies were kept")
	}
	r.reg.forget()
	jobs := []job{}
	for _, s := range stories {
		jobs = append(jobs, r.storyJob(s))
	}
	// A body shows in the workshop packs of the story's terms too.
	jobs = append(jobs, r.packsOf(stories)...)
	paths := map[string]bool{}
	for _, j := range jobs {
		paths[j.path] = true
	}
	if !x.opts.Records.onlyIn(r.reg, stories, paths) {
		return false, nil
	}
	x.start(false, true)
	for i := range jobs {
		jobs[i].fresh = true
	}
	producers := []func(add func(job)) error{func(add func(job)) error {
		for _, j := range jobs {
			add(j)
		}
		return nil
	}}
	return true, x.run(unchanged, emit, append(producers, besideJobs(beside)...)...)
}

type renderer struct {
	site  *link.Site
	theme *Theme
	data  *SiteData
	// reg knows the entities of every language of the site (see
	// record.go); salt covers the theme and the site's settings, for
	// the files written by Go code.
	reg  *registry
	salt uint64
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

// storyJob renders a story's page and, when the renderer releases bodies,
// lets the story's HTML go afterwards.
func (r *renderer) storyJob(s *link.Story) job {
	cfg := r.site.Config
	p := &Page{Title: s.Title, Description: s.Summary, Canonical: cfg.Abs("stories/" + s.Slug + "/"),
		OGType: "article", Story: s, Breadcrumbs: []Crumb{r.home(), {r.tr.S("nav.stories"), cfg.Rel("stories/")}}}
	p.Image = cfg.Abs("stories/" + s.Slug + "/card.png")
	p.Cite = &Citation{Authors: citeAuthors(s, cfg.Title), Year: s.Date.Year(), Date: s.Date.Format("2006/01/02"),
		URL: p.Canonical, BibTeX: s.URL + "cite.bib", RIS: s.URL + "cite.ris"}
	j := job{path: s.OutPath, page: r.page("story", p), date: s.LastChanged(), unlisted: s.Draft}
	if r.release {
		j.after = func() { r.rendered(s) }
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
	emit(job{path: "sitemap.xml", render: func(buf *bytes.Buffer) error { return writeSitemap(buf, pages) }})
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
