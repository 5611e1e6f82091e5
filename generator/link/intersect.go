package link

import (
	"net/url"
	"sort"

	"github.com/casebook/casebook/generator/content"
)

// Intersection is the set of stories carrying both a term of the primary
// taxonomy (a principle) and a term of another taxonomy, listed at
// /<primary>/<p>/<taxonomy>/<term>/, for example
// /values/listening/sectors/housing/.
type Intersection struct {
	PrimaryTaxonomy *Taxonomy
	Primary         *Term
	Taxonomy        *Taxonomy
	Term            *Term
	// Noun is the singular name of Taxonomy ("sector"), for sentences.
	Noun string
	// PrimaryNoun is the singular name of PrimaryTaxonomy ("principle").
	PrimaryNoun string
	URL         string
	// Dir is the site path of the intersection's folder
	// ("values/listening/sectors/housing/"), where its pages are written.
	Dir string
	// SearchURL opens the search page filtered by both terms.
	SearchURL string
	// Stories are newest first.
	Stories []*Story
}

// IntersectionGroup lists intersection pages of one term with the terms
// of one other taxonomy, for the term's page.
type IntersectionGroup struct {
	// Taxonomy is the taxonomy of the other terms.
	Taxonomy *Taxonomy
	Links    []IntersectionLink
}

// IntersectionLink is a link to an intersection page.
type IntersectionLink struct {
	// Term is the other term (the one that is not the page's own).
	Term  *Term
	URL   string
	Count int
}

// Pair is two primary terms and the number of stories carrying both.
type Pair struct {
	A, B  *Term
	Count int
	// URL searches for stories with both terms.
	URL string
}

// crossings fills Site.Intersections and Site.Pairs, and each term's
// Intersections.
func (l *linker) crossings() {
	site := l.site
	if len(site.Taxonomies) < 2 {
		return
	}
	primary := site.Taxonomies[0]
	shared := sharedStories(site)
	search := l.cfg.Rel("search/") + "?"
	for _, p := range primary.Terms {
		for _, tax := range site.Taxonomies[1:] {
			for _, t := range tax.Terms {
				stories := shared[termPair{p, t}]
				if len(stories) == 0 {
					continue
				}
				dir := primary.Name + "/" + p.Key + "/" + tax.Name + "/" + t.Key + "/"
				site.Intersections = append(site.Intersections, &Intersection{PrimaryTaxonomy: primary, Primary: p, Taxonomy: tax, Term: t,
					Noun: content.Param(tax.Name), PrimaryNoun: content.Param(primary.Name),
					URL: l.cfg.Rel(dir), Dir: dir, Stories: stories,
					SearchURL: search + url.Values{content.Param(primary.Name): {p.Key}, content.Param(tax.Name): {t.Key}}.Encode()})
			}
		}
	}
	for _, tax := range site.Taxonomies {
		for _, t := range tax.Terms {
			t.Intersections = termIntersections(site.Intersections, tax, t)
		}
	}
	site.Pairs = pairs(site, primary, search)
}

// termPair is a primary term and a term of another taxonomy.
type termPair struct{ primary, other *Term }

// sharedStories returns, for every pair of a primary term and another
// term that some story carries both of, those stories, newest first. It
// goes through each story's own terms once, instead of comparing every
// primary term's stories with every other term's.
func sharedStories(site *Site) map[termPair][]*Story {
	out := map[termPair][]*Story{}
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

// termIntersections returns the intersection links of term t of taxonomy
// tax: for a primary term, one group per other taxonomy; for another term,
// one group of primary terms.
func termIntersections(all []*Intersection, tax *Taxonomy, t *Term) []IntersectionGroup {
	var groups []IntersectionGroup
	add := func(other *Taxonomy, l IntersectionLink) {
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

// pairs counts the stories carrying each two primary terms, most shared
// first; search is the search page's URL up to its query.
func pairs(site *Site, primary *Taxonomy, search string) []Pair {
	n := len(primary.Terms)
	counts := make([]int, n*n)
	for _, s := range site.Stories {
		if len(s.Terms) == 0 || s.Terms[0].Taxonomy != primary {
			continue
		}
		terms := s.Terms[0].Terms
		for i, a := range terms {
			for _, b := range terms[i+1:] {
				x, y := a.rank, b.rank
				counts[min(x, y)*n+max(x, y)]++
			}
		}
	}
	var out []Pair
	param := content.Param(primary.Name)
	for i := range n {
		for j := i + 1; j < n; j++ {
			a, b := primary.Terms[i], primary.Terms[j]
			q := url.Values{param: {a.Key, b.Key}}
			out = append(out, Pair{A: a, B: b, Count: counts[i*n+j], URL: search + q.Encode()})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}
