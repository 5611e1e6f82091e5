package serve

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/build"
)

// TestServeTranslations checks, on the real file system, that serve
// rebuilds a site in two languages correctly when a language is added and
// when a translation is added, edited and removed: the edition's pages,
// the original's hreflang links and the edition's lists follow each
// change, and the served output ends as a clean build's.
func TestServeTranslations(t *testing.T) {
	r := startRun(t)
	st := openStream(t, r.url)
	st.next(t, "hello")
	const slug = "access-to-family-support"
	original := r.url + "stories/" + slug + "/"
	edition := r.url + "gd/stories/" + slug + "/"
	translation := filepath.Join(r.src, "content", "stories", slug+".gd.md")

	siteToml := filepath.Join(r.src, "site.toml")
	data, err := os.ReadFile(siteToml)
	if err != nil {
		t.Fatal(err)
	}
	write(t, siteToml, string(data)+"\n[languages.gd]\ntitle = \"Leabhar-chùisean\"\n")
	st.next(t, "reload")
	if status, _ := get(t, edition); status != 404 {
		t.Errorf("an untranslated story has a page in the edition: status %d", status)
	}
	base, err := url.Parse(r.url)
	if err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, r.url+"gd/stories/"); !strings.Contains(body, `href="`+base.Path+"stories/"+slug+`/" hreflang="en`) {
		t.Errorf("the Gaelic list does not link the untranslated story to its original")
	}

	write(t, translation, "---\ntitle: Taic do theaghlaichean\nsummary: Mar a fhuair teaghlaichean taic.\n---\nSgeulachd nan teaghlaichean.\n")
	st.next(t, "reload")
	if status, body := get(t, edition); status != 200 || !strings.Contains(body, "Taic do theaghlaichean") || !strings.Contains(body, `<html lang="gd">`) {
		t.Errorf("the added translation is not served at %s: status %d", edition, status)
	}
	if _, body := get(t, original); !strings.Contains(body, `hreflang="gd"`) {
		t.Errorf("the original does not link its new translation")
	}

	write(t, translation, "---\ntitle: Taic ùr do theaghlaichean\nsummary: Mar a fhuair teaghlaichean taic.\n---\nSgeulachd nan teaghlaichean.\n")
	st.next(t, "reload")
	if _, body := get(t, edition); !strings.Contains(body, "Taic ùr do theaghlaichean") {
		t.Errorf("the edited translation's title is not served")
	}
	if _, body := get(t, r.url+"gd/stories/"); !strings.Contains(body, "Taic ùr do theaghlaichean") {
		t.Errorf("the Gaelic list does not show the edited title")
	}

	if err := os.Remove(translation); err != nil {
		t.Fatal(err)
	}
	st.next(t, "reload")
	if status, _ := get(t, edition); status != 404 {
		t.Errorf("the removed translation is still served: status %d", status)
	}
	if _, body := get(t, original); strings.Contains(body, `hreflang="gd"`) {
		t.Errorf("the original still links the removed translation")
	}

	clean := filepath.Join(t.TempDir(), "clean")
	res, err := build.Build(build.Options{Src: r.src, Out: clean, BaseURL: r.url, LiveReload: ScriptURL})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("clean build: %v %v", err, res.Diags)
	}
	want := tree(t, clean)
	deadline := time.Now().Add(wait)
	var diffs []string
	for time.Now().Before(deadline) {
		if diffs = diffTrees(want, tree(t, r.out)); len(diffs) == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(diffs) > 0 {
		t.Errorf("served output differs from a clean build: %v", diffs[:min(5, len(diffs))])
	}
}
