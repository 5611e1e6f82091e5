package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
)

// Templates of a site's own theme that read what the built-in theme does
// not, so that a rebuild guessing from the built-in theme would leave
// them stale: each term's story count and newest story on every story
// page, the primary taxonomy's first term, related stories' bodies; every
// story's summary and body length on term pages; every term's count on
// taxonomy pages.
const (
	ownStory = `{{define "main"}}<article><h1>{{.Title}}</h1>
{{range .Story.Terms}}<p>{{.Taxonomy.Title}}:{{range .Terms}} {{.Title}} ({{len .Stories}}, newest {{with index .Stories 0}}{{.Title}}{{end}}){{end}}</p>{{end}}
{{with .Site.Primary}}{{with index .Terms 0}}<p class="first">{{.Title}}: {{len .Stories}}</p>{{end}}{{end}}
{{range .Story.Related}}<p class="related">{{.Title}} {{len .HTML}}</p>{{end}}
{{.Story.HTML}}</article>{{end}}
`
	ownTerm = `{{define "main"}}<h1>{{.Title}} ({{len .Term.Stories}})</h1>
<ul>{{range .Stories}}<li>{{.Title}}: {{.Summary}} {{len .HTML}}</li>{{end}}</ul>{{end}}
`
	ownTaxonomy = `{{define "main"}}<h1>{{.Title}}</h1>
<ul>{{range .Taxonomy.Terms}}<li>{{.Title}} {{len .Stories}}{{range .CoOccurring}}{{range .Terms}} {{.Term.Title}}={{.Count}}{{end}}{{end}}</li>{{end}}</ul>{{end}}
`
)

// TestServeOwnThemeMatchesCleanBuild edits a site in three languages with
// its own templates while serve watches the real file system, as a
// writer would: add a story, retag one, edit a term and a translation,
// add a term, edit a page, the site's strings, a template and site.toml,
// delete the added story. After each rebuild the output folder must be
// byte for byte what a clean build of the same files writes.
func TestServeOwnThemeMatchesCleanBuild(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("..", "build", "testdata", "sites", "bilingual.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	for _, f := range ar.Files {
		write(t, filepath.Join(src, f.Name), string(f.Data))
	}
	tmpl := filepath.Join(src, "themes", "default", "templates")
	write(t, filepath.Join(tmpl, "story.html"), ownStory)
	write(t, filepath.Join(tmpl, "term.html"), ownTerm)
	write(t, filepath.Join(tmpl, "taxonomy.html"), ownTaxonomy)
	r := startRunIn(t, src)
	st := openStream(t, r.url)
	st.next(t, "hello")

	added := filepath.Join(src, "content", "stories", "weir-walk.md")
	edit := func(name string, f func(string) string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		changed := f(string(data))
		if changed == string(data) {
			t.Fatalf("the edit of %s changed nothing", name)
		}
		write(t, filepath.Join(src, name), changed)
	}
	steps := []struct {
		name string
		do   func()
		// shows is a file and a text the step must make it show, so
		// that the comparison is known to follow the edit.
		file, shows string
	}{
		{"add a story", func() {
			write(t, added, "---\ntitle: Walking the weir\nsummary: Wardens and walkers mapped the weir path.\ndate: 2022-03-09\nvalues: [courage]\nregions: [north]\n---\nThe weir path was walked and mapped.\n")
		}, "values/courage/index.html", "Walking the weir"},
		{"retag a story", func() {
			edit("content/stories/market-day.md", func(s string) string {
				return strings.Replace(s, "values: [listening]", "values: [courage]", 1)
			})
		}, "values/courage/index.html", "Market day conversations"},
		{"edit a term", func() {
			edit("content/values/courage.md", func(s string) string {
				return strings.Replace(s, "title: Courage", "title: Daring", 1)
			})
		}, "stories/weir-walk/index.html", "Daring"},
		{"edit a translation", func() {
			edit("content/values/listening.cy.md", func(s string) string {
				return strings.Replace(s, "title: Gwrando", "title: Gwrando'n astud", 1)
			})
		}, "cy/stories/afon-story/index.html", "astud"},
		{"add a term and a story in it", func() {
			write(t, filepath.Join(src, "content", "regions", "east.md"), "---\ntitle: East\nsummary: The eastern hills.\n---\nThe hills to the east.\n")
			edit("content/stories/afon-story.md", func(s string) string {
				return strings.Replace(s, "regions: [north]", "regions: [north, east]", 1)
			})
		}, "regions/index.html", "East 1"},
		{"edit a plain page", func() {
			edit("content/pages/about.md", func(s string) string { return strings.Replace(s, "title: About", "title: About us", 1) })
		}, "index.html", "About us"},
		{"override a theme string", func() {
			write(t, filepath.Join(src, "i18n", "en.toml"), "[site]\nskip = \"Go to the stories\"\n")
		}, "stories/afon-story/index.html", "Go to the stories"},
		{"edit the site's story template", func() {
			edit("themes/default/templates/story.html", func(s string) string {
				return strings.Replace(s, "<article>", "<article class=\"own-story\">", 1)
			})
		}, "stories/market-day/index.html", "own-story"},
		{"edit site.toml", func() {
			edit("site.toml", func(s string) string {
				return strings.Replace(s, `title = "River Valley Practice"`, `title = "Vale Practice"`, 1)
			})
		}, "values/courage/feed.xml", "Vale Practice"},
		{"delete the added story", func() {
			if err := os.Remove(added); err != nil {
				t.Fatal(err)
			}
		}, "values/index.html", "Daring 3"},
	}
	for _, step := range steps {
		step.do()
		st.next(t, "reload")
		clean := filepath.Join(t.TempDir(), "clean")
		res, err := build.Build(build.Options{Src: src, Out: clean, BaseURL: r.url, LiveReload: ScriptURL})
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: clean build: %v %v", step.name, err, res.Diags)
		}
		want := tree(t, clean)
		if !strings.Contains(want[step.file], step.shows) {
			t.Fatalf("%s: the clean build's %s does not show %q:\n%s", step.name, step.file, step.shows, want[step.file])
		}
		// A later event may still be on its way; give the output a moment
		// to settle before calling it stale.
		var diffs []string
		for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if diffs = diffTrees(want, tree(t, r.out)); len(diffs) == 0 {
				break
			}
		}
		if len(diffs) > 0 {
			t.Errorf("%s: served output differs from a clean build in %d files: %v\n%s", step.name, len(diffs), diffs[:min(5, len(diffs))], firstDifference(want, tree(t, r.out), diffs[0]))
		}
	}
	if n := strings.Count(r.log.String(), "rebuilt ("); n < len(steps) {
		t.Errorf("%d rebuilds logged for %d edits:\n%s", n, len(steps), r.log)
	}
}

// firstDifference shows where the file name first differs in two trees.
func firstDifference(want, got map[string]string, name string) string {
	w, g := want[name], got[name]
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	from := max(0, i-80)
	return name + ":\n  clean:  " + w[from:min(len(w), i+80)] + "\n  served: " + g[from:min(len(g), i+80)]
}
