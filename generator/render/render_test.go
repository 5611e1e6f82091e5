package render

import (
	"bytes"
	"encoding/xml"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/markdown"
)

// testSite links a two-story site under the base path /cb/.
func testSite(t *testing.T) *link.Site {
	t.Helper()
	return testSiteWith(t, nil)
}

// testSiteWith is testSite with the content changed by edit, when not
// nil, before it is linked.
func testSiteWith(t *testing.T, edit func(*content.Collection)) *link.Site {
	t.Helper()
	cfg, diags := config.Parse([]byte("title = \"T & <Co>\"\nbase_url = \"https://example.org/cb/\"\ntaxonomies = [\"principles\"]\n"), "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	col := &content.Collection{Terms: map[string][]*content.Term{}, Intros: map[string]*content.Page{}, Drafts: map[string]string{}}
	for _, key := range []string{"systems", "inquiry"} {
		col.Terms["principles"] = append(col.Terms["principles"], &content.Term{Path: "content/principles/" + key + ".md", Taxonomy: "principles", Key: key, Title: key, Summary: "About " + key})
	}
	for i, spec := range []struct{ slug, date, updated, term string }{{"new", "2021-03-01", "", "systems"}, {"old", "2019-01-01", "2020-06-01", "inquiry"}} {
		date, _ := time.Parse(time.DateOnly, spec.date)
		updated, _ := time.Parse(time.DateOnly, spec.updated)
		col.Stories = append(col.Stories, &content.Story{Path: "content/stories/" + spec.slug + ".md", Dir: "content/stories", Slug: spec.slug,
			Title: "Story <" + spec.slug + ">", Summary: "Summary & " + spec.slug, Date: date, Updated: updated,
			Terms: map[string][]string{"principles": {spec.term}}, Body: content.Body{Source: []byte("Body " + string(rune('A'+i))), Line: 5}})
	}
	col.Stories[1].Outcomes = []string{"A new model"}
	col.Stories[1].Setbacks = []string{"The first plan <failed>"}
	col.Stories[1].Source = &content.Source{Title: "Report <x>", Authors: []string{"A & B"}, Year: 2019, DOI: "10.1234/x\"y"}
	if edit != nil {
		edit(col)
	}
	site, diags := link.Link(cfg, col, markdown.New())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return site
}

// renderAll renders site with th and returns the files by path.
func renderAll(t *testing.T, site *link.Site, th *Theme) map[string]string {
	t.Helper()
	var mu sync.Mutex
	files := map[string]string{}
	err := Render(site, th, Options{}, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := files[p]; dup {
			t.Errorf("%s emitted twice", p)
		}
		files[p] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestRender(t *testing.T) {
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	files := renderAll(t, testSite(t), th)
	tests := []struct{ name, path, want string }{
		{"home", "index.html", `href="/cb/stories/new/"`},
		{"story title escaped", "stories/new/index.html", "Story &lt;new&gt;"},
		{"site title escaped", "stories/new/index.html", "T &amp; &lt;Co&gt;"},
		{"term page", "principles/systems/index.html", `href="/cb/stories/new/"`},
		{"term feed", "principles/inquiry/feed.xml", "<id>https://example.org/cb/stories/old/</id>"},
		{"feed escapes", "feed.xml", "<title>Story &lt;old&gt;</title>"},
		{"feed updated is the newest change", "feed.xml", "<updated>2021-03-01T00:00:00Z</updated>"},
		{"term feed updated from its own stories", "principles/inquiry/feed.xml", "<updated>2020-06-01T00:00:00Z</updated>"},
		{"sitemap", "sitemap.xml", "<loc>https://example.org/cb/principles/inquiry/</loc>"},
		{"robots", "robots.txt", "Sitemap: https://example.org/cb/sitemap.xml"},
		{"404", "404.html", `href="/cb/style.css"`},
		{"search", "search/index.html", "<html"},
		{"stylesheet", "style.css", "{"},
		{"setbacks beside outcomes", "stories/old/index.html", `<h2 id="setbacks-heading">What got in the way</h2>`},
		{"source shown, linked by its DOI", "stories/old/index.html", `<dt>Drawn from</dt><dd>A &amp; B (2019). <a href="https://doi.org/10.1234/x%22y"><cite>Report &lt;x&gt;</cite></a>. DOI: 10.1234/x&#34;y</dd>`},
		{"setbacks escaped", "stories/old/index.html", "<li>The first plan &lt;failed&gt;</li>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := files[tt.path]
			if !ok {
				t.Fatalf("%s not rendered", tt.path)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s lacks %q", tt.path, tt.want)
			}
		})
	}
	if strings.Contains(files["stories/new/index.html"], "setbacks-heading") {
		t.Error("a story without setbacks shows the setbacks heading")
	}
	old := files["stories/old/index.html"]
	if o, s := strings.Index(old, "outcomes-heading"), strings.Index(old, "setbacks-heading"); o < 0 || s < o {
		t.Errorf("setbacks at %d, want them after the outcomes at %d", s, o)
	}
	for _, p := range []string{"feed.xml", "sitemap.xml", "principles/systems/feed.xml"} {
		if err := xml.Unmarshal([]byte(files[p]), new(struct{})); err != nil {
			t.Errorf("%s is not well-formed XML: %v", p, err)
		}
	}
}

func TestLoadThemeOverride(t *testing.T) {
	tests := []struct {
		name     string
		override fstest.MapFS
		path     string
		want     string
		wantErr  string
	}{
		{"single template replaced", fstest.MapFS{"templates/404.html": {Data: []byte(`{{define "main"}}<p>Lost: {{.Site.Title}}</p>{{end}}`)}},
			"404.html", "<p>Lost: T &amp; &lt;Co&gt;</p>", ""},
		{"others kept", fstest.MapFS{"templates/404.html": {Data: []byte(`{{define "main"}}x{{end}}`)}},
			"stories/new/index.html", "Story &lt;new&gt;", ""},
		{"extra stylesheet bundled", fstest.MapFS{"static/extra.css": {Data: []byte(".extra{color:red}")}},
			"style.css", ".extra{color:red}", ""},
		{"other static files copied", fstest.MapFS{"static/img/logo.svg": {Data: []byte("<svg/>")}},
			"img/logo.svg", "<svg/>", ""},
		{"broken template", fstest.MapFS{"templates/story.html": {Data: []byte(`{{define "main"}}{{.Nope`)}},
			"", "", "site theme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := LoadTheme(casebook.DefaultTheme(), tt.override)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadTheme error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			files := renderAll(t, testSite(t), th)
			if !strings.Contains(files[tt.path], tt.want) {
				t.Errorf("%s = %.300q, want it to hold %q", tt.path, files[tt.path], tt.want)
			}
		})
	}
}

func TestLoadThemeIncomplete(t *testing.T) {
	_, err := LoadTheme(fstest.MapFS{"templates/base.html": {Data: []byte("x")}}, nil)
	if err == nil {
		t.Fatal("a theme without partials and page templates loaded")
	}
}

func TestRenderDeterministic(t *testing.T) {
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	site := testSite(t)
	a, b := renderAll(t, site, th), renderAll(t, site, th)
	for p := range a {
		if !bytes.Equal([]byte(a[p]), []byte(b[p])) {
			t.Errorf("%s differs between two renders", p)
		}
	}
}
