package search

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strings"
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
	out := slices.Clone(stories)
	slices.Reverse(out)
	return out
}

// FromSiteCached is FromSite for builds that share cache, which the
// returned Input carries to Stream; cache may be nil. It keeps each
// story's Doc, with a Key computed from everything in it, and reuses it
// while the story is unchanged, so that it converts to plain text only the
// stories that changed.
//
// A story's Doc is unchanged while the story's file, URL and HTML
// (link.Story.Key and HTMLKey, which link.Site.ReplaceBody updates too)
// and the titles of the site's terms are, whether or not the site was
// linked again.
//
// With a cache, the Docs of the Input are the cache's own, updated in
// place by the next call with the same cache: build the index of an Input
// before asking for the next one.
func FromSiteCached(site *link.Site, cache *Cache) Input {
	in := fromSiteCached(site, cache)
	in.Plain = !English(site.Config.Language)
	for i := range in.Docs {
		in.Docs[i].Plain = in.Plain
	}
	return in
}

// English reports whether the BCP 47 tag lang is English, whose stemming
// and stop words the index applies.
func English(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return base == "en"
}

func fromSiteCached(site *link.Site, cache *Cache) Input {
	in := Input{Cache: cache}
	for _, tax := range site.Taxonomies {
		t := Taxonomy{Name: tax.Name, Title: tax.Title, Param: content.Param(tax.Name)}
		for _, term := range tax.Terms {
			t.Terms = append(t.Terms, Term{Key: term.Key, Title: term.Title, URL: term.URL})
		}
		in.Taxonomies = append(in.Taxonomies, t)
	}
	stories := oldestFirst(site.Stories)
	if cache == nil {
		// Stream takes each story's text from its HTML (Doc.HTML), on all
		// cores, and keeps it only until its x/ file is written.
		for _, s := range stories {
			if !s.Draft {
				d := docFields(s, site.Taxonomies)
				d.HTML = s.HTML
				in.Docs = append(in.Docs, d)
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
	titles := termTitles(site)
	if !sc.update(site, stories, titles) {
		// Stories came, went, moved or became drafts: start again, still
		// reusing the Doc of every story unchanged.
		sc.stories = make([]siteStory, len(stories))
		sc.out = make([]Doc, 0, len(stories))
		for i, s := range stories {
			sc.stories[i] = siteStory{source: sourceOf(s), at: -1}
			if !s.Draft {
				sc.stories[i].at = len(sc.out)
				sc.out = append(sc.out, sc.docOf(s, site.Taxonomies, titles))
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
func (sc *siteCache) update(site *link.Site, stories []*link.Story, titles uint64) bool {
	sc.gen++
	sameTitles := titles == sc.titles
	sc.titles = titles
	if len(sc.stories) != len(stories) {
		return false
	}
	var changed []int
	for i, s := range stories {
		k := &sc.stories[i]
		if k.source == sourceOf(s) && sameTitles && s.Draft == (k.at < 0) {
			continue // perhaps linked again, but showing the same
		}
		if s.Draft != (k.at < 0) {
			return false
		}
		changed = append(changed, i)
	}
	for _, i := range changed {
		s, k := stories[i], &sc.stories[i]
		k.source = sourceOf(s)
		if k.at >= 0 {
			sc.out[k.at] = sc.docOf(s, site.Taxonomies, titles)
		}
	}
	return true
}

// docOf returns the Doc of story s: the one kept for its path if it was
// made from the same source under the same term titles, or a new one.
func (sc *siteCache) docOf(s *link.Story, taxes []*link.Taxonomy, titles uint64) Doc {
	e := sc.byPath[s.Path]
	if e == nil || e.source != sourceOf(s) || e.titles != titles {
		e = &siteDoc{source: sourceOf(s), titles: titles, doc: newDoc(s, taxes)}
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

// docSource is all of a story that its Doc shows, but for the titles of
// its terms (termTitles): its file and URL (link.Story.Key), its HTML
// (link.Story.HTMLKey) and, for a translation, the file of its original
// (content.Story.Original), whose date, terms and any fields the
// translation does not set it inherits: a retagged original changes its
// translation's Doc while the translation's file stays the same.
type docSource struct{ file, html, original uint64 }

func sourceOf(s *link.Story) docSource {
	src := docSource{file: s.Key, html: s.HTMLKey}
	if o := s.Story.Original; o != nil {
		src.original = o.Hash
	}
	return src
}

// siteStory is a story FromSiteCached has seen.
type siteStory struct {
	source docSource
	at     int // index of its Doc in siteCache.out, -1 for a draft
}

// siteDoc is a story's Doc and what it was made from.
type siteDoc struct {
	source docSource
	titles uint64
	doc    Doc
	gen    uint64 // the last call that used it
}

// newDoc returns the Doc of story s.
func newDoc(s *link.Story, taxes []*link.Taxonomy) Doc {
	d := docFields(s, taxes)
	d.Body = PlainText(s.HTML)
	return d
}

// docFields returns the Doc of story s without its body.
func docFields(s *link.Story, taxes []*link.Taxonomy) Doc {
	d := Doc{Title: s.Title, URL: s.URL, Summary: s.Summary, Place: s.Place, Date: s.Date,
		Questions: s.Questions}
	d.Facts = append(append(append(append(d.Facts, s.Partners...), s.Outcomes...), s.Setbacks...), s.Period)
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
