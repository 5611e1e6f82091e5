package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/markdown"
)

// TestIntersections checks the intersections of a random site against
// their definition: for every principle p and every term t of another
// taxonomy, the stories of p (newest first) that t also lists, and no
// intersection for a pair that shares no story.
func TestIntersections(t *testing.T) {
	cfg, diags := config.Parse([]byte("title = \"T\"\nbase_url = \"https://example.org/\"\ntaxonomies = [\"principles\", \"sectors\", \"themes\"]\n"), "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	vocab := map[string][]string{
		"principles": {"systems", "emergent", "relationality", "inquiry"},
		"sectors":    {"nhs", "housing", "police", "education", "justice"},
		"themes":     {"poverty", "places", "wellbeing"},
	}
	col := &content.Collection{Terms: map[string][]*content.Term{}, Intros: map[string]*content.Page{}, Drafts: map[string]string{}}
	for tax, keys := range vocab {
		for _, key := range keys {
			col.Terms[tax] = append(col.Terms[tax], &content.Term{Path: "content/" + tax + "/" + key + ".md", Taxonomy: tax, Key: key, Title: key, Summary: key})
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	pick := func(keys []string, most int) []string {
		keys = slices.Clone(keys)
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		return keys[:rng.IntN(most+1)] // sometimes none
	}
	for i := range 80 {
		slug := fmt.Sprintf("s%02d", i)
		col.Stories = append(col.Stories, &content.Story{Path: "content/stories/" + slug + ".md", Dir: "content/stories", Slug: slug,
			Title: slug, Summary: slug, Date: time.Date(2020, 1, 1+rng.IntN(40), 0, 0, 0, 0, time.UTC),
			Terms: map[string][]string{"principles": pick(vocab["principles"], 3), "sectors": pick(vocab["sectors"], 2), "themes": pick(vocab["themes"], 2)},
			Body:  content.Body{Source: []byte("Text."), Line: 5}})
	}
	site, diags := link.Link(cfg, col, markdown.New())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	got := map[string][]*link.Story{}
	for _, in := range intersections(site) {
		got[in.Primary.Key+"/"+in.Term.Key] = in.Stories
	}
	want := 0
	for _, p := range site.Taxonomies[0].Terms {
		for _, tax := range site.Taxonomies[1:] {
			for _, term := range tax.Terms {
				var stories []*link.Story
				for _, s := range p.Stories {
					if slices.Contains(term.Stories, s) {
						stories = append(stories, s)
					}
				}
				name := p.Key + "/" + term.Key
				if len(stories) > 0 {
					want++
				}
				if !slices.Equal(got[name], stories) {
					t.Errorf("%s: got %d stories, want %d (%v)", name, len(got[name]), len(stories), slugs(stories))
				}
			}
		}
	}
	if len(got) != want || want == 0 {
		t.Errorf("%d intersections, want %d", len(got), want)
	}
}

func slugs(stories []*link.Story) []string {
	var out []string
	for _, s := range stories {
		out = append(out, s.Slug)
	}
	return out
}
