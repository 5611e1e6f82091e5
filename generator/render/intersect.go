package render

import (
	"net/url"

	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/search"
)

// Intersection is the set of stories carrying both a term of the primary
// taxonomy (a principle) and a term of another taxonomy, listed at
// /<primary>/<p>/<taxonomy>/<term>/, for example
// /values/listening/sectors/housing/.
type Intersection struct {
	PrimaryTaxonomy *link.Taxonomy
	Primary         *link.Term
	Taxonomy        *link.Taxonomy
	Term            *link.Term
	// Noun is the singular name of Taxonomy ("sector"), for sentences.
	Noun string
	// PrimaryNoun is the singular name of PrimaryTaxonomy ("principle").
	PrimaryNoun string
	URL         string
	// SearchURL opens the search page filtered by both terms.
	SearchURL string
	Stories   []*link.Story
}

// IntersectionGroup lists intersection pages of one term with the terms
// of one other taxonomy, for the term's page.
type IntersectionGroup struct {
	// Taxonomy is the taxonomy of the other terms.
	Taxonomy *link.Taxonomy
	Links    []IntersectionLink
}

// IntersectionLink is a link to an intersection page.
type IntersectionLink struct {
	// Term is the other term (the one that is not the page's own).
	Term  *link.Term
	URL   string
	Count int
}

// intersectionDir is the site path of the intersection of primary term p
// and term t of taxonomy tax.
func intersectionDir(primary *link.Taxonomy, p *link.Term, tax *link.Taxonomy, t *link.Term) string {
	return primary.Name + "/" + p.Key + "/" + tax.Name + "/" + t.Key + "/"
}

// intersections returns every non-empty intersection of the site, by
// primary term then taxonomy then term, in vocabulary order.
func intersections(site *link.Site) []*Intersection {
	if len(site.Taxonomies) < 2 {
		return nil
	}
	primary := site.Taxonomies[0]
	shared := sharedStories(site)
	var out []*Intersection
	for _, p := range primary.Terms {
		for _, tax := range site.Taxonomies[1:] {
			for _, t := range tax.Terms {
				stories := shared[termPair{p, t}]
				if len(stories) == 0 {
					continue
				}
				out = append(out, &Intersection{PrimaryTaxonomy: primary, Primary: p, Taxonomy: tax, Term: t,
					Noun: singular(tax), PrimaryNoun: singular(primary),
					URL: site.Config.Rel(intersectionDir(primary, p, tax, t)), Stories: stories,
					SearchURL: site.Config.Rel("search/") + "?" + url.Values{singular(primary): {p.Key}, singular(tax): {t.Key}}.Encode()})
			}
		}
	}
	return out
}

// termPair is a primary term and a term of another taxonomy.
type termPair struct{ primary, other *link.Term }

// sharedStories returns, for every pair of a primary term and another
// term that some story carries both of, those stories, newest first. It
// goes through each story's own terms once, instead of comparing every
// primary term's stories with every other term's.
func sharedStories(site *link.Site) map[termPair][]*link.Story {
	out := map[termPair][]*link.Story{}
	for _, s := range site.Stories { // newest first
		if len(s.Terms) == 0 || s.Terms[0].Taxonomy != site.Taxonomies[0] {
			continue
		}
		for _, p := range s.Terms[0].Terms {
			for _, g := range s.Terms[1:] {
				for _, t := range g.Terms {
					k := termPair{p, t}
					if list := out[k]; len(list) == 0 || list[len(list)-1] != s {
						out[k] = append(list, s)
					}
				}
			}
		}
	}
	return out
}

func singular(tax *link.Taxonomy) string { return search.Param(tax.Name) }

// intersectionJobs adds the pages of every intersection.
func (r *renderer) intersectionJobs(add func(job), all []*Intersection) {
	for _, in := range all {
		in := in
		r.paginate(add, intersectionDir(in.PrimaryTaxonomy, in.Primary, in.Taxonomy, in.Term), in.Stories, func(p *Page) {
			p.Kind, p.Intersection = "intersection", in
			p.Title = r.tr.S("intersection.title", in.Primary.Title, in.Term.Title)
			p.Description = r.tr.S("intersection.description", in.PrimaryNoun, in.Primary.Title, in.Noun, in.Term.Title)
			p.Feed = in.Primary.FeedURL
			p.Breadcrumbs = []Crumb{r.home(), {in.PrimaryTaxonomy.Title, in.PrimaryTaxonomy.URL}, {in.Primary.Title, in.Primary.URL}}
		})
	}
}

// termIntersections returns the intersection links of term t of taxonomy
// tax: for a primary term, one group per other taxonomy; for another term,
// one group of primary terms.
func termIntersections(all []*Intersection, tax *link.Taxonomy, t *link.Term) []IntersectionGroup {
	var groups []IntersectionGroup
	add := func(other *link.Taxonomy, l IntersectionLink) {
		if len(groups) == 0 || groups[len(groups)-1].Taxonomy != other {
			groups = append(groups, IntersectionGroup{Taxonomy: other})
		}
		g := &groups[len(groups)-1]
		g.Links = append(g.Links, l)
	}
	if len(all) == 0 {
		return nil
	}
	isPrimary := all[0].PrimaryTaxonomy == tax
	// all is ordered by primary term then taxonomy, so for a primary term
	// the groups come out in taxonomy order; for another term, the one
	// group of primary terms comes out in vocabulary order.
	for _, in := range all {
		switch {
		case isPrimary && in.Primary == t:
			add(in.Taxonomy, IntersectionLink{Term: in.Term, URL: in.URL, Count: len(in.Stories)})
		case !isPrimary && in.Term == t:
			add(in.PrimaryTaxonomy, IntersectionLink{Term: in.Primary, URL: in.URL, Count: len(in.Stories)})
		}
	}
	return groups
}
