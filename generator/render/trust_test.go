package render

import (
	"html/template"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
)

// TestBodiesTrusted checks that a site's own template gets the bodies of
// stories, terms and pages as markup, however it reaches them, whether
// the build records what templates read or not, while every other string
// stays text: link gives bodies as plain strings, render trusts them.
func TestBodiesTrusted(t *testing.T) {
	story := `{{define "main"}}[{{.Story.HTML}}][{{with .Story}}{{.HTML}}{{end}}][{{$s := .Story}}{{$s.HTML}}][{{with .Story.HTML}}{{.}}{{end}}]` +
		`[{{range .Story.Terms}}{{range .Terms}}{{.HTML}}{{end}}{{end}}][{{.Story.Title}}][{{.Story.Summary}}]{{end}}`
	th, err := LoadTheme(casebook.DefaultTheme(), fstest.MapFS{"templates/story.html": {Data: []byte(story)}})
	if err != nil {
		t.Fatal(err)
	}
	site := testSiteWith(t, func(col *content.Collection) {
		col.Stories[0].Body.Source = []byte("Some **bold** text.")
		col.Terms["principles"][0].Body.Source = []byte("A *term* body.")
	})
	for _, opts := range []Options{{}, {Records: NewRecords()}} {
		var mu sync.Mutex
		var page string
		err := Render(site, th, opts, func(p string, data []byte) error {
			mu.Lock()
			defer mu.Unlock()
			if p == "stories/new/index.html" {
				page = string(data)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		body := "<p>Some <strong>bold</strong> text.</p>\n"
		want := "[" + body + "][" + body + "][" + body + "][" + body + "][<p>A <em>term</em> body.</p>\n][Story &lt;new&gt;][Summary &amp; new]"
		if !strings.Contains(page, want) {
			i := strings.Index(page, "<main")
			t.Errorf("recording %v: story page = %.600q, want it to hold %q", opts.Records != nil, page[max(0, i):], want)
		}
	}
}

// TestTrustedOnlyBodies checks that a field named HTML is trusted only on
// the stories, terms and pages of the Site.
func TestTrustedOnlyBodies(t *testing.T) {
	other := struct{ HTML string }{"<b>x</b>"}
	v := trusted(reflect.ValueOf(other), reflect.ValueOf(other.HTML))
	if v.Type() != reflect.TypeFor[string]() {
		t.Errorf("the HTML of a %T is %s, want a plain string", other, v.Type())
	}
	s := &link.Story{HTML: "<p>x</p>"}
	if v := trusted(reflect.ValueOf(s), reflect.ValueOf(s.HTML)); v.Type() != reflect.TypeFor[template.HTML]() {
		t.Errorf("the HTML of a story is %s, want template.HTML", v.Type())
	}
}
