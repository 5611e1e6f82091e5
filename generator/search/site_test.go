package search_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/markdown"
	"github.com/casebook/casebook/generator/search"
)

// testCollection returns n checked stories with Markdown bodies and two
// taxonomies.
func testCollection(n int) *content.Collection {
	rng := rand.New(rand.NewPCG(7, 7))
	col := &content.Collection{Terms: map[string][]*content.Term{}, Intros: map[string]*content.Page{}, Drafts: map[string]string{}}
	for i, key := range []string{"systems", "inquiry"} {
		col.Terms["principles"] = append(col.Terms["principles"], &content.Term{Path: "content/principles/" + key + ".md", Taxonomy: "principles", Key: key, Title: "Principle " + key, Order: i})
	}
	for _, key := range []string{"nhs", "police"} {
		col.Terms["sectors"] = append(col.Terms["sectors"], &content.Term{Path: "content/sectors/" + key + ".md", Taxonomy: "sectors", Key: key, Title: "Sector " + key})
	}
	for i := range n {
		slug := fmt.Sprintf("s%02d", i)
		st := &content.Story{Path: "content/stories/" + slug + ".md", Dir: "content/stories", Slug: slug,
			Title: fmt.Sprintf("Story %d %s", i, testBody(rng, 2)), Summary: testBody(rng, 8), Place: "Leeds",
			Partners: []string{"Council"}, Period: "2020", Outcomes: []string{testBody(rng, 3)},
			Date:  time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i),
			Terms: map[string][]string{"principles": {[]string{"systems", "inquiry"}[i%2]}, "sectors": {"nhs"}},
			Body:  content.Body{Source: []byte("## A heading\n\n" + testBody(rng, 40) + "\n\n- " + testBody(rng, 5) + "\n- *" + testBody(rng, 3) + "*\n"), Line: 8},
			Hash:  uint64(i + 1)}
		if i%3 == 0 {
			st.Questions = []string{testBody(rng, 5) + "?"}
		}
		col.Stories = append(col.Stories, st)
	}
	return col
}

func linkCollection(t *testing.T, col *content.Collection) *link.Site {
	t.Helper()
	cfg, diags := config.Parse([]byte("title = \"T\"\nbase_url = \"https://example.org/\"\ntaxonomies = [\"principles\", \"sectors\"]\n"), "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	site, diags := link.Link(cfg, col, markdown.New())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return site
}

// checkSiteInput checks FromSiteCached against FromSite: the same Docs
// but for their keys and for the fresh ones' bodies, which are left as
// HTML for Stream to take the text from, and the same index files.
func checkSiteInput(t *testing.T, site *link.Site, cache *search.Cache) search.Input {
	t.Helper()
	cached, fresh := search.FromSiteCached(site, cache), search.FromSite(site)
	if len(cached.Docs) != len(fresh.Docs) {
		t.Fatalf("%d docs from the cache, %d fresh", len(cached.Docs), len(fresh.Docs))
	}
	for i := range fresh.Docs {
		c, f := cached.Docs[i], fresh.Docs[i]
		if c.Key == 0 {
			t.Errorf("doc %d (%s) has no key", i, c.URL)
		}
		if f.Body != "" || f.HTML == "" || c.HTML != "" {
			t.Errorf("doc %d (%s): fresh body %.20q and HTML %.20q, cached HTML %.20q; want only the fresh HTML", i, c.URL, f.Body, f.HTML, c.HTML)
		}
		c.Key = 0
		f.Body, f.HTML = search.PlainText(f.HTML), ""
		if !reflect.DeepEqual(c, f) {
			t.Errorf("doc %d from the cache:\n%+v\nfresh:\n%+v", i, c, f)
		}
	}
	if !reflect.DeepEqual(cached.Taxonomies, fresh.Taxonomies) {
		t.Errorf("taxonomies differ")
	}
	// The texts Stream takes from the HTML give the files of the texts
	// taken beforehand.
	lazy, err := search.Build(fresh)
	if err != nil {
		t.Fatal(err)
	}
	eager := cached
	eager.Cache = nil
	want, err := search.Build(eager)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "the index of FromSite", lazy.Files, want.Files)
	checkCached(t, cached, cache, false)
	return cached
}

// TestFromSiteCached edits a linked site as watch does, in place with
// ReplaceBody's kind of change or by linking again, and checks that the
// cached input and its index match fresh ones, and that the keys of
// unchanged stories stay.
func TestFromSiteCached(t *testing.T) {
	col := testCollection(24)
	site := linkCollection(t, col)
	cache := search.NewCache()
	keys := func(in search.Input) []uint64 {
		var out []uint64
		for _, d := range in.Docs {
			out = append(out, d.Key)
		}
		return out
	}
	first := checkSiteInput(t, site, cache)
	firstKeys := keys(first)
	if again := keys(checkSiteInput(t, site, cache)); !slices.Equal(again, firstKeys) {
		t.Errorf("keys changed with nothing else")
	}
	// A body edit in place, by link.Site.ReplaceBody as watch makes it.
	s := site.Stories[5]
	body, hash := s.Body, s.Hash
	edit := content.Body{Source: append(slices.Clone(body.Source), "\nAn edit with zeal.\n"...), Line: body.Line}
	if !site.ReplaceBody(s, edit, 1000, markdown.New()) {
		t.Fatal("ReplaceBody refused a plain body edit")
	}
	edited := keys(checkSiteInput(t, site, cache))
	// Docs are oldest first, stories newest first.
	if at := len(edited) - 1 - 5; edited[at] == firstKeys[at] {
		t.Error("the edited story kept its key")
	}
	if n := countDiff(edited, firstKeys); n != 1 {
		t.Errorf("%d keys changed after one edit", n)
	}
	// The edit undone: the same text again, in a new string.
	if !site.ReplaceBody(s, body, hash, markdown.New()) {
		t.Fatal("ReplaceBody refused to undo the edit")
	}
	if undone := keys(checkSiteInput(t, site, cache)); !slices.Equal(undone, firstKeys) {
		t.Error("undoing the edit did not give the first keys back")
	}
	// Linking again gives new link.Story values for the same stories.
	site = linkCollection(t, col)
	if relinked := keys(checkSiteInput(t, site, cache)); !slices.Equal(relinked, firstKeys) {
		t.Error("keys changed after linking the same stories again")
	}
	// A title edited in the front matter.
	changed := *col.Stories[3]
	changed.Title, changed.Hash = "A new title about zebras", 2000
	col.Stories[3] = &changed
	site = linkCollection(t, col)
	checkSiteInput(t, site, cache)
	// A term's title, which is among its stories' facts.
	term := *col.Terms["principles"][0]
	term.Title = "Systems thinking"
	col.Terms["principles"][0] = &term
	site = linkCollection(t, col)
	checkSiteInput(t, site, cache)
	// A story becomes a draft, and back.
	draft := *col.Stories[7]
	draft.Draft = true
	col.Stories[7] = &draft
	site = linkCollection(t, col)
	checkSiteInput(t, site, cache)
	draft2 := draft
	draft2.Draft = false
	col.Stories[7] = &draft2
	site = linkCollection(t, col)
	checkSiteInput(t, site, cache)
	// A story added, another removed.
	more := testCollection(26)
	col.Stories = append(col.Stories, more.Stories[25])
	site = linkCollection(t, col)
	checkSiteInput(t, site, cache)
	col.Stories = slices.Delete(col.Stories, 2, 3)
	site = linkCollection(t, col)
	checkSiteInput(t, site, cache)
	// The taxonomies in another order.
	site.Taxonomies[0], site.Taxonomies[1] = site.Taxonomies[1], site.Taxonomies[0]
	checkSiteInput(t, site, cache)
}

func countDiff(a, b []uint64) int {
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}
