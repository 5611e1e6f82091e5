package link_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
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
	for _, in := range site.Intersections {
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
					t.Errorf("%s: got %d stories, want %d (%v)", name, len(got[name]), len(stories), storySlugs(stories))
				}
			}
		}
	}
	if len(got) != want || want == 0 {
		t.Errorf("%d intersections, want %d", len(got), want)
	}
	// Each term lists the intersections it is part of, with their counts.
	for _, tax := range site.Taxonomies {
		for _, term := range tax.Terms {
			links := 0
			for _, g := range term.Intersections {
				for _, l := range g.Links {
					links++
					name := term.Key + "/" + l.Term.Key
					if tax != site.Taxonomies[0] {
						name = l.Term.Key + "/" + term.Key
					}
					if l.Count != len(got[name]) || l.Count == 0 {
						t.Errorf("%s lists %s with %d stories, want %d", term.Key, name, l.Count, len(got[name]))
					}
				}
			}
			mine := 0
			for name := range got {
				p, o, _ := strings.Cut(name, "/")
				if p == term.Key && tax == site.Taxonomies[0] || o == term.Key && tax != site.Taxonomies[0] {
					mine++
				}
			}
			if links != mine {
				t.Errorf("%s lists %d intersections, want %d", term.Key, links, mine)
			}
		}
	}
	// Pairs count the stories of both primary terms, most shared first.
	primary := site.Taxonomies[0].Terms
	if n := len(primary); len(site.Pairs) != n*(n-1)/2 {
		t.Fatalf("%d pairs, want %d", len(site.Pairs), n*(n-1)/2)
	}
	for i, p := range site.Pairs {
		both := 0
		for _, s := range p.A.Stories {
			if slices.Contains(p.B.Stories, s) {
				both++
			}
		}
		if p.Count != both {
			t.Errorf("%s and %s: %d stories, want %d", p.A.Key, p.B.Key, p.Count, both)
		}
		if i > 0 && site.Pairs[i-1].Count < p.Count {
			t.Errorf("pair %d (%d stories) after one of %d", i, p.Count, site.Pairs[i-1].Count)
		}
	}
}

func storySlugs(stories []*link.Story) []string {
	var out []string
	for _, s := range stories {
		out = append(out, s.Slug)
	}
	return out
}
