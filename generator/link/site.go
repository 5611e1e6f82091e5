// Package link builds the Site: the read-only model of a whole casebook
// that rendering and the search index work from. It gives every page its
// URL, converts every body to HTML with its internal links resolved
// (reporting broken ones at their line), and computes the cross-links:
// each taxonomy's terms with their stories, related stories, backlinks,
// which terms co-occur, and the intersections of primary terms with other
// terms and their counts.
//
// URLs in the Site are ready to print: they carry the base URL's path
// prefix. OutPath fields give the file each page is written to.
//
// The Site is plain data: strings, numbers and links between its parts.
// Bodies are plain strings of HTML too (Story.HTML and the like); which
// strings are trusted markup is for render to decide. Link depends on no
// later stage, and nothing changes the Site once Link returns, but for
// ReplaceBody (watch's body-only rebuild) and what a one-shot build lets
// go once it is used (see build's releaseSources and render's
// Options.Release).
package link

import (
	"hash/maphash"
	"time"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
)

// MaxRelated is the number of related stories listed on a story page.
const MaxRelated = 5

// Site is a linked casebook. It is not modified after Link returns,
// except by ReplaceBody.
type Site struct {
	Config *config.Config
	// Home is the home page intro; never nil.
	Home *Page
	// StoriesIntro is the intro of the stories list; never nil.
	StoriesIntro *Page
	// Stories are newest first; ties by title, then slug.
	Stories    []*Story
	Taxonomies []*Taxonomy
	Pages      []*Page
	// Updated is the date of the newest story or update, drafts left out,
	// for feeds and the sitemap.
	Updated time.Time
	// Intersections are the site's non-empty intersections of a primary
	// term with a term of another taxonomy, by primary term then taxonomy
	// then term, in vocabulary order; nil with fewer than two taxonomies.
	Intersections []*Intersection
	// Pairs are the primary terms two by two with the number of stories
	// carrying both, most shared first.
	Pairs []Pair
	// Redirects are the earlier addresses of stories and terms, sorted
	// by their old URL.
	Redirects []Redirect
	// Editions are the site in each further language ([languages.<code>]
	// of site.toml), in the order of site.toml: their Config is the
	// edition's (config.Config.Edition), their URLs are under /<code>/,
	// and they hold every story, term and page of the site, translated or
	// not. Editions of an edition is nil.
	Editions []*Site
	// linker is kept for ReplaceBody, which resolves links as Link did.
	linker *linker
}

// Alternate is one language version of a page, for hreflang links and
// the language switch.
type Alternate struct {
	// Lang is the BCP 47 code of the version's language.
	Lang string
	// URL is the version's link, with the base path; Abs its absolute URL.
	URL, Abs string
}

// Story is a story with its URLs and cross-links.
type Story struct {
	*content.Story
	URL     string
	OutPath string
	// HTML is the converted body: markup from goldmark's safe renderer,
	// as a plain string; render decides it is trusted (render/trust.go).
	HTML  string
	Words int
	// ReadingMinutes is the reading time, at 200 words a minute, at least 1.
	ReadingMinutes int
	// Terms holds the story's terms per taxonomy, in site.toml order.
	Terms     []TermGroup
	Related   []*Story
	Backlinks []Ref
	// Key changes whenever the story's file or its URL does. It lets a
	// rebuild tell cheaply whether a list showing the story changed.
	Key uint64
	// HTMLKey changes whenever HTML does, which it may without the file
	// changing: a link such as [[slug]] shows its target's title.
	HTMLKey uint64
	// HasVideo is set when HTML holds a click-to-play video, whose page
	// then needs the player's script.
	HasVideo bool
	// seq is the story's place in Site.Stories.
	seq int32
	// Foreign is set on a story of an edition that is not translated into
	// the edition's language: it is the language the story is written in
	// (the site's default). Its URL is then the original's and OutPath
	// is "": an edition lists such a story but writes no page for it.
	Foreign string
	// Alternates lists the story's versions in every language it has one
	// in, the default language first; nil on a site with one language.
	Alternates []Alternate
}

// borrow gives a story of an edition that is not translated the body of
// its original, orig, converted there.
func (s *Story) borrow(orig *Story) {
	if orig != nil {
		s.HTML, s.HTMLKey, s.HasVideo, s.Words, s.ReadingMinutes = orig.HTML, orig.HTMLKey, orig.HasVideo, orig.Words, orig.ReadingMinutes
	}
}

// storyKey is Story.Key for a story whose file has the given hash.
func storyKey(fileHash uint64, url string) uint64 {
	return fileHash ^ maphash.String(keySeed, url)*0x9e3779b97f4a7c15
}

var keySeed = maphash.MakeSeed()

// TermGroup is a story's terms in one taxonomy.
type TermGroup struct {
	Taxonomy *Taxonomy
	Terms    []*Term
}

// Ref is a link to a page, for backlinks.
type Ref struct {
	Title, URL, Summary string
	// Draft is true when the page linking here is a draft story, which
	// only a -drafts build has; themes mark it as one.
	Draft bool
	// Foreign is the language of a page linking here from an edition in
	// another language, in which it is not translated (as Story.Foreign).
	Foreign string
}

// Taxonomy is one vocabulary, such as principles.
type Taxonomy struct {
	Name    string
	Title   string
	Summary string
	URL     string
	OutPath string
	Intro   *Page
	Terms   []*Term
	byKey   map[string]*Term
}

// Term returns the term with key, or nil.
func (t *Taxonomy) Term(key string) *Term { return t.byKey[key] }

// Term is one term with its stories.
type Term struct {
	*content.Term
	URL      string
	OutPath  string
	FeedURL  string
	HTML     string // as Story.HTML
	HTMLKey  uint64 // as Story.HTMLKey
	HasVideo bool   // as Story.HasVideo
	// Stories are newest first.
	Stories []*Story
	// CoOccurring lists, per other taxonomy, the terms that share stories
	// with this one, most shared first.
	CoOccurring []CoGroup
	// Intersections lists the term's intersection pages (see
	// Site.Intersections): for a primary term, one group per other
	// taxonomy; for another term, one group of primary terms.
	Intersections []IntersectionGroup
	// Primary is set on the terms of the first taxonomy, the site's
	// primary one, which the theme gives their own colours and marks.
	Primary bool
	// rank is the term's position in its taxonomy.
	rank int
	// Alternates is as for a Story; every edition has every term's page.
	Alternates []Alternate
}

// Rank is the term's position in its taxonomy's display order, from 0.
func (t *Term) Rank() int { return t.rank }

// CoGroup holds co-occurring terms of one taxonomy.
type CoGroup struct {
	Taxonomy *Taxonomy
	Terms    []TermCount
}

// TermCount is a term and a number of stories.
type TermCount struct {
	Term  *Term
	Count int
}

// Page is a plain page or a section intro.
type Page struct {
	*content.Page
	URL       string
	OutPath   string
	HTML      string // as Story.HTML
	HTMLKey   uint64 // as Story.HTMLKey
	HasVideo  bool   // as Story.HasVideo
	Backlinks []Ref
	// Foreign and Alternates are as for a Story.
	Foreign    string
	Alternates []Alternate
}
