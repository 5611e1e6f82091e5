package link

import (
	"cmp"
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/markdown"
)

// Link builds the Site from checked content. The diagnostics are broken
// links in bodies.
func Link(cfg *config.Config, col *content.Collection, conv *markdown.Converter) (*Site, diag.List) {
	return LinkCached(cfg, col, conv, nil)
}

// LinkCached is Link reusing the conversions of an earlier build that are
// still valid; cache may be nil. When the collection has editions in
// further languages, the Site holds them, linked too (see Site.Editions).
func LinkCached(cfg *config.Config, col *content.Collection, conv *markdown.Converter, cache *Cache) (*Site, diag.List) {
	site, diags := linkOne(cfg, col, conv, cache, nil)
	for _, ed := range col.Editions {
		ecfg := cfg.Edition(ed.Lang)
		if ecfg == nil {
			continue
		}
		es, d := linkOne(ecfg, ed, conv, cache.edition(ed.Lang), site.linker)
		diags = append(diags, d...)
		site.Editions = append(site.Editions, es)
	}
	if len(site.Editions) > 0 {
		alternates(site)
	}
	return site, diags
}

// linkOne links one language of a site; root is the linker of the
// default language when col is an edition in another, nil otherwise.
func linkOne(cfg *config.Config, col *content.Collection, conv *markdown.Converter, cache *Cache, root *linker) (*Site, diag.List) {
	n := len(col.Stories)
	l := &linker{cfg: cfg, col: col, site: &Site{Config: cfg, Stories: make([]*Story, 0, n)}, root: root,
		byPath: make(map[string]target, n+64), bySlug: make(map[string]*Story, n), pageBySlug: map[string]*Page{}, cache: cache}
	l.pages()
	l.taxonomies()
	l.stories()
	l.redirects()
	diags := l.convert(conv)
	// Backlinks and co-occurrence touch nothing that related stories read
	// or write, so they run beside them.
	var wg sync.WaitGroup
	wg.Go(func() {
		l.backlinks()
		l.coOccurrence()
	})
	l.related()
	wg.Wait()
	l.crossings()
	l.site.linker = l
	return l.site, diags
}

type linker struct {
	cfg        *config.Config
	col        *content.Collection
	site       *Site
	byPath     map[string]target // site-relative source path → page
	bySlug     map[string]*Story
	pageBySlug map[string]*Page
	byURL      map[string]*Ref
	// links holds each page's outgoing internal links, by page URL.
	links map[string][]markdown.Link
	cache *Cache
	// root is the default language's linker when this one links an
	// edition in a further language; nil otherwise.
	root *linker
}

// target is what a source path resolves to.
type target struct {
	url, title string
}

func (l *linker) newPage(p *content.Page, sitePath string) *Page {
	if p == nil {
		p = &content.Page{}
	}
	pg := &Page{Page: p, URL: l.cfg.Rel(sitePath), OutPath: sitePath + "index.html"}
	if p.Path != "" {
		l.byPath[p.Path] = target{pg.URL, p.Title}
	}
	if p.Original != nil {
		l.byPath[p.Original.Path] = target{pg.URL, p.Title}
	}
	return pg
}

func (l *linker) pages() {
	l.site.Home = l.newPage(l.col.Intros[""], "")
	l.site.Home.OutPath = "index.html"
	if l.site.Home.Title == "" {
		l.site.Home.Title = l.cfg.Title
	}
	// Without content/stories/_index.md the list's title is "": the
	// theme names it, in the page's language.
	l.site.StoriesIntro = l.newPage(l.col.Intros["stories"], "stories/")
	l.byPath["content/stories"] = target{l.site.StoriesIntro.URL, l.site.StoriesIntro.Title}
	for _, p := range l.col.Pages {
		pg := l.newPage(p, p.Slug+"/")
		if l.foreign(p.Lang) {
			// Not translated: the page in the default language stands in.
			if orig := l.root.pageBySlug[p.Slug]; orig != nil {
				pg.URL, pg.OutPath, pg.Foreign = orig.URL, "", l.root.cfg.Language
				l.byPath[p.Path] = target{pg.URL, p.Title}
			}
		}
		l.site.Pages = append(l.site.Pages, pg)
		l.pageBySlug[p.Slug] = pg
	}
	sort.Slice(l.site.Pages, func(i, j int) bool { return l.site.Pages[i].Slug < l.site.Pages[j].Slug })
}

func (l *linker) taxonomies() {
	for _, name := range l.cfg.Taxonomies {
		tax := &Taxonomy{Name: name, Title: titleCase(name), URL: l.cfg.Rel(name + "/"), OutPath: name + "/index.html", byKey: map[string]*Term{}}
		if intro := l.col.Intros[name]; intro != nil {
			tax.Intro = l.newPage(intro, name+"/")
			tax.Intro.OutPath = tax.OutPath
			if intro.Title != "" {
				tax.Title = intro.Title
			}
			tax.Summary = intro.Summary
		}
		l.byPath["content/"+name] = target{tax.URL, tax.Title}
		l.byPath["content/"+name+"/_index.md"] = target{tax.URL, tax.Title}
		for _, t := range l.col.Terms[name] {
			sitePath := name + "/" + t.Key + "/"
			term := &Term{Term: t, URL: l.cfg.Rel(sitePath), OutPath: sitePath + "index.html", FeedURL: l.cfg.Rel(sitePath + "feed.xml")}
			term.rank = len(tax.Terms)
			term.Primary = name == l.cfg.Taxonomies[0]
			tax.Terms = append(tax.Terms, term)
			tax.byKey[t.Key] = term
			for _, a := range t.Aliases {
				tax.byKey[a] = term
			}
			l.byPath[t.Path] = target{term.URL, t.Title}
			if t.Original != nil {
				l.byPath[t.Original.Path] = target{term.URL, t.Title}
			}
		}
		l.site.Taxonomies = append(l.site.Taxonomies, tax)
	}
}

func (l *linker) stories() {
	for _, s := range l.col.Stories {
		sitePath := "stories/" + s.Slug + "/"
		st := &Story{Story: s, URL: l.cfg.Rel(sitePath), OutPath: sitePath + "index.html"}
		if l.foreign(s.Lang) {
			// Not translated: lists show the original, which links go to.
			st.URL, st.OutPath, st.Foreign = l.root.cfg.Rel(sitePath), "", l.root.cfg.Language
		}
		st.Key = storyKey(s.Hash, st.URL)
		l.byPath[s.Path] = target{st.URL, s.Title}
		if s.Original != nil {
			l.byPath[s.Original.Path] = target{st.URL, s.Title}
		}
		if dir, ok := strings.CutSuffix(s.Path, "/index.md"); ok {
			l.byPath[dir] = target{st.URL, s.Title}
		} else if dir, ok := strings.CutSuffix(s.Path, "/index."+s.Lang+".md"); ok && s.Lang != "" {
			l.byPath[dir] = target{st.URL, s.Title}
		}
		for _, a := range s.Assets {
			l.byPath[a.Path] = target{st.URL + a.Name, a.Name}
		}
		l.bySlug[s.Slug] = st
		l.site.Stories = append(l.site.Stories, st)
		// A draft's date would tell feeds and the sitemap it exists.
		if changed := s.LastChanged(); !s.Draft && changed.After(l.site.Updated) {
			l.site.Updated = changed
		}
	}
	sortNewerFirst(l.site.Stories)
	for i, st := range l.site.Stories {
		st.seq = int32(i)
	}
	// Taking the stories in site order fills every term's list in that
	// order too.
	for _, st := range l.site.Stories {
		for _, tax := range l.site.Taxonomies {
			group := TermGroup{Taxonomy: tax}
			for _, key := range st.Story.Terms[tax.Name] {
				if term := tax.byKey[key]; term != nil {
					group.Terms = append(group.Terms, term)
					term.Stories = append(term.Stories, st)
				}
			}
			// Badges and facts list terms in the vocabulary's order, not
			// in whatever order a contributor wrote them.
			slices.SortStableFunc(group.Terms, func(a, b *Term) int { return a.rank - b.rank })
			st.Terms = append(st.Terms, group)
		}
	}
}

// sortNewerFirst sorts stories newest first, then by title, then by slug.
// Slugs are unique, so no two stories compare equal and an unstable sort
// gives the one order. It sorts a slice of keys beside the stories, which
// keeps the comparisons in one block of memory instead of following two
// pointers per story.
func sortNewerFirst(stories []*Story) {
	type key struct {
		sec         int64
		nsec        int
		title, slug string
		story       *Story
	}
	keys := make([]key, len(stories))
	for i, s := range stories {
		keys[i] = key{s.Date.Unix(), s.Date.Nanosecond(), s.Title, s.Slug, s}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(b.sec, a.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(b.nsec, a.nsec); c != 0 {
			return c
		}
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
		return strings.Compare(a.slug, b.slug)
	})
	for i, k := range keys {
		stories[i] = k.story
	}
}

// convert renders every body on all cores and collects link problems.
func (l *linker) convert(conv *markdown.Converter) diag.List {
	type job struct {
		path, dir string
		body      content.Body
		file      uint64 // the hash of the body's file
		url       string
		set       func(converted)
	}
	var jobs []job
	for _, s := range l.site.Stories {
		if s.Foreign != "" {
			s.borrow(l.root.bySlug[s.Slug])
			continue
		}
		jobs = append(jobs, job{s.Path, s.Dir, s.Body, s.Hash, s.URL, s.setConverted})
	}
	for _, p := range l.site.AllPages() {
		if p.Foreign != "" {
			if orig := l.root.pageBySlug[p.Slug]; orig != nil {
				p.HTML, p.HTMLKey, p.HasVideo = orig.HTML, orig.HTMLKey, orig.HasVideo
			}
			continue
		}
		jobs = append(jobs, job{p.Path, p.Dir, p.Body, p.Hash, p.URL, func(r converted) { p.HTML, p.HTMLKey, p.HasVideo = r.html, r.key, r.video }})
	}
	for _, tax := range l.site.Taxonomies {
		for _, t := range tax.Terms {
			jobs = append(jobs, job{t.Path, "content/" + tax.Name, t.Body, t.Hash, t.URL, func(r converted) { t.HTML, t.HTMLKey, t.HasVideo = r.html, r.key, r.video }})
		}
	}
	results := make([]converted, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				j := jobs[i]
				results[i] = l.cache.convert(conv, j.path, j.dir, j.body, j.file, resolver{l})
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	if l.cache != nil {
		paths := make(map[string]bool, len(jobs))
		for _, j := range jobs {
			paths[j.path] = true
		}
		l.cache.keepOnly(paths)
	}
	var diags diag.List
	l.links = map[string][]markdown.Link{}
	for i, j := range jobs {
		r := results[i]
		j.set(r)
		l.links[j.url] = append(l.links[j.url], r.Links...)
		diags = append(diags, r.Diags...)
	}
	return diags
}

// setConverted gives s its converted body and what follows from it.
func (s *Story) setConverted(r converted) {
	s.HTML, s.HTMLKey, s.HasVideo, s.Words = r.html, r.key, r.video, r.Words
	s.ReadingMinutes = readingMinutes(r.Words)
}

// readingMinutes is the reading time of a body of words words, rounded,
// at 200 words a minute and at least a minute.
func readingMinutes(words int) int { return max(1, (words+100)/200) }

// converted is a converted body with its HTML as a string, made once: a
// rebuild that finds every body in the cache then copies no HTML.
type converted struct {
	markdown.Result
	html string
	key  uint64 // fingerprints html
	// video is set when html holds a click-to-play video.
	video bool
	// calls are the questions the conversion asked its resolver.
	calls resolveCalls
}

func convert(conv *markdown.Converter, path, dir string, body content.Body, r markdown.Resolver) converted {
	rec := &recorder{r: r}
	res := conv.Convert(path, dir, body, rec)
	// The HTML comes from goldmark's safe renderer: raw HTML is dropped
	// and link destinations are checked. It stays a plain string here:
	// render is the stage that decides it is trusted markup.
	html := string(res.HTML)
	res.HTML = nil // kept once, as html
	return converted{Result: res, html: html, key: maphash.String(keySeed, html), calls: rec.calls,
		video: strings.Contains(html, markdown.VideoMarker)}
}

// AllPages returns the pages that come from a content file: the intros of
// the home page, the stories list and the taxonomies, and the plain pages.
func (site *Site) AllPages() []*Page {
	pages := []*Page{site.Home, site.StoriesIntro}
	pages = append(pages, site.Pages...)
	for _, tax := range site.Taxonomies {
		if tax.Intro != nil {
			pages = append(pages, tax.Intro)
		}
	}
	var out []*Page
	for _, p := range pages {
		if p.Path != "" {
			out = append(out, p)
		}
	}
	return out
}

func titleCase(s string) string {
	s = strings.ReplaceAll(s, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
