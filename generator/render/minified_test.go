package render

import (
	"strings"
	"testing"
	"testing/fstest"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/minify"
)

// TestMinifiedTheme loads the built-in theme with its templates minified:
// it is compact, its pages are smaller than those of the theme as written
// and say the same, and Compact tells its pages from the files that still
// need minifying.
func TestMinifiedTheme(t *testing.T) {
	plain, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	small, err := LoadMinifiedTheme(casebook.DefaultTheme(), fstest.MapFS{"static/verify.html": {Data: []byte("<p>x</p>\n")}}, minify.New().Template)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Compact() || !small.Compact() {
		t.Fatalf("Compact: as written %v, minified %v; want false, true", plain.Compact(), small.Compact())
	}
	site := testSite(t)
	before, after := renderAll(t, site, plain), renderAll(t, site, small)
	for _, p := range []string{"index.html", "stories/new/index.html", "principles/systems/index.html"} {
		if len(after[p]) >= len(before[p]) {
			t.Errorf("%s: %d bytes minified, %d as written", p, len(after[p]), len(before[p]))
		}
		if !strings.HasPrefix(after[p], "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">") {
			t.Errorf("%s does not start minified: %.300q", p, after[p])
		}
	}
	if !strings.Contains(after["stories/new/index.html"], "Story &lt;new&gt;") {
		t.Errorf("story page lost its title: %.500q", after["stories/new/index.html"])
	}
	rd := New(site, small, Options{})
	for path, want := range map[string]bool{
		"index.html": true, "stories/new/index.html": true, "404.html": true, "search/index.json": false, // search.Compact's
		"feed.xml": false, "style.css": false, "admin/index.html": false, "verify.html": false,
		"stories.json": true, "stories.csv": false,
	} {
		if got := rd.Compact(path); got != want {
			t.Errorf("Compact(%q) = %v, want %v", path, got, want)
		}
	}
	for _, p := range []string{"index.html", "stories.json"} {
		if New(site, plain, Options{}).Compact(p) {
			t.Errorf("%s is compact with the theme as written", p)
		}
	}
}

// TestMinifiedThemeRefused: a site's template that minifying would
// change the meaning of leaves the theme as written, and its pages as the
// templates say; so does a minifier that fails.
func TestMinifiedThemeRefused(t *testing.T) {
	for name, tt := range map[string]struct {
		tmpl, want string
	}{
		// The minifier drops comments, and the action with them.
		"action in a comment": {`{{define "main"}}<!-- {{.Site.Title}} --><p>Lost  here</p>{{end}}`, "<p>Lost  here</p>"},
		// "&amp;" would become "&", joining the title's text.
		"reference before an action": {`{{define "main"}}<p>A &amp;{{.Site.Title}}</p>{{end}}`, "<p>A &amp;T &amp; &lt;Co&gt;</p>"},
	} {
		t.Run(name, func(t *testing.T) {
			th, err := LoadMinifiedTheme(casebook.DefaultTheme(), fstest.MapFS{"templates/404.html": {Data: []byte(tt.tmpl)}}, minify.New().Template)
			if err != nil {
				t.Fatal(err)
			}
			if th.Compact() {
				t.Error("the theme was minified")
			}
			if got := renderAll(t, testSite(t), th)["404.html"]; !strings.Contains(got, tt.want) {
				t.Errorf("404.html = %.300q, want it to hold %q", got, tt.want)
			}
		})
	}
	th, err := LoadMinifiedTheme(casebook.DefaultTheme(), nil, func([]byte) ([]byte, error) { return nil, errTest })
	if err != nil || th.Compact() {
		t.Fatalf("with a failing minifier: Compact %v, error %v; want false, nil", th != nil && th.Compact(), err)
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("cannot minify")
