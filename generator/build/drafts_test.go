package build_test

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
)

// draftLabel is how the default theme marks a draft after its title.
const draftLabel = ` <strong class="draft-label">Draft</strong>`

// draftSites are fixtures with drafts, of different vocabularies.
var draftSites = []string{"testdata/drafts/values.txtar", "testdata/sites/drafts.txtar"}

// draftText is what would give a draft away: its title, summary and
// address.
type draftText struct{ title, summary, url, outDir string }

// TestDraftsInEveryOutput builds sites with drafts with and without
// -drafts. Without it no output file holds a draft's title, summary or
// address, nor sits in its folder, search index included; with it every
// draft's page and every link to it in a list carries the Draft label,
// and still no feed, sitemap, export or search file names it.
func TestDraftsInEveryOutput(t *testing.T) {
	for _, file := range draftSites {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src := unpackSite(t, ar)
			preview := buildOK(t, build.Options{Src: src, Out: filepath.Join(t.TempDir(), "preview"), Drafts: true, NoMinify: true})
			var drafts []draftText
			for _, s := range preview.Site.Stories {
				if s.Draft {
					drafts = append(drafts, draftText{s.Title, s.Summary, s.URL, "stories/" + s.Slug + "/"})
				}
			}
			if len(drafts) == 0 {
				t.Fatalf("%s has no drafts", file)
			}
			checkPreview(t, preview.Out, drafts)
			published := buildOK(t, build.Options{Src: src, Out: filepath.Join(t.TempDir(), "public"), NoMinify: true})
			forEachOutput(t, published.Out, func(p string, data []byte) {
				for _, d := range drafts {
					if strings.HasPrefix(p, d.outDir) {
						t.Errorf("without -drafts: %s is in a draft's folder", p)
					}
					checkNoDraft(t, "without -drafts: "+p, data, d)
				}
			})
		})
	}
}

// checkPreview checks the output of a -drafts build.
func checkPreview(t *testing.T, out string, drafts []draftText) {
	t.Helper()
	labelled := map[string]int{}
	forEachOutput(t, out, func(p string, data []byte) {
		base := filepath.Base(p)
		secret := base == "feed.xml" || base == "sitemap.xml" || p == "stories.json" || p == "stories.csv" ||
			(strings.HasPrefix(p, "search/") && p != "search/index.html")
		for _, d := range drafts {
			if secret || p == "search/index.html" {
				checkNoDraft(t, "with -drafts: "+p, data, d)
			}
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			link := `href="` + d.url + `">` + html.EscapeString(d.title) + `</a>`
			for rest := string(data); ; {
				i := strings.Index(rest, link)
				if i < 0 {
					break
				}
				rest = rest[i+len(link):]
				if !strings.HasPrefix(rest, draftLabel) {
					t.Errorf("%s: link to the draft %q without the Draft label: %.80q", p, d.title, rest)
				}
				labelled[p]++
			}
			if p == d.outDir+"index.html" && !strings.Contains(string(data), "<h1>"+html.EscapeString(d.title)+draftLabel+"</h1>") {
				t.Errorf("%s: the draft's heading has no Draft label", p)
			}
		}
		if strings.HasPrefix(p, "stories/") && strings.HasSuffix(p, "/index.html") && !isDraftPage(p, drafts) {
			if i := strings.Index(string(data), "<h1>"); i >= 0 && strings.Contains(strings.SplitN(string(data[i:]), "</h1>", 2)[0], "draft-label") {
				t.Errorf("%s: a published story's heading carries the Draft label", p)
			}
		}
	})
	for _, list := range []string{"stories/index.html", "index.html"} {
		if labelled[list] == 0 {
			t.Errorf("%s lists no draft with its label", list)
		}
	}
}

func isDraftPage(p string, drafts []draftText) bool {
	for _, d := range drafts {
		if strings.HasPrefix(p, d.outDir) {
			return true
		}
	}
	return false
}

// checkNoDraft fails when data gives the draft d away.
func checkNoDraft(t *testing.T, where string, data []byte, d draftText) {
	t.Helper()
	text := string(data)
	for _, s := range []string{d.title, html.EscapeString(d.title), d.summary, d.url, d.outDir} {
		if strings.Contains(text, s) {
			t.Errorf("%s holds %q of a draft", where, s)
		}
	}
}

// forEachOutput calls f with every file under out, by slash path.
func forEachOutput(t *testing.T, out string, f func(p string, data []byte)) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		f(filepath.ToSlash(rel), data)
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("walking %s: %d files, %v", out, n, err)
	}
}
