package render

import "github.com/casebook/casebook/generator/link"

// intersectionJobs adds the pages of every intersection (see
// link.Site.Intersections).
func (r *renderer) intersectionJobs(add func(job), all []*link.Intersection) {
	for _, in := range all {
		in := in
		r.paginate(add, in.Dir, in.Stories, func(p *Page) {
			p.Kind, p.Intersection = "intersection", in
			p.Title = r.tr.S("intersection.title", in.Primary.Title, in.Term.Title)
			p.Description = r.tr.S("intersection.description", in.PrimaryNoun, in.Primary.Title, in.Noun, in.Term.Title)
			p.Feed = in.Primary.FeedURL
			p.Breadcrumbs = []Crumb{r.home(), {in.PrimaryTaxonomy.Title, in.PrimaryTaxonomy.URL}, {in.Primary.Title, in.Primary.URL}}
		})
	}
}
