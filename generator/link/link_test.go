package link

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/markdown"
)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, diags := config.Parse([]byte("title = \"T\"\nbase_url = \"https://example.org/cb/\"\ntaxonomies = [\"principles\", \"sectors\"]\n"), "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return cfg
}

type storySpec struct {
	slug, title, date   string
	principles, sectors []string
	related             []string
	body                string
}

func collection(specs []storySpec, pages ...*content.Page) *content.Collection {
	col := &content.Collection{Terms: map[string][]*content.Term{}, Intros: map[string]*content.Page{}, Drafts: map[string]string{"content/stories/draft.md": "draft"}}
	for i, key := range []string{"systems", "emergent", "inquiry"} {
		col.Terms["principles"] = append(col.Terms["principles"], &content.Term{Path: "content/principles/" + key + ".md", Taxonomy: "principles", Key: key, Title: strings.ToUpper(key[:1]) + key[1:], Order: i, Aliases: map[bool][]string{true: {"enquiry"}}[key == "inquiry"]})
	}
	for _, key := range []string{"nhs", "police", "schools"} {
		col.Terms["sectors"] = append(col.Terms["sectors"], &content.Term{Path: "content/sectors/" + key + ".md", Taxonomy: "sectors", Key: key, Title: strings.ToUpper(key)})
	}
	for _, s := range specs {
		date, _ := time.Parse(time.DateOnly, s.date)
		st := &content.Story{Path: "content/stories/" + s.slug + ".md", Dir: "content/stories", Slug: s.slug, Title: s.title, Summary: "About " + s.title,
			Date: date, Terms: map[string][]string{"principles": s.principles, "sectors": s.sectors}, Body: content.Body{Source: []byte(s.body), Line: 8}}
		for _, r := range s.related {
			st.Related = append(st.Related, content.Text{Value: r})
		}
		col.Stories = append(col.Stories, st)
	}
	col.Pages = pages
	return col
}

func slugs(stories []*Story) string {
	var out []string
	for _, s := range stories {
		out = append(out, s.Slug)
	}
	return strings.Join(out, " ")
}

func TestLinkOrderAndURLs(t *testing.T) {
	site, diags := Link(testConfig(t), collection([]storySpec{
		{slug: "b", title: "Same day B", date: "2020-01-01", principles: []string{"systems"}, sectors: []string{"nhs"}},
		{slug: "old", title: "Old", date: "2018-01-01", principles: []string{"systems"}, sectors: []string{"nhs"}},
		{slug: "a", title: "Same day A", date: "2020-01-01", principles: []string{"emergent"}, sectors: []string{"police"}},
		{slug: "z", title: "Same day A", date: "2020-01-01", principles: []string{"inquiry"}, sectors: []string{"police"}},
	}), markdown.New())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	tests := []struct{ name, got, want string }{
		{"stories newest first, then title, then slug", slugs(site.Stories), "a z b old"},
		{"term stories", slugs(site.Taxonomies[0].Terms[0].Stories), "b old"},
		{"story URL", site.Stories[0].URL, "/cb/stories/a/"},
		{"story file", site.Stories[0].OutPath, "stories/a/index.html"},
		{"term URL", site.Taxonomies[0].Terms[0].URL, "/cb/principles/systems/"},
		{"term feed", site.Taxonomies[0].Terms[0].FeedURL, "/cb/principles/systems/feed.xml"},
		{"taxonomy", site.Taxonomies[1].Title + " " + site.Taxonomies[1].URL, "Sectors /cb/sectors/"},
		{"updated", site.Updated.Format(time.DateOnly), "2020-01-01"},
		{"alias lookup", site.Taxonomies[0].Term("enquiry").Key, "inquiry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestRelated(t *testing.T) {
	specs := []storySpec{
		{slug: "main", title: "Main", date: "2020-01-01", principles: []string{"systems", "emergent"}, sectors: []string{"nhs", "police"}, related: []string{"pinned", "main", "pinned"}},
		{slug: "pinned", title: "Pinned", date: "2010-01-01", principles: []string{"inquiry"}, sectors: []string{"schools"}},
		{slug: "both", title: "Both", date: "2015-01-01", principles: []string{"systems", "emergent"}, sectors: []string{"nhs"}},
		{slug: "rare", title: "Rare", date: "2015-01-01", sectors: []string{"police"}},
	}
	// Six stories sharing only "systems", the commonest term, tie; newer
	// ones come first.
	for i := range 6 {
		specs = append(specs, storySpec{slug: fmt.Sprintf("tie%d", i), title: fmt.Sprintf("Tie %d", i), date: fmt.Sprintf("201%d-06-01", i), principles: []string{"systems"}})
	}
	site, diags := Link(testConfig(t), collection(specs), markdown.New())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var main *Story
	for _, s := range site.Stories {
		if s.Slug == "main" {
			main = s
		}
	}
	if got, want := slugs(main.Related), "pinned both rare tie5 tie4"; got != want {
		t.Errorf("related = %q, want %q", got, want)
	}
	again, _ := Link(testConfig(t), collection(specs), markdown.New())
	for i, s := range again.Stories {
		if slugs(s.Related) != slugs(site.Stories[i].Related) {
			t.Errorf("%s: related differs between runs", s.Slug)
		}
	}
}

func TestBacklinksAndCoOccurrence(t *testing.T) {
	about := &content.Page{Path: "content/pages/about.md", Dir: "content/pages", Slug: "about", Title: "About", Body: content.Body{Source: []byte("See [[x]] and [y](../stories/y.md)."), Line: 4}}
	site, diags := Link(testConfig(t), collection([]storySpec{
		{slug: "x", title: "X", date: "2020-01-01", principles: []string{"systems"}, sectors: []string{"nhs", "police"}, body: "Links to [[y]], [[y|again]] and [self](x.md)."},
		{slug: "y", title: "Y", date: "2019-01-01", principles: []string{"systems", "inquiry"}, sectors: []string{"nhs"}, body: "Links to [the principle](../principles/inquiry.md)."},
	}, about), markdown.New())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	refs := func(list []Ref) string {
		var out []string
		for _, r := range list {
			out = append(out, r.Title)
		}
		return strings.Join(out, " ")
	}
	co := func(term *Term) string {
		var out []string
		for _, g := range term.CoOccurring {
			for _, tc := range g.Terms {
				out = append(out, fmt.Sprintf("%s/%s=%d", g.Taxonomy.Name, tc.Term.Key, tc.Count))
			}
		}
		return strings.Join(out, " ")
	}
	tests := []struct{ name, got, want string }{
		{"backlinks of y: once per page, stories first", refs(site.Stories[1].Backlinks), "X About"},
		{"no self backlink", refs(site.Stories[0].Backlinks), "About"},
		{"systems co-occurs with sectors by count", co(site.Taxonomies[0].Terms[0]), "sectors/nhs=2 sectors/police=1"},
		{"nhs co-occurs with principles in order", co(site.Taxonomies[1].Terms[0]), "principles/systems=2 principles/inquiry=1"},
		{"html resolved", string(site.Stories[1].HTML), `<p>Links to <a href="/cb/principles/inquiry/">the principle</a>.</p>` + "\n"},
		{"reading time", fmt.Sprint(site.Stories[0].ReadingMinutes), "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestResolveDiagnostics(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"draft by path", "[d](draft.md)", `content/stories/x.md:8:1: error: broken link "draft.md": content/stories/draft.md is a draft`},
		{"draft by wiki", "[[draft]]", `content/stories/x.md:8:1: error: broken wiki link [[draft]]: story "draft" is a draft`},
		{"missing with hint", "[d](y.md)", `content/stories/x.md:8:1: error: broken link "y.md": no page or file at content/stories/y.md (did you mean content/stories/x.md?)`},
		{"wiki missing with hint", "[[xx]]", `content/stories/x.md:8:1: error: broken wiki link [[xx]]: no story or page with slug "xx" (did you mean "x"?)`},
		{"unknown term", "[[principles/inqury]]", `content/stories/x.md:8:1: error: broken wiki link [[principles/inqury]]: no principles term "inqury" (did you mean "inquiry"?)`},
		{"unknown section", "[[places/x]]", `content/stories/x.md:8:1: error: broken wiki link [[places/x]]: "places/x" is not a story, a page or a taxonomy term`},
		{"wiki forms that resolve", "[[stories/x]] [[principles]] [[principles/enquiry]] [[sectors/nhs]] [[x.md]]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Link(testConfig(t), collection([]storySpec{{slug: "x", title: "X", date: "2020-01-01", principles: []string{"systems"}, body: tt.body}}), markdown.New())
			if tt.want == "" {
				if len(diags) > 0 {
					t.Errorf("diagnostics: %v", diags)
				}
				return
			}
			if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tt.want) {
				t.Errorf("diagnostics %v\nwant %s", diags, tt.want)
			}
		})
	}
}
