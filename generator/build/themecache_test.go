package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestThemeKeptBetweenRebuilds checks that a Builder loads its theme once
// while nothing it is made from changes, and again after a template of
// the site's theme folder or the site's strings change.
func TestThemeKeptBetweenRebuilds(t *testing.T) {
	src := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"Harbour notes\"\nbase_url = \"https://example.org/\"\nlanguage = \"en\"\ntaxonomies = [\"crafts\"]\n")
	write("content/crafts/rope.md", "---\ntitle: Rope\nsummary: Working with rope.\n---\nKnots.\n")
	write("content/stories/net-mending.md", "---\ntitle: Net mending\nsummary: Mending nets together.\ndate: 2023-01-02\ncrafts: [rope]\n---\nThe nets were mended.\n")
	write("themes/default/templates/page.html", "{{define \"main\"}}<h1>{{.Title}}</h1>{{end}}\n")
	b := NewBuilder(Options{Src: src, Out: filepath.Join(t.TempDir(), "out")})
	build := func(step string) *themeCache {
		t.Helper()
		up, err := b.Build()
		if err != nil || up.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", step, err, up.Diags)
		}
		if b.caches.theme == nil {
			t.Fatalf("%s: no theme kept", step)
		}
		return b.caches.theme
	}
	first := build("first build")
	write("content/stories/net-mending.md", "---\ntitle: Net mending\nsummary: Mending nets.\ndate: 2023-01-02\ncrafts: [rope]\n---\nThe nets were mended.\n")
	if again := build("story edit"); again.th != first.th {
		t.Error("the theme was loaded again after a story edit")
	}
	write("themes/default/templates/page.html", "{{define \"main\"}}<h1 class=\"x\">{{.Title}}</h1>{{end}}\n")
	second := build("template edit")
	if second.th == first.th {
		t.Error("the theme was kept after a template of the site's theme changed")
	}
	write("i18n/en.toml", "[site]\nskip = \"Skip to the stories\"\n")
	if third := build("strings edit"); third.th == second.th {
		t.Error("the theme was kept after the site's strings changed")
	}
}
