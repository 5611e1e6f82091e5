package render

import (
	"encoding/binary"
	"hash/maphash"

	"github.com/casebook/casebook/generator/link"
)

// Fingerprints let a long-lived builder (watch, serve) skip pages whose
// inputs did not change since its last build. A fingerprint covers
// everything the page's template shows: the site-wide "chrome" (settings,
// navigation, vocabulary titles, the theme itself) and the page's own data.
// For the older pages of a list that is the list's heading, the pager and
// the page's own cards: themes show counts, filters and related terms on
// the first page only (Page.FirstPage). Pages whose inputs are too broad to
// fingerprint cheaply (the home page, taxonomy indexes, feeds, the search
// index) get no fingerprint and are always rendered; the builder still
// writes them only when their bytes change.
//
// A fingerprint is only compared with one from the same process: it is a
// maphash sum with a per-process seed.

var fingerprintSeed = maphash.MakeSeed()

type fingerprinter struct {
	chrome uint64
}

func newFingerprinter(r *renderer) *fingerprinter {
	var h maphash.Hash
	h.SetSeed(fingerprintSeed)
	d := r.data
	writeStrings(&h, d.Title, d.Description, d.Language, d.Home, d.Stylesheet, d.Script, d.SearchURL,
		d.StoriesURL, d.FeedURL, d.LiveReload, d.SearchIndex)
	writeInt(&h, d.StoryCount)
	writeInt(&h, int(r.theme.hash))
	for _, n := range d.Nav {
		writeStrings(&h, n.Title, n.URL)
	}
	for _, p := range d.Pages {
		writeStrings(&h, p.Slug, p.Title, p.URL, p.Summary)
	}
	for _, tax := range d.Taxonomies {
		writeStrings(&h, tax.Name, tax.Title, tax.URL, tax.Summary)
		for _, t := range tax.Terms {
			writeStrings(&h, t.Key, t.Title, t.URL, t.Summary, t.FeedURL)
		}
	}
	for _, f := range d.Facets {
		writeStrings(&h, f.Param, f.Taxonomy.Name)
	}
	return &fingerprinter{chrome: h.Sum64()}
}

// card fingerprints what a list shows of a story. The story's file hash
// covers its front matter and body; its URL covers where it is published.
func writeCard(h *maphash.Hash, s *link.Story) {
	writeInt(h, int(s.Hash))
	writeStrings(h, s.URL)
}

// story fingerprints a story page: the story, the cards of its related
// stories and its backlinks.
func (fp *fingerprinter) story(s *link.Story, p *Page) uint64 {
	var h maphash.Hash
	h.SetSeed(fingerprintSeed)
	writeInt(&h, int(fp.chrome))
	writeStrings(&h, "story", p.Title, p.Description, p.Canonical)
	writeCard(&h, s)
	writeInt(&h, s.ReadingMinutes)
	for _, r := range s.Related {
		writeCard(&h, r)
	}
	writeInt(&h, len(s.Backlinks))
	for _, b := range s.Backlinks {
		writeStrings(&h, b.Title, b.URL, b.Summary)
	}
	return h.Sum64() | 1
}

// listPage fingerprints a page of a list: its heading data, pager and
// cards. extra covers kind-specific header data.
func (fp *fingerprinter) listPage(p *Page, extra ...uint64) uint64 {
	var h maphash.Hash
	h.SetSeed(fingerprintSeed)
	writeInt(&h, int(fp.chrome))
	writeStrings(&h, p.Kind, p.Title, p.Description, p.Canonical, p.Feed)
	for _, c := range p.Breadcrumbs {
		writeStrings(&h, c.Title, c.URL)
	}
	if p.Pager != nil {
		// The number and total fix the neighbours' URLs; the dates come
		// with the cards.
		writeInt(&h, p.Pager.Number)
		writeInt(&h, p.Pager.Total)
	}
	for _, e := range extra {
		writeInt(&h, int(e))
	}
	writeInt(&h, len(p.Stories))
	for _, s := range p.Stories {
		writeCard(&h, s)
	}
	return h.Sum64() | 1
}

// listExtra fingerprints the header data a list page shows besides its
// cards: the term or intersection it lists, how many stories it has, and
// on the first page the counts of related terms and filters.
func listExtra(p *Page) uint64 {
	var h maphash.Hash
	h.SetSeed(fingerprintSeed)
	if p.Term != nil {
		writeInt(&h, int(p.Term.Hash))
	}
	if p.Taxonomy != nil {
		writeStrings(&h, p.Taxonomy.Name)
	}
	if p.FirstPage() {
		// The first page also shows how many stories the list has, the
		// term's co-occurring terms and intersections, and on the stories
		// list the facet counts. Older pages show none of these, so that
		// they change only when their own stories do.
		if p.Term != nil {
			writeInt(&h, len(p.Term.Stories))
			for _, g := range p.Term.CoOccurring {
				writeStrings(&h, g.Taxonomy.Name)
				for _, tc := range g.Terms {
					writeStrings(&h, tc.Term.Key)
					writeInt(&h, tc.Count)
				}
			}
		}
		for _, g := range p.Intersections {
			for _, l := range g.Links {
				writeStrings(&h, l.URL)
				writeInt(&h, l.Count)
			}
		}
		if p.Kind == "stories" {
			for _, f := range p.Site.Facets {
				for _, t := range f.Taxonomy.Terms {
					writeInt(&h, len(t.Stories))
				}
			}
		}
	}
	if in := p.Intersection; in != nil {
		writeStrings(&h, in.URL, in.SearchURL, in.Noun, in.PrimaryNoun)
		if p.FirstPage() {
			writeInt(&h, len(in.Stories))
		}
	}
	if p.Plain != nil {
		writeInt(&h, int(p.Plain.Hash))
	}
	return h.Sum64()
}

func writeStrings(h *maphash.Hash, values ...string) {
	for _, v := range values {
		writeInt(h, len(v))
		h.WriteString(v)
	}
}

func writeInt(h *maphash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}
