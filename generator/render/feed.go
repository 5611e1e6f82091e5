package render

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/casebook/casebook/generator/link"
)

// FeedSize is the number of entries in an Atom feed.
const FeedSize = 20

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Link      atomLink   `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Summary   string     `xml:"summary"`
	Category  []atomCat  `xml:"category"`
	Author    atomAuthor `xml:"author"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// writeFeed writes an Atom feed of the newest stories. Every value goes
// through encoding/xml, which escapes it.
func writeFeed(buf *bytes.Buffer, site *link.Site, title, sitePath string, stories []*link.Story) error {
	cfg := site.Config
	f := atomFeed{
		Title: title, ID: cfg.Abs(sitePath), Updated: atomTime(feedUpdated(site, stories)),
		Links:  []atomLink{{Href: cfg.Abs(sitePath + "feed.xml"), Rel: "self", Type: "application/atom+xml"}, {Href: cfg.Abs(sitePath)}},
		Author: atomAuthor{Name: cfg.Title},
	}
	for _, s := range first(stories, FeedSize) {
		e := atomEntry{
			Title: s.Title, ID: cfg.Abs("stories/" + s.Slug + "/"), Link: atomLink{Href: cfg.Abs("stories/" + s.Slug + "/")},
			Published: atomTime(s.Date), Updated: atomTime(s.LastChanged()), Summary: s.Summary, Author: atomAuthor{Name: cfg.Title},
		}
		if len(s.Authors) > 0 {
			e.Author.Name = s.Authors[0]
		}
		for _, g := range s.Terms {
			for _, t := range g.Terms {
				e.Category = append(e.Category, atomCat{Term: g.Taxonomy.Name + "/" + t.Key, Label: t.Title})
			}
		}
		f.Entries = append(f.Entries, e)
	}
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(buf)
	return enc.Encode(f)
}

// feedJob adds the Atom feed of stories at sitePath+"feed.xml". Drafts,
// which a -drafts build lists, are left out: a preview deployed by mistake
// tells no subscriber about them.
func (r *renderer) feedJob(add func(job), title, sitePath string, stories []*link.Story) {
	stories = published(stories)
	add(job{path: sitePath + "feed.xml",
		fingerprint: func() uint64 {
			return r.made([]any{title, sitePath, feedUpdated(r.site, stories)}, first(stories, FeedSize)...)
		},
		render: func(buf *bytes.Buffer) error { return writeFeed(buf, r.site, title, sitePath, stories) }})
}

// published returns stories without the drafts among them: stories itself
// when it has none, as in every build without -drafts.
func published(stories []*link.Story) []*link.Story {
	for i, s := range stories {
		if s.Draft {
			out := append([]*link.Story(nil), stories[:i]...)
			for _, s := range stories[i+1:] {
				if !s.Draft {
					out = append(out, s)
				}
			}
			return out
		}
	}
	return stories
}

// feedUpdated is when the newest of stories was published or updated, as
// Atom wants for a feed, or the site's date for a feed with no entries.
func feedUpdated(site *link.Site, stories []*link.Story) time.Time {
	var newest time.Time
	for _, s := range stories {
		if changed := s.LastChanged(); changed.After(newest) {
			newest = changed
		}
	}
	if newest.IsZero() {
		return site.Updated
	}
	return newest
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC().Format(time.RFC3339)
}

type urlSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	// XHTML declares the namespace of the language alternates' links.
	XHTML string    `xml:"xmlns:xhtml,attr,omitempty"`
	URLs  []siteURL `xml:"url"`
}

type siteURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
	// Links are the page's versions in every language, when it has more
	// than one (see withAlternates).
	Links []sitemapLink `xml:"xhtml:link"`
	// dir and lang are the page's path within its language's folder and
	// that language, which pair a page with its versions.
	dir, lang string
}

// sitemapLink is an xhtml:link of the sitemap: one language version of a
// page.
type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// writeSitemap writes the sitemap of pages.
func writeSitemap(buf *bytes.Buffer, pages []siteURL) error {
	buf.WriteString(xml.Header)
	set := urlSet{URLs: pages}
	for _, p := range pages {
		if len(p.Links) > 0 {
			set.XHTML = "http://www.w3.org/1999/xhtml"
			break
		}
	}
	return xml.NewEncoder(buf).Encode(set)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
