package e2e_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/e2e"
)

// writePagingSite writes a site of n stories, story-000 the oldest and
// story-<n-1> the newest, one day apart, all tagged with the principle
// inquiry.
func writePagingSite(t *testing.T, src string, n int) {
	t.Helper()
	files := map[string]string{
		"site.toml":                     "title = \"Paging\"\nbase_url = \"https://example.org/\"\nlanguage = \"en\"\ntaxonomies = [\"principles\", \"sectors\"]\n",
		"content/principles/inquiry.md": "---\ntitle: Inquiry\nsummary: Asking first.\n---\n",
		"content/sectors/nhs.md":        "---\ntitle: NHS\nsummary: Health boards.\n---\n",
	}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		files[fmt.Sprintf("content/stories/story-%03d.md", i)] = fmt.Sprintf(
			"---\ntitle: Story %03d\nsummary: Number %d.\ndate: %s\nprinciples: [inquiry]\nsectors: [nhs]\n---\n\nText.\n",
			i, i, day.AddDate(0, 0, i).Format(time.DateOnly))
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
}

// searchPage matches the folder of the search page of a language: the
// default's at the root, another's under /<code>/.
var searchPage = regexp.MustCompile(`^([a-z]{2,3}(-[A-Za-z0-9]+)*/)?search/$`)

var cardLink = regexp.MustCompile(`<h3 class="card-title"><a href="/stories/story-(\d+)/">`)

// cardNumbers returns the numbers of the stories whose cards a page
// shows, in order.
func cardNumbers(data []byte) []int {
	var out []int
	for _, m := range cardLink.FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n)
	}
	return out
}

// TestPagination builds a site of 160 stories and checks that its lists
// are split into pages numbered from the oldest: the list's own URL shows
// the newest 60, page/2/ the 50 before them and page/1/ the 50 oldest,
// each newest first, linked by rel="prev" (newer) and rel="next" (older)
// in the head and in the page's own pager.
func TestPagination(t *testing.T) {
	src := t.TempDir()
	writePagingSite(t, src, 160)
	dir := e2e.BuildSite(t, src, "-no-minify")
	tests := []struct {
		name, page     string
		prev, next     string
		newest, oldest int
	}{
		{"stories newest", "stories/index.html", "", "/stories/page/2/", 159, 100},
		{"stories page 2", "stories/page/2/index.html", "/stories/", "/stories/page/1/", 99, 50},
		{"stories page 1", "stories/page/1/index.html", "/stories/page/2/", "", 49, 0},
		{"term newest", "principles/inquiry/index.html", "", "/principles/inquiry/page/2/", 159, 100},
		{"term page 2", "principles/inquiry/page/2/index.html", "/principles/inquiry/", "/principles/inquiry/page/1/", 99, 50},
		{"term page 1", "principles/inquiry/page/1/index.html", "/principles/inquiry/page/2/", "", 49, 0},
		{"intersection page 1", "principles/inquiry/sectors/nhs/page/1/index.html", "/principles/inquiry/sectors/nhs/page/2/", "", 49, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.page)))
			if err != nil {
				t.Fatal(err)
			}
			var prev, next []string
			for _, tg := range scanTags(t, tt.page, data) {
				switch rel := tg.Attrs["rel"]; rel {
				case "prev":
					prev = append(prev, tg.Name+" "+tg.Attrs["href"])
				case "next":
					next = append(next, tg.Name+" "+tg.Attrs["href"])
				}
			}
			checkRel(t, "prev", prev, tt.prev)
			checkRel(t, "next", next, tt.next)
			cards := cardNumbers(data)
			want := tt.newest - tt.oldest + 1
			if len(cards) != want || cards[0] != tt.newest || cards[len(cards)-1] != tt.oldest {
				t.Errorf("cards %v, want %d from story %d down to %d", cards, want, tt.newest, tt.oldest)
			}
			for i := 1; i < len(cards); i++ {
				if cards[i] != cards[i-1]-1 {
					t.Errorf("card %d is story %d after story %d: not newest first", i, cards[i], cards[i-1])
				}
			}
		})
	}
	// The oldest page also leads straight back to the newest, which is
	// two pages away; the page next to the newest has no such link.
	for page, want := range map[string]int{"stories/page/1/index.html": 1, "stories/page/2/index.html": 0, "stories/index.html": 0} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Count(data, []byte(`<a href="/stories/">Newest stories</a>`)); got != want {
			t.Errorf("%s has %d links to the newest stories, want %d", page, got, want)
		}
	}
	// An older page names the dates it covers in its title: story 0 is
	// dated 1 January 2020 and story 49 forty-nine days later.
	page1, err := os.ReadFile(filepath.Join(dir, "principles/inquiry/page/1/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<title>Inquiry (1 January 2020 to 19 February 2020)"; !bytes.Contains(page1, []byte(want)) {
		t.Errorf("principles/inquiry/page/1/ has no %q", want)
	}
}

// TestPaginationIsStable checks what the numbering from the oldest is
// for: after 40 newer stories are added, the oldest page of every list is
// byte for byte what it was, while the newest page has the new stories.
func TestPaginationIsStable(t *testing.T) {
	src := t.TempDir()
	writePagingSite(t, src, 160)
	before := e2e.BuildSite(t, src, "-no-minify")
	writePagingSite(t, src, 200)
	after := e2e.BuildSite(t, src, "-no-minify")
	for _, page := range []string{"stories/page/1/index.html", "principles/inquiry/page/1/index.html", "sectors/nhs/page/1/index.html"} {
		a, err := os.ReadFile(filepath.Join(before, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(after, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s changed when newer stories were added", page)
		}
	}
	// 200 stories: the newest page holds 50 (199 to 150), and a new
	// page/3/ the 50 that the newest page held before (149 to 100).
	for page, want := range map[string][2]int{"stories/index.html": {199, 150}, "stories/page/3/index.html": {149, 100}} {
		data, err := os.ReadFile(filepath.Join(after, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		cards := cardNumbers(data)
		if len(cards) != 50 || cards[0] != want[0] || cards[49] != want[1] {
			t.Errorf("%s: cards %v, want 50 from %d down to %d", page, cards, want[0], want[1])
		}
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

// TestSitemapListsEveryPage checks on a paginated site and on the sample
// site that sitemap.xml lists every page a build writes, older list pages
// and intersections included, but for the 404 and search pages, and only
// pages that exist.
func TestSitemapListsEveryPage(t *testing.T) {
	paged := t.TempDir()
	writePagingSite(t, paged, 160)
	for name, src := range map[string]string{"paginated": paged, "sample": e2e.RepoRoot(t)} {
		t.Run(name, func(t *testing.T) {
			dir := e2e.BuildSite(t, src, "-no-minify", "-base-url", "https://example.org/")
			data, err := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
			if err != nil {
				t.Fatal(err)
			}
			var set struct {
				URLs []struct {
					Loc string `xml:"loc"`
				} `xml:"url"`
			}
			if err := xml.Unmarshal(data, &set); err != nil {
				t.Fatal(err)
			}
			listed := map[string]bool{}
			for _, u := range set.URLs {
				rel, ok := strings.CutPrefix(u.Loc, "https://example.org/")
				if !ok || listed[rel] {
					t.Errorf("sitemap lists %s twice or off the site", u.Loc)
				}
				listed[rel] = true
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel), "index.html")); err != nil {
					t.Errorf("sitemap lists %s, which the build did not write", u.Loc)
				}
			}
			pages := 0
			err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.Name() != "index.html" {
					return err
				}
				rel, _ := filepath.Rel(dir, filepath.Dir(p))
				rel = filepath.ToSlash(rel) + "/"
				if rel == "./" {
					rel = ""
				}
				if searchPage.MatchString(rel) || strings.HasSuffix(rel, "/print/") {
					return nil // the search page of each language, and workshop packs, which repeat stories
				}
				if data, err := os.ReadFile(p); err == nil && bytes.Contains(data, []byte(`http-equiv="refresh"`)) {
					if listed[rel] {
						t.Errorf("the sitemap lists /%s, a redirect page", rel)
					}
					return nil
				}
				pages++
				if !listed[rel] {
					t.Errorf("the sitemap does not list /%s", rel)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if name == "paginated" && !listed["principles/inquiry/sectors/nhs/page/1/"] {
				t.Error("the sitemap has no older intersection page")
			}
			if pages < 10 || len(listed) != pages {
				t.Errorf("%d pages written, %d listed", pages, len(listed))
			}
		})
	}
}

// TestOlderPagesAccessibility runs axe-core in Chromium on older pages of
// a paginated site, whose pager, headings and titles differ from a list's
// first page.
func TestOlderPagesAccessibility(t *testing.T) {
	src := t.TempDir()
	writePagingSite(t, src, 160)
	ctx := e2e.Browser(t)
	base, dir := e2e.ServeSite(t, src)
	for _, page := range []string{"stories/page/1/", "stories/page/2/", "principles/inquiry/page/1/", "principles/inquiry/sectors/nhs/page/2/"} {
		t.Run(page, func(t *testing.T) {
			// The server answers a missing page with the 404 page, which
			// axe would check instead.
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(page), "index.html")); err != nil {
				t.Fatal(err)
			}
			violations := e2e.Axe(t, ctx, base+page)
			t.Logf("%s: %d axe violations", page, len(violations))
		})
	}
}
