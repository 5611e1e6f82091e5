package render

import (
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

// TestPrintPackIDs puts two stories with the same heading and a footnote
// each into one pack: every id on the page is unique, and every link to
// an id on the page lands in the same story.
func TestPrintPackIDs(t *testing.T) {
	body := []byte("## The situation\n\nIt began.[^1]\n\n[^1]: A note.\n")
	files := renderAll(t, testSiteWith(t, func(col *content.Collection) {
		col.Stories[1].Terms["principles"] = []string{"inquiry", "systems"}
		col.Stories[0].Body.Source = body
		col.Stories[1].Body.Source = body
	}), packSite(t))
	pack := files["principles/systems/print/index.html"]
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(pack, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times in the pack", id, n)
		}
	}
	hrefs := regexp.MustCompile(` href="#([^"]*)"`).FindAllStringSubmatch(pack, -1)
	if len(hrefs) < 4 {
		t.Fatalf("pack has %d links within the page, want at least the 4 footnote links", len(hrefs))
	}
	for _, m := range hrefs {
		if m[1] != "main" && ids[m[1]] != 1 {
			t.Errorf("link to #%s has no target in the pack", m[1])
		}
	}
	for _, slug := range []string{"old", "new"} {
		if !strings.Contains(pack, `id="`+slug+`--the-situation"`) {
			t.Errorf("story %s's heading is not scoped by its slug", slug)
		}
	}
	// The story's own page keeps its ids as they were.
	if !strings.Contains(files["stories/new/index.html"], `id="the-situation"`) {
		t.Error("the story page's heading id changed")
	}
}

// TestScopeIDsOnlyAttributes: in a body minified as it was converted,
// quotes in text are no longer escaped and ">" may stand in an attribute;
// scopeIDs changes the ids and in-page links of tags and never the text.
func TestScopeIDsOnlyAttributes(t *testing.T) {
	body := template.HTML(`<h2 id="a">Say id="b" and href="#c"</h2><p title="x > y" id="d"><a href="#a">back</a> <a href="https://e.org/#f">out</a></p><code>&lt;p id="g"></code>`)
	want := `<h2 id="s--a">Say id="b" and href="#c"</h2><p title="x > y" id="s--d"><a href="#s--a">back</a> <a href="https://e.org/#f">out</a></p><code>&lt;p id="g"></code>`
	if got := string(scopeIDs("s", body)); got != want {
		t.Errorf("scopeIDs =\n%s\nwant\n%s", got, want)
	}
}
