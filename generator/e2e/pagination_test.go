package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/e2e"
)

// TestPagination builds a site of 55 stories and checks that the stories
// list and a term page split after 50 stories, with rel="prev" and
// rel="next" in the head and in the page's own pager.
func TestPagination(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.toml":                     "title = \"Paging\"\nbase_url = \"https://example.org/\"\nlanguage = \"en\"\ntaxonomies = [\"principles\", \"sectors\"]\n",
		"content/principles/inquiry.md": "---\ntitle: Inquiry\nsummary: Asking first.\n---\n",
		"content/sectors/nhs.md":        "---\ntitle: NHS\nsummary: Health boards.\n---\n",
	}
	for i := range 55 {
		files[fmt.Sprintf("content/stories/story-%02d.md", i)] = fmt.Sprintf(
			"---\ntitle: Story %02d\nsummary: Number %d.\ndate: 2020-01-%02d\nprinciples: [inquiry]\nsectors: [nhs]\n---\n\nText.\n", i, i, 1+i%28)
	}
	for name, body := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := e2e.BuildSite(t, src, "-no-minify")
	tests := []struct {
		name, page string
		prev, next string
		cards      int
	}{
		{"stories page 1", "stories/index.html", "", "/stories/page/2/", 50},
		{"stories page 2", "stories/page/2/index.html", "/stories/", "", 5},
		{"term page 1", "principles/inquiry/index.html", "", "/principles/inquiry/page/2/", 50},
		{"term page 2", "principles/inquiry/page/2/index.html", "/principles/inquiry/", "", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.page)))
			if err != nil {
				t.Fatal(err)
			}
			var prev, next []string
			cards := 0
			for _, tg := range scanTags(t, tt.page, data) {
				switch rel := tg.Attrs["rel"]; {
				case rel == "prev":
					prev = append(prev, tg.Name+" "+tg.Attrs["href"])
				case rel == "next":
					next = append(next, tg.Name+" "+tg.Attrs["href"])
				case tg.Name == "article" && hasClass(tg, "card"):
					cards++
				}
			}
			checkRel(t, "prev", prev, tt.prev)
			checkRel(t, "next", next, tt.next)
			if cards != tt.cards {
				t.Errorf("%d story cards, want %d", cards, tt.cards)
			}
		})
	}
}

// checkRel wants a <link> and an <a> with the rel to href, or none at all
// when href is "".
func checkRel(t *testing.T, rel string, got []string, href string) {
	t.Helper()
	want := []string{"link " + href, "a " + href}
	if href == "" {
		want = nil
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("rel=%s: got %q, want %q", rel, got, want)
	}
}
