package render

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
)

// PerPage is the number of stories on one page of a list.
const PerPage = 50

// Page is what every template receives as its dot. Exactly one of Story,
// Term, Taxonomy and Plain is set, according to Kind, except on the home,
// stories list and 404 pages.
type Page struct {
	Site *SiteData
	// Kind is "home", "stories", "story", "taxonomy", "term", "page",
	// "404", "search", "intersection" or "redirect".
	Kind        string
	Title       string
	Description string
	// Canonical is the absolute URL of the page.
	Canonical string
	// OGType is the Open Graph type: "article" for stories, "website"
	// otherwise.
	OGType string
	// Image is the absolute URL of the page's social card (og:image):
	// the story's own on story pages, the site's elsewhere.
	Image string

	Story    *link.Story
	Term     *link.Term
	Taxonomy *link.Taxonomy
	Plain    *link.Page

	// Stories is the page's slice of a list (stories list, term page).
	Stories []*link.Story
	Pager   *Pager
	// Latest holds the newest stories, on the home page.
	Latest []*link.Story
	// Feed is the URL of the feed that covers this page.
	Feed string
	// Breadcrumbs lead from the home page to the current one.
	Breadcrumbs []Crumb

	// Cite is set on story pages: how to cite the story.
	Cite *Citation

	// Redirect is set on the page at an earlier address (kind
	// "redirect").
	Redirect *link.Redirect

	// Intersection is set on intersection pages (kind "intersection").
	Intersection *link.Intersection
	// Pack is the URL of the term's workshop pack, on term pages; "" when
	// the term has too many stories for one (see MaxPackStories).
	Pack string
	// Intersections lists, on term pages, the term's intersection pages.
	Intersections []link.IntersectionGroup

	// Alternates are the page's versions in each language, the default
	// first, for hreflang links (x-default is the first); nil on a site
	// of one language. Languages is the language switch made of them.
	Alternates []link.Alternate
	Languages  []Language

	// HasVideo is set when the page's body holds a click-to-play video
	// (see markdown.Video): its page then carries the play button's words
	// for the theme's script.
	HasVideo bool
	// OnPrimary is set when the page belongs to the primary taxonomy (the
	// principles, in the sample site): its terms wear their own colour
	// and mark.
	OnPrimary bool
	// ShowCoverage is set on the pages where the coverage partial draws:
	// the home page and the index of the primary taxonomy.
	ShowCoverage bool
}

// Citation is what a story page needs to offer its citation: the plain
// text one is laid out by the theme from these, and cite.bib and
// cite.ris beside the page hold the same (see cite.go).
type Citation struct {
	// Authors are the story's authors, or the site's title when it names
	// none.
	Authors []string
	Year    int
	// Date is the publication date as citation_publication_date wants it,
	// 2019/08/30.
	Date string
	// URL is the story's absolute address.
	URL string
	// BibTeX and RIS are the links to the citation files.
	BibTeX, RIS string
}

// SiteData is the part of every page that is the same site-wide.
type SiteData struct {
	Title       string
	Description string
	Language    string
	// Home is the URL of the home page (the base URL's path).
	Home string
	// Origin is the scheme and host of the base URL, such as
	// "https://example.org": with a URL it makes an absolute address.
	Origin string
	// Stylesheet is the URL of the theme's stylesheet.
	Stylesheet string
	// ToneCSS sets the colour of each primary term (see tones.go).
	ToneCSS template.CSS
	// Logo is the URL of the site's own logo ([style] logo), "" to draw
	// LogoDots instead: a dot in each primary term's colour.
	Logo     string
	LogoDots []LogoDot
	// ExtraCSS is the URL of the site's own stylesheet ([style]
	// extra_css), loaded after the theme's; "" when it has none.
	ExtraCSS string
	// Script is the URL of the theme's script, or "" when it has none.
	Script     string
	SearchURL  string
	StoriesURL string
	FeedURL    string
	// StoriesJSON and StoriesCSV are the URLs of the exports of every
	// published story.
	StoriesJSON, StoriesCSV string
	Nav                     []NavItem
	Taxonomies              []*link.Taxonomy
	// Primary is the first taxonomy (the principles, in the sample site).
	Primary *link.Taxonomy
	Pages   []*link.Page
	// StoryCount is the number of published stories.
	StoryCount int
	// LiveReload is the URL of the live-reload script injected by serve,
	// or "".
	LiveReload string

	// Coverage is the coverage view (see Page.ShowCoverage); nil when the
	// site has fewer than two taxonomies.
	Coverage *Coverage
	// Facets are the taxonomies that the search page and the stories list
	// filter by.
	Facets []Facet
	// FacetList names the facets, joined with ", ".
	FacetList string
	// SearchIndex is the URL of the search index manifest.
	SearchIndex string
	// Messages is the JSON of the scripts' messages in the site's
	// language (see scriptMessages), for a data-messages attribute.
	Messages string
}

// NavItem is an entry of the main navigation.
type NavItem struct {
	Title, URL string
	// Lang is the language of a page not translated into the page's
	// language (link.Page.Foreign), "" otherwise.
	Lang string
}

// Crumb is a step of the breadcrumb trail.
type Crumb struct {
	Title, URL string
}

// Pager links the pages of a paginated list. Pages are numbered from the
// oldest, so that a page keeps its number and its stories as newer stories
// arrive: page 1 holds the oldest stories, and the list's own URL, the
// first page a reader sees, is page Total and holds the newest.
type Pager struct {
	Number, Total int
	// Newer and Older are the URLs of the neighbouring pages, "" at either
	// end of the list.
	Newer, Older string
	// First is the URL of the list's first page, which holds its newest
	// stories.
	First string
	// Newest and Oldest are the dates of the first and last story on this
	// page.
	Newest, Oldest time.Time
	// Pages holds the URL of every page, oldest (page 1) first.
	Pages []string
	// tr says the dates in the site's language.
	tr *i18n.Catalog
}

// OneDay reports whether every story on the page has the same date.
func (p *Pager) OneDay() bool {
	return p.Oldest.Format(time.DateOnly) == p.Newest.Format(time.DateOnly)
}

// Span describes the dates a page covers, such as "2 March 2019 to 30 June
// 2020", or one date when all its stories share it.
func (p *Pager) Span() string {
	tr := p.tr
	if tr == nil {
		tr = i18n.NewCatalog(i18n.Reference, nil, nil)
	}
	if p.OneDay() {
		return tr.Date(p.Newest)
	}
	return tr.S("date.span", tr.Date(p.Oldest), tr.Date(p.Newest))
}

// FirstPage reports whether p is the first page a reader sees of its list
// (its newest page), or the only one. Counts, descriptions and filters
// appear on the first page only, so that older pages change only when the
// stories on them do.
func (p *Page) FirstPage() bool { return p.Pager == nil || p.Pager.Number == p.Pager.Total }

// setDerived sets the fields of p that render derives from the entities
// it shows, so that they are part of the page's own data (see record.go).
func (p *Page) setDerived() {
	switch {
	case p.Story != nil:
		p.HasVideo = p.Story.HasVideo
	case p.Plain != nil:
		p.HasVideo = p.Plain.HasVideo
	case p.Term != nil:
		p.HasVideo = p.Term.HasVideo
	}
	p.OnPrimary = p.Site != nil && p.Taxonomy != nil && p.Taxonomy == p.Site.Primary
	p.ShowCoverage = p.Site != nil && p.Site.Coverage != nil && (p.Kind == "home" || p.Kind == "taxonomy" && p.OnPrimary)
}

func siteData(site *link.Site, th *Theme, tr *i18n.Catalog, opts Options) *SiteData {
	cfg := site.Config
	d := &SiteData{
		Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		Home: cfg.Rel(""), Origin: origin(cfg.Abs("")), Stylesheet: cfg.RootRel("style.css"), SearchURL: cfg.Rel("search/"),
		StoriesURL: cfg.Rel("stories/"), FeedURL: cfg.Rel("feed.xml"),
		StoriesJSON: cfg.RootRel("stories.json"), StoriesCSV: cfg.RootRel("stories.csv"),
		Taxonomies: site.Taxonomies, Pages: site.Pages, StoryCount: len(site.Stories),
		LiveReload: opts.LiveReload,
	}
	if _, ok := th.Static["site.js"]; ok {
		d.Script = cfg.RootRel("site.js")
	}
	if len(site.Taxonomies) > 0 {
		d.Primary = site.Taxonomies[0]
	}
	d.ToneCSS = ToneCSS(d.Primary) + AccentCSS(cfg.Style.Accent)
	d.LogoDots = logoDots(d.Primary)
	if cfg.Style.LogoData != nil {
		d.Logo = cfg.RootRel(cfg.Style.LogoFile())
	}
	if cfg.Style.ExtraCSSData != nil {
		d.ExtraCSS = cfg.RootRel(cfg.Style.ExtraCSSFile())
	}
	d.Messages = scriptMessages(tr)
	d.Nav = append(d.Nav, NavItem{Title: tr.S("nav.stories"), URL: d.StoriesURL})
	for _, tax := range site.Taxonomies {
		d.Nav = append(d.Nav, NavItem{Title: tax.Title, URL: tax.URL})
	}
	for _, p := range site.Pages {
		if p.Slug == "about" {
			d.Nav = append(d.Nav, NavItem{Title: p.Title, URL: p.URL, Lang: p.Foreign})
		}
	}
	d.Nav = append(d.Nav, NavItem{Title: tr.S("nav.search"), URL: d.SearchURL})
	return d
}

// home is the first step of every breadcrumb trail.
func (r *renderer) home() Crumb { return Crumb{r.tr.S("nav.home"), r.site.Config.Rel("")} }

// scriptMessages is the JSON the theme's scripts read their messages
// from (the js.* strings), with the language whose plural rules pick
// their forms.
func scriptMessages(tr *i18n.Catalog) string {
	date := tr.Messages("date.")
	data, err := json.Marshal(struct {
		Lang     string         `json:"lang"`
		Messages map[string]any `json:"messages"`
		Date     map[string]any `json:"date"`
	}{tr.Lang, tr.Messages("js."), map[string]any{"format": date["format"], "months": date["months"]}})
	if err != nil {
		return "{}"
	}
	return string(data)
}
