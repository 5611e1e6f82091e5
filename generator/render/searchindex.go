package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/search"
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

// Compact reports whether the output file at path is written as compact
// as it can be by casebook itself, so that minifying it would only cost
// time: the files of the search index (not its page), the default
// language's under search/ and each further language's under
// <code>/search/, which are all JSON or text (no page of a taxonomy or
// term is either, whatever its name).
func Compact(path string) bool {
	if strings.HasPrefix(path, "search/") {
		return path != "search/index.html"
	}
	return editionSearchFile.MatchString(path)
}

// editionSearchFile matches the search index files of a further language.
var editionSearchFile = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*/search/.+\.(json|txt)$`)

// searchFiles builds the search index (see package search) and adds a job
// for each of its files under search/ as soon as the file is ready, so the
// index is built while pages render and no file is held longer than it
// takes to write. An index that cannot be built fails the build.
func searchFiles(in search.Input, add func(job)) error {
	_, err := search.Stream(in, func(f search.File) error {
		data, key := f.Data, f.Key
		add(job{path: "search/" + f.Path, fingerprint: func() uint64 { return key }, render: func(buf *bytes.Buffer) error { _, err := buf.Write(data); return err }})
		return nil
	})
	if err != nil {
		return fmt.Errorf("building the search index: %w", err)
	}
	return nil
}
