package search

import (
	"encoding/binary"
	"github.com/casebook/casebook/generator/content"
	"hash/maphash"

	"github.com/casebook/casebook/generator/link"
)

// FromSite returns the input for the index of a linked site: every story
// that is not a draft (a build with -drafts links drafts too, but they
// still stay out of the index), and every taxonomy.
func FromSite(site *link.Site) Input {
	return FromSiteCached(site, nil)
}

// FromSiteCached is FromSite reusing the plain text of unchanged stories
// from cache, which the returned Input carries to Build; cache may be nil.
func FromSiteCached(site *link.Site, cache *Cache) Input {
	in := Input{Cache: cache}
	for _, tax := range site.Taxonomies {
		t := Taxonomy{Name: tax.Name, Title: tax.Title, Param: Param(tax.Name)}
		for _, term := range tax.Terms {
			t.Terms = append(t.Terms, Term{Key: term.Key, Title: term.Title, URL: term.URL})
		}
		in.Taxonomies = append(in.Taxonomies, t)
	}
	for _, s := range site.Stories {
		if s.Draft {
			continue
		}
		d := Doc{Title: s.Title, URL: s.URL, Summary: s.Summary, Place: s.Place, Date: s.Date,
			Questions: s.Questions}
		d.Facts = append(append(append(d.Facts, s.Partners...), s.Outcomes...), s.Period)
		d.Terms = make([][]string, len(site.Taxonomies))
		for i, tax := range site.Taxonomies {
			d.Terms[i] = append([]string{}, s.Story.Terms[tax.Name]...)
		}
		for _, g := range s.Terms {
			for _, term := range g.Terms {
				d.Facts = append(d.Facts, term.Title)
			}
		}
		if cache != nil {
			d.Key = docKey(s, d.Facts)
		}
		if e := cache.get(d.Key); e != nil {
			d.Body = e.body
		} else {
			d.Body = PlainText(string(s.HTML))
			cache.put(d.Key, &cachedDoc{body: d.Body})
		}
		in.Docs = append(in.Docs, d)
	}
	return in
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

// docKey identifies a story's indexed text: its file (front matter and
// body), its URL and the titles of its terms.
func docKey(s *link.Story, facts []string) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeed)
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], s.Hash)
	h.Write(n[:])
	h.WriteString(s.URL)
	for _, f := range facts {
		h.WriteByte(0)
		h.WriteString(f)
	}
	return h.Sum64() | 1
}
