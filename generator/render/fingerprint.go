package render

import (
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
// Fingerprints are exact for the built-in templates and for nothing else:
// a site with templates of its own (Theme.own) gets none, so every page is
// rendered on every build and written when its bytes change (see
// Renderer.All), whatever its templates read.
//
// A fingerprint is only compared with one from the same process: it is a
// maphash sum with a per-process seed.

var fingerprintSeed = maphash.MakeSeed()

type fingerprinter struct {
	chrome uint64
}

func newFingerprinter(r *renderer) *fingerprinter {
	var h digest
	d := r.data
	h.strs(d.Title, d.Description, d.Language, d.Home, d.Stylesheet, d.Script, d.SearchURL,
		d.StoriesURL, d.FeedURL, d.LiveReload, d.SearchIndex, r.site.Config.Abs(""),
		string(d.ToneCSS), d.Logo, d.ExtraCSS)
	h.u64(r.theme.hash)
	for _, n := range d.Nav {
		h.strs(n.Title, n.URL)
	}
	for _, p := range d.Pages {
		h.strs(p.Slug, p.Title, p.URL, p.Summary)
	}
	for _, tax := range d.Taxonomies {
		h.strs(tax.Name, tax.Title, tax.URL, tax.Summary)
		for _, t := range tax.Terms {
			h.strs(t.Key, t.Title, t.URL, t.Summary, t.FeedURL)
		}
	}
	for _, f := range d.Facets {
		h.strs(f.Param, f.Taxonomy.Name)
	}
	return &fingerprinter{chrome: uint64(h)}
}

// languagesDigest fingerprints the languages of a site, which every page
// of each of them links to.
func languagesDigest(family []*renderer) uint64 {
	var h digest
	h.strs("languages")
	for _, l := range family {
		h.strs(l.site.Config.Language, l.prefix, l.site.Config.Abs(""))
	}
	return uint64(h)
}

// storiesDigest fingerprints what a list of stories shows of them.
func storiesDigest(stories []*link.Story) uint64 {
	var h digest
	h.int(len(stories))
	for _, s := range stories {
		h.card(s)
	}
	return uint64(h)
}

// card fingerprints what a list shows of a story: its Key covers its
// file (front matter and body) and its URL.
func (d *digest) card(s *link.Story) { d.u64(s.Key) }

// story fingerprints a story page: the story, the cards of its related
// stories and its backlinks.
func (fp *fingerprinter) story(s *link.Story, p *Page) uint64 {
	var h digest
	h.u64(fp.chrome)
	// The page's title, description and canonical URL come from the
	// story's front matter and URL (its Key) and the base URL (chrome).
	h.strs("story")
	h.card(s)
	h.u64(s.HTMLKey)
	h.int(s.ReadingMinutes)
	for _, a := range s.Alternates {
		h.strs(a.Lang, a.Abs)
	}
	for _, r := range s.Related {
		h.card(r)
	}
	h.int(len(s.Backlinks))
	for _, b := range s.Backlinks {
		h.strs(b.Title, b.URL, b.Summary)
		if b.Draft {
			h.strs("draft")
		}
	}
	return uint64(h) | 1
}

// listPage fingerprints a page of a list: its heading data, pager and
// cards. extra covers kind-specific header data.
func (fp *fingerprinter) listPage(p *Page, extra ...uint64) uint64 {
	var h digest
	h.u64(fp.chrome)
	h.strs(p.Kind, p.Title, p.Description, p.Canonical, p.Feed)
	for _, c := range p.Breadcrumbs {
		h.strs(c.Title, c.URL)
	}
	if p.Pager != nil {
		// The number and total fix the neighbours' URLs; the dates come
		// with the cards.
		h.int(p.Pager.Number)
		h.int(p.Pager.Total)
	}
	for _, e := range extra {
		h.u64(e)
	}
	h.int(len(p.Stories))
	for _, s := range p.Stories {
		h.card(s)
	}
	return uint64(h) | 1
}

// feed fingerprints the Atom feed writeFeed writes for these arguments:
// its newest stories' front matter and URLs (their Keys), its date, and
// the vocabulary's titles and the site's settings (the chrome).
func (fp *fingerprinter) feed(site *link.Site, title, sitePath string, stories []*link.Story) uint64 {
	var h digest
	h.u64(fp.chrome)
	h.strs("feed", site.Config.Abs(""), title, sitePath)
	h.int(int(feedUpdated(site, stories).Unix()))
	entries := first(stories, FeedSize)
	h.int(len(entries))
	for _, s := range entries {
		h.card(s)
	}
	return uint64(h) | 1
}

// sitemapKey fingerprints a sitemap of pages.
func sitemapKey(pages []siteURL) uint64 {
	var h digest
	h.int(len(pages))
	for _, p := range pages {
		h.strs(p.Loc, p.LastMod)
		for _, l := range p.Links {
			h.strs(l.Hreflang, l.Href)
		}
	}
	return uint64(h) | 1
}

// listExtra fingerprints the header data a list page shows besides its
// cards: the term or intersection it lists and, on the first page, how
// many stories it has and the counts of related terms and filters.
func (fp *fingerprinter) listExtra(p *Page) uint64 {
	var h digest
	if p.Term != nil {
		h.u64(p.Term.Hash)
		h.u64(p.Term.HTMLKey)
	}
	if p.Taxonomy != nil {
		h.strs(p.Taxonomy.Name)
	}
	if p.FirstPage() {
		// The first page also shows how many stories the list has, the
		// term's co-occurring terms and intersections, and on the stories
		// list the facet counts. Older pages show none of these, so that
		// they change only when their own stories do.
		if p.Term != nil {
			h.int(len(p.Term.Stories))
			for _, g := range p.Term.CoOccurring {
				h.strs(g.Taxonomy.Name)
				for _, tc := range g.Terms {
					h.strs(tc.Term.Key)
					h.int(tc.Count)
				}
			}
		}
		for _, g := range p.Intersections {
			for _, l := range g.Links {
				h.strs(l.URL)
				h.int(l.Count)
			}
		}
		if p.Kind == "stories" {
			h.int(p.Site.StoryCount)
			for _, f := range p.Site.Facets {
				for _, t := range f.Taxonomy.Terms {
					h.int(len(t.Stories))
				}
			}
		}
	}
	if in := p.Intersection; in != nil {
		h.strs(in.URL, in.SearchURL, in.Noun, in.PrimaryNoun)
		if p.FirstPage() {
			h.int(len(in.Stories))
		}
	}
	if p.Plain != nil {
		h.u64(p.Plain.Hash)
		h.u64(p.Plain.HTMLKey)
	}
	return uint64(h)
}

// digest accumulates a fingerprint: each value is mixed into it in turn,
// so the same values in another order give another fingerprint. Strings
// are hashed with the process's seed. It is much cheaper than feeding a
// hash.Hash, which matters because a rebuild fingerprints every page.
type digest uint64

// u64 mixes n in (with the finalizer of SplitMix64).
func (d *digest) u64(n uint64) {
	x := uint64(*d) + 0x9e3779b97f4a7c15 + n
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	*d = digest(x ^ x>>31)
}

func (d *digest) int(n int) { d.u64(uint64(n)) }

func (d *digest) strs(values ...string) {
	for _, v := range values {
		d.u64(maphash.String(fingerprintSeed, v))
	}
}
