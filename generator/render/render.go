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
	"strconv"
	"sync"

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
	// Unchanged, when set, is asked before rendering each page that has a
	// fingerprint (see fingerprint.go) whether the page rendered with that
	// fingerprint before; when it answers true, the page is skipped and
	// emit is not called for it. It is called concurrently.
	Unchanged func(path string, fingerprint uint64) bool
	// SearchCache, when set, keeps per-story search index work between
	// builds.
	SearchCache *search.Cache
}

// job renders one output file.
type job struct {
	path string
	// key is the page's fingerprint, or 0 when it has none.
	key    uint64
	render func(buf *bytes.Buffer) error
}

// Render writes every file of the site through emit.
func Render(site *link.Site, th *Theme, opts Options, emit Emit) error {
	r := &renderer{site: site, theme: th, data: siteData(site, th, opts), crossings: intersections(site), searchCache: opts.SearchCache}
	addFinding(r.data, site, r.crossings)
	r.prints = newFingerprinter(r)
	th.cards.reset(th.templates["stories"])
	jobs := r.jobs()
	return run(jobs, opts.Unchanged, emit)
}

func run(jobs []job, unchanged func(string, uint64) bool, emit Emit) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	next := make(chan job)
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if j.key != 0 && unchanged != nil && unchanged(j.path, j.key) {
					continue
				}
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				err := j.render(buf)
				if err == nil {
					err = emit(j.path, buf.Bytes())
				} else {
					err = fmt.Errorf("rendering %s: %w", j.path, err)
				}
				pool.Put(buf)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	return firstErr
}

type renderer struct {
	site  *link.Site
	theme *Theme
	data  *SiteData
	// crossings are the intersection pages (see intersect.go).
	crossings   []*Intersection
	prints      *fingerprinter
	searchCache *search.Cache
}

func (r *renderer) page(kind string, p *Page) func(*bytes.Buffer) error {
	p.Site, p.Kind = r.data, kind
	if p.OGType == "" {
		p.OGType = "website"
	}
	if p.Feed == "" {
		p.Feed = r.data.FeedURL
	}
	return func(buf *bytes.Buffer) error {
		return r.theme.templates[kind].ExecuteTemplate(buf, "base.html", p)
	}
}

func (r *renderer) jobs() []job {
	cfg := r.site.Config
	var jobs []job
	add := func(path string, f func(*bytes.Buffer) error) { jobs = append(jobs, job{path: path, render: f}) }

	home := r.site.Home
	add("index.html", r.page("home", &Page{Title: cfg.Title, Description: firstNonEmpty(home.Summary, cfg.Description),
		Canonical: cfg.Abs(""), Plain: home, Latest: first(r.site.Stories, 6)}))
	r.paginate(&jobs, "stories/", r.site.Stories, func(p *Page) {
		p.Kind, p.Title = "stories", r.site.StoriesIntro.Title
		p.Description = firstNonEmpty(r.site.StoriesIntro.Summary, "Every story in "+cfg.Title+", newest first.")
		p.Plain = r.site.StoriesIntro
		p.Breadcrumbs = []Crumb{{"Home", cfg.Rel("")}}
	})
	for _, s := range r.site.Stories {
		sp := &Page{Title: s.Title, Description: s.Summary, Canonical: cfg.Abs("stories/" + s.Slug + "/"),
			OGType: "article", Story: s, Breadcrumbs: []Crumb{{"Home", cfg.Rel("")}, {"Stories", cfg.Rel("stories/")}}}
		jobs = append(jobs, job{path: s.OutPath, key: r.prints.story(s, sp), render: r.page("story", sp)})
		for _, a := range s.Assets {
			data := a.Data
			add("stories/"+s.Slug+"/"+a.Name, func(buf *bytes.Buffer) error { _, err := buf.Write(data); return err })
		}
	}
	for _, tax := range r.site.Taxonomies {
		add(tax.OutPath, r.page("taxonomy", &Page{Title: tax.Title, Description: firstNonEmpty(tax.Summary, tax.Title+" in "+cfg.Title),
			Canonical: cfg.Abs(tax.Name + "/"), Taxonomy: tax, Plain: tax.Intro, Breadcrumbs: []Crumb{{"Home", cfg.Rel("")}}}))
		for _, term := range tax.Terms {
			tax, term := tax, term
			r.paginate(&jobs, tax.Name+"/"+term.Key+"/", term.Stories, func(p *Page) {
				p.Kind, p.Title, p.Description = "term", term.Title, term.Summary
				p.Term, p.Taxonomy, p.Feed = term, tax, term.FeedURL
				p.Breadcrumbs = []Crumb{{"Home", cfg.Rel("")}, {tax.Title, tax.URL}}
				p.Intersections = termIntersections(r.crossings, tax, term)
			})
			add(tax.Name+"/"+term.Key+"/feed.xml", func(buf *bytes.Buffer) error {
				return writeFeed(buf, r.site, term.Title+" · "+cfg.Title, tax.Name+"/"+term.Key+"/", term.Stories)
			})
		}
	}
	for _, p := range r.site.Pages {
		add(p.OutPath, r.page("page", &Page{Title: p.Title, Description: firstNonEmpty(p.Summary, cfg.Description),
			Canonical: cfg.Abs(p.Slug + "/"), Plain: p, Breadcrumbs: []Crumb{{"Home", cfg.Rel("")}}}))
	}
	add("404.html", r.page("404", &Page{Title: "Page not found", Description: cfg.Description, Canonical: cfg.Abs("404.html")}))
	r.intersectionJobs(&jobs, r.crossings)
	r.searchJobs(&jobs)
	add("feed.xml", func(buf *bytes.Buffer) error { return writeFeed(buf, r.site, cfg.Title, "", r.site.Stories) })
	add("sitemap.xml", func(buf *bytes.Buffer) error { return writeSitemap(buf, r.site) })
	add("robots.txt", func(buf *bytes.Buffer) error {
		_, err := fmt.Fprintf(buf, "User-agent: *\nAllow: /\n\nSitemap: %s\n", cfg.Abs("sitemap.xml"))
		return err
	})
	for _, p := range r.theme.StaticPaths() {
		data := r.theme.Static[p]
		add(p, func(buf *bytes.Buffer) error { _, err := buf.Write(data); return err })
	}
	return jobs
}

// paginate adds the pages of a list under dir: dir/index.html, then
// dir/page/2/index.html and so on.
func (r *renderer) paginate(jobs *[]job, dir string, stories []*link.Story, fill func(*Page)) {
	cfg := r.site.Config
	total := max(1, (len(stories)+PerPage-1)/PerPage)
	urls := make([]string, total)
	for i := range urls {
		urls[i] = cfg.Rel(pagePath(dir, i+1))
	}
	for i := range total {
		p := &Page{Stories: stories[i*PerPage : min(len(stories), (i+1)*PerPage)], Canonical: cfg.Abs(pagePath(dir, i+1))}
		fill(p)
		if total > 1 {
			p.Pager = &Pager{Number: i + 1, Total: total, Pages: urls}
			if i > 0 {
				p.Pager.Prev = urls[i-1]
				p.Title += " (page " + strconv.Itoa(i+1) + ")"
			}
			if i+1 < total {
				p.Pager.Next = urls[i+1]
			}
		}
		render := r.page(p.Kind, p) // sets p.Site, which listExtra reads
		key := r.prints.listPage(p, listExtra(p))
		*jobs = append(*jobs, job{path: pagePath(dir, i+1) + "index.html", key: key, render: render})
	}
}

func pagePath(dir string, n int) string {
	if n == 1 {
		return dir
	}
	return dir + "page/" + strconv.Itoa(n) + "/"
}

func siteData(site *link.Site, th *Theme, opts Options) *SiteData {
	cfg := site.Config
	d := &SiteData{
		Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		Home: cfg.Rel(""), Stylesheet: cfg.Rel("style.css"), SearchURL: cfg.Rel("search/"),
		StoriesURL: cfg.Rel("stories/"), FeedURL: cfg.Rel("feed.xml"),
		Taxonomies: site.Taxonomies, Pages: site.Pages, StoryCount: len(site.Stories),
		LiveReload: opts.LiveReload,
	}
	if _, ok := th.Static["site.js"]; ok {
		d.Script = cfg.Rel("site.js")
	}
	if len(site.Taxonomies) > 0 {
		d.Primary = site.Taxonomies[0]
	}
	d.Nav = append(d.Nav, NavItem{"Stories", d.StoriesURL})
	for _, tax := range site.Taxonomies {
		d.Nav = append(d.Nav, NavItem{tax.Title, tax.URL})
	}
	for _, p := range site.Pages {
		if p.Slug == "about" {
			d.Nav = append(d.Nav, NavItem{p.Title, p.URL})
		}
	}
	d.Nav = append(d.Nav, NavItem{"Search", d.SearchURL})
	return d
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
