package render

import (
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
)

// Facet is a taxonomy as a filter of the search page and the stories
// list: a group of checkboxes named Param, one per term.
type Facet struct {
	// Param is the URL query parameter ("value"), repeated once per
	// chosen term: /search/?q=summer&value=listening&value=trust.
	Param    string
	Taxonomy *link.Taxonomy
}

// facets returns the site's filters, one per taxonomy.
func facets(site *link.Site) []Facet {
	var out []Facet
	for _, tax := range site.Taxonomies {
		out = append(out, Facet{Param: content.Param(tax.Name), Taxonomy: tax})
	}
	return out
}

// addFinding fills the parts of the site data that help readers find
// stories: facets, the search index URL and the coverage view.
func addFinding(d *SiteData, site *link.Site, tr *i18n.Catalog) {
	d.Facets = facets(site)
	var titles []string
	for _, f := range d.Facets {
		titles = append(titles, f.Taxonomy.Title)
	}
	d.FacetList = strings.Join(titles, ", ")
	d.SearchIndex = site.Config.Rel("search/index.json")
	d.Coverage = coverage(site, tr)
}

// searchPage adds the search page.
func (r *renderer) searchPage(add func(job)) {
	cfg := r.site.Config
	add(job{path: "search/index.html", page: r.page("search", &Page{Title: r.tr.S("nav.search"), Description: r.tr.S("search.description", cfg.Title),
		Canonical: cfg.Abs("search/"), Breadcrumbs: []Crumb{r.home()}})})
}
