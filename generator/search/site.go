package search

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"sync"
	"time"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
)

// FromSite returns the input for the index of a linked site: every story
// that is not a draft (a build with -drafts links drafts too, but they
// still stay out of the index), and every taxonomy.
func FromSite(site *link.Site) Input {
	return FromSiteCached(site, nil)
}

// oldestFirst returns stories, which are in site order (newest first),
// oldest first: the order of story ids.
func oldestFirst(stories []*link.Story) []*link.Story {
	out := make([]*link.Story, len(stories))
	for i, s := range stories {
		out[len(stories)-1-i] = s
	}
	return out
}

// FromSiteCached is FromSite for builds that share cache, which the
// returned Input carries to Stream; cache may be nil. It keeps each
// story's Doc, with a Key computed from everything in it, and reuses it
// while the story is unchanged, so that it converts to plain text only the
// stories that changed.
//
// A story is unchanged when it is the same link.Story, with the same
// content.Story and HTML, at the same place in the site's stories: a linked
// site is not modified in place but by link.Site.ReplaceBody, which gives
// the story a new content.Story and HTML. The cache holds on to the
// values compared, so equal pointers are the same, unchanged values.
// Otherwise, as after a new Link, the story's indexed fields, HTML and
// term titles are compared with the Doc the cache holds for its path.
//
// With a cache, the Docs of the Input are the cache's own, updated in
// place by the next call with the same cache: build the index of an Input
// before asking for the next one.
func FromSiteCached(site *link.Site, cache *Cache) Input {
	in := Input{Cache: cache}
	for _, tax := range site.Taxonomies {
		t := Taxonomy{Name: tax.Name, Title: tax.Title, Param: Param(tax.Name)}
		for _, term := range tax.Terms {
			t.Terms = append(t.Terms, Term{Key: term.Key, Title: term.Title, URL: term.URL})
		}
		in.Taxonomies = append(in.Taxonomies, t)
	}
	stories := oldestFirst(site.Stories)
	if cache == nil {
		for _, s := range stories {
			if !s.Draft {
				in.Docs = append(in.Docs, newDoc(s, site.Taxonomies))
			}
		}
		return in
	}
	sc := &cache.site
	sc.mu.Lock()
	defer sc.mu.Unlock()
	names := make([]string, len(site.Taxonomies))
	for i, tax := range site.Taxonomies {
		names[i] = tax.Name
	}
	if !slices.Equal(names, sc.taxes) {
		sc.taxes, sc.stories, sc.out, sc.byPath = names, nil, nil, map[string]*siteDoc{}
	}
	if !sc.update(site, stories) {
		// Stories came, went, moved or became drafts: start again, still
		// reusing the Doc of every story unchanged.
		sc.stories = make([]siteStory, len(stories))
		sc.out = make([]Doc, 0, len(stories))
		for i, s := range stories {
			sc.stories[i] = siteStory{story: s, src: s.Story, html: string(s.HTML), url: s.URL, at: -1}
			if !s.Draft {
				sc.stories[i].at = len(sc.out)
				sc.out = append(sc.out, sc.docOf(s, site.Taxonomies))
			}
		}
		if len(sc.byPath) > len(sc.out)+64 {
			// Forget the stories no longer in the site.
			for p, e := range sc.byPath {
				if e.gen != sc.gen {
					delete(sc.byPath, p)
				}
			}
		}
	}
	in.Docs = sc.out
	return in
}

// update updates the Docs of the stories that changed in place, and
// reports whether it could: the stories are as many as last time, and
// the same ones are drafts.
func (sc *siteCache) update(site *link.Site, stories []*link.Story) bool {
	sc.gen++
	titles := termTitles(site)
	sameTitles := titles == sc.titles
	sc.titles = titles
	if len(sc.stories) != len(stories) {
		return false
	}
	var changed []int
	for i, s := range stories {
		k := &sc.stories[i]
		if k.story != s && sameTitles && k.src == s.Story && k.html == string(s.HTML) && k.url == s.URL {
			// Linked again, but from the same checked story, with the same
			// body and URL, and every term has its old title: a Doc reads
			// nothing else.
			k.story = s
			continue
		}
		if k.story != s || k.src != s.Story || k.html != string(s.HTML) {
			if s.Draft != (k.at < 0) {
				return false
			}
			changed = append(changed, i)
		}
	}
	for _, i := range changed {
		s, k := stories[i], &sc.stories[i]
		k.story, k.src, k.html, k.url = s, s.Story, string(s.HTML), s.URL
		if k.at >= 0 {
			sc.out[k.at] = sc.docOf(s, site.Taxonomies)
		}
	}
	return true
}

// docOf returns the Doc of story s: the one kept for its path if it still
// matches, or a new one.
func (sc *siteCache) docOf(s *link.Story, taxes []*link.Taxonomy) Doc {
	e := sc.byPath[s.Path]
	if e == nil || !e.matches(s, taxes) {
		e = &siteDoc{html: string(s.HTML), doc: newDoc(s, taxes)}
		e.doc.Key = docKey(&e.doc)
		sc.byPath[s.Path] = e
	}
	e.gen = sc.gen
	return e.doc
}

// siteCache keeps the Doc of every story for FromSiteCached.
type siteCache struct {
	mu  sync.Mutex
	gen uint64 // counts calls
	// taxes are the site's taxonomy names, whose order Doc.Terms follows.
	taxes []string
	// stories are the stories of the last call, by position, and out
	// the Docs of those that are not drafts.
	stories []siteStory
	out     []Doc
	// byPath holds the Doc of every story by its file.
	byPath map[string]*siteDoc
	// titles is termTitles of the last call's site.
	titles uint64
}

// termTitles fingerprints the key, title and aliases of every term of
// site: Docs show the titles of the terms their stories' keys lead to.
func termTitles(site *link.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(titlesSeed)
	for _, tax := range site.Taxonomies {
		h.WriteString(tax.Name)
		h.WriteByte(0)
		for _, t := range tax.Terms {
			h.WriteString(t.Key)
			h.WriteByte(0)
			h.WriteString(t.Title)
			h.WriteByte(0)
			for _, a := range t.Aliases {
				h.WriteString(a)
				h.WriteByte(0)
			}
			h.WriteByte(2)
		}
		h.WriteByte(1)
	}
	return h.Sum64()
}

var titlesSeed = maphash.MakeSeed()

// siteStory is a story FromSiteCached has seen.
type siteStory struct {
	story *link.Story
	src   *content.Story
	html  string
	url   string
	at    int // index of its Doc in siteCache.out, -1 for a draft
}

// siteDoc is a story's Doc and the HTML it was made from.
type siteDoc struct {
	html string
	doc  Doc
	gen  uint64 // the last call that used it
}

// matches reports whether newDoc(s, taxes) would give e.doc: the fields
// it copies, the HTML it reads and the term titles are the same.
func (e *siteDoc) matches(s *link.Story, taxes []*link.Taxonomy) bool {
	d := &e.doc
	if string(s.HTML) != e.html || s.URL != d.URL || s.Title != d.Title || s.Summary != d.Summary ||
		s.Place != d.Place || s.Date != d.Date || !slices.Equal(s.Questions, d.Questions) ||
		len(d.Terms) != len(taxes) {
		return false
	}
	facts := d.Facts
	n := len(s.Partners) + len(s.Outcomes)
	if len(facts) <= n || !slices.Equal(facts[:len(s.Partners)], s.Partners) ||
		!slices.Equal(facts[len(s.Partners):n], s.Outcomes) || facts[n] != s.Period {
		return false
	}
	facts = facts[n+1:]
	for _, g := range s.Terms {
		for _, term := range g.Terms {
			if len(facts) == 0 || facts[0] != term.Title {
				return false
			}
			facts = facts[1:]
		}
	}
	if len(facts) > 0 {
		return false
	}
	for i, tax := range taxes {
		if !slices.Equal(s.Story.Terms[tax.Name], d.Terms[i]) {
			return false
		}
	}
	return true
}

// newDoc returns the Doc of story s.
func newDoc(s *link.Story, taxes []*link.Taxonomy) Doc {
	d := Doc{Title: s.Title, URL: s.URL, Summary: s.Summary, Place: s.Place, Date: s.Date,
		Questions: s.Questions, Body: PlainText(string(s.HTML))}
	d.Facts = append(append(append(d.Facts, s.Partners...), s.Outcomes...), s.Period)
	d.Terms = make([][]string, len(taxes))
	for i, tax := range taxes {
		d.Terms[i] = append([]string{}, s.Story.Terms[tax.Name]...)
	}
	for _, g := range s.Terms {
		for _, term := range g.Terms {
			d.Facts = append(d.Facts, term.Title)
		}
	}
	return d
}

// Param returns the URL query parameter that filters by the taxonomy
// called name: its singular ("principles" → "principle", "categories" →
// "category").
func Param(name string) string {
	p := content.Singular(name)
	if p == "q" { // the query's own parameter
		p = "q-term"
	}
	return p
}

var keySeed = maphash.MakeSeed()

// docKey identifies everything in d but its Key, within one process.
func docKey(d *Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeed)
	var n [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.WriteString(s)
	}
	list := func(l []string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(l)))
		h.Write(n[:])
		for _, s := range l {
			str(s)
		}
	}
	str(d.Title)
	str(d.URL)
	str(d.Summary)
	str(d.Place)
	var date [64]byte
	str(string(d.Date.AppendFormat(date[:0], time.RFC3339Nano)))
	list(d.Questions)
	list(d.Facts)
	str(d.Body)
	binary.LittleEndian.PutUint64(n[:], uint64(len(d.Terms)))
	h.Write(n[:])
	for _, t := range d.Terms {
		list(t)
	}
	if d.Draft {
		h.WriteByte(1)
	}
	return h.Sum64() | 1
}
