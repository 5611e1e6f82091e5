package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/casebook/casebook/generator/e2e"
)

// programmeTerms are the primary terms a programme site may have, in
// display order: the five of the values-site fixture and three more.
var programmeTerms = []struct{ key, title string }{
	{"what-matters", "What Matters Conversations"}, {"voice-and-control", "Voice and Control"},
	{"prevention", "Prevention and Early Help"}, {"co-production", "Co-production with NHS Wales"},
	{"well-being", "Well-being"}, {"cymraeg-first", "Cymraeg First"}, {"carers-count", "Carers Count"},
	{"kindness", "Kindness"},
}

var valuesLine = regexp.MustCompile(`(?m)^values: .*$`)

// programmeSite copies the values-site fixture (taxonomies values,
// sectors and regions, regions optional, a logo, an accent and a
// stylesheet of its own) into a temporary folder with n primary terms,
// retagging its stories to use them.
func programmeSite(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "values-site"))); err != nil {
		t.Fatal(err)
	}
	values := filepath.Join(dir, "content", "values")
	for i, term := range programmeTerms {
		p := filepath.Join(values, term.key+".md")
		if i >= n {
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			continue
		}
		if _, err := os.Stat(p); os.IsNotExist(err) {
			body := fmt.Sprintf("---\ntitle: %s\nsummary: A value of the programme, described in a sentence.\norder: %d\n---\nWhat it means.\n", term.title, i+1)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	stories, _ := filepath.Glob(filepath.Join(dir, "content", "stories", "*.md"))
	for i, p := range stories {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		line := fmt.Sprintf("values: [%s, %s]", programmeTerms[i%n].key, programmeTerms[(i+1)%n].key)
		if n == 1 {
			line = "values: [" + programmeTerms[0].key + "]"
		}
		if err := os.WriteFile(p, valuesLine.ReplaceAll(data, []byte(line)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// homeLook is what the home page shows of its primary terms.
type homeLook struct {
	Heading     string
	CardColours []string
	OrbColours  []string
	OrbsInside  bool
	OrbCount    int
	Width       int
	VisibleText string
	LogoIsImage bool
	ExtraLoaded bool
	LinkColour  string
}

const homeLookScript = `(() => {
	const cards = [...document.querySelectorAll('.primary-term')], orbs = [...document.querySelectorAll('.orb')];
	const w = document.documentElement.clientWidth;
	return {
		Heading: (document.querySelector('#primary-heading') || {}).textContent || '',
		CardColours: cards.map(c => getComputedStyle(c).borderTopColor),
		OrbColours: orbs.map(o => getComputedStyle(o).borderTopColor),
		OrbsInside: orbs.every(o => { const r = o.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= w; }),
		OrbCount: orbs.length,
		Width: document.documentElement.scrollWidth,
		VisibleText: document.body.innerText,
		LogoIsImage: !!document.querySelector('.site-title img.logo[src$="site-logo.svg"]'),
		ExtraLoaded: [...document.styleSheets].some(s => (s.href || '').endsWith('/site-extra.css')),
		LinkColour: getComputedStyle(document.querySelector('main .button')).backgroundColor,
	};
})()`

// TestProgrammeTheme builds programme sites with 3, 5 and 8 primary
// terms and checks them in Chromium, in the light and the dark scheme: no
// axe violations on any kind of page, a distinct colour per primary term
// (the term's own colour where it has one), a home diagram with every
// term inside the page at desktop and phone widths, headings from the
// site's own taxonomy names and none of the sample's, and the site's own
// logo, accent and stylesheet.
func TestProgrammeTheme(t *testing.T) {
	ctx := e2e.Browser(t)
	for _, n := range []int{3, 5, 8} {
		t.Run(fmt.Sprintf("%d terms", n), func(t *testing.T) {
			base, _ := e2e.ServeSite(t, programmeSite(t, n))
			pages := []string{"", "stories/", "stories/walking-group/", "values/", "values/what-matters/",
				"values/" + programmeTerms[n-1].key + "/", "regions/", "sectors/nhs-wales/", "search/", "no-such-page/"}
			for _, scheme := range []string{"light", "dark"} {
				t.Run(scheme, func(t *testing.T) {
					for _, p := range pages {
						if err := chromedp.Do(ctx, e2e.ColorScheme(scheme)); err != nil {
							t.Fatal(err)
						}
						e2e.Axe(t, ctx, base+p)
					}
					for _, width := range []int{1280, 320} {
						if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate(base)); err != nil {
							t.Fatal(err)
						}
						look, err := chromedp.Run(ctx, chromedp.Evaluate[homeLook](homeLookScript))
						if err != nil {
							t.Fatal(err)
						}
						checkHome(t, look, n, scheme, width)
					}
				})
			}
		})
	}
}

func checkHome(t *testing.T, look homeLook, n int, scheme string, width int) {
	t.Helper()
	at := fmt.Sprintf("%s, %d px", scheme, width)
	if len(look.CardColours) != n || look.OrbCount != n {
		t.Fatalf("%s: the home page shows %d term cards and %d orbs for %d terms", at, len(look.CardColours), look.OrbCount, n)
	}
	for _, colours := range [][]string{look.CardColours, look.OrbColours} {
		seen := map[string]bool{}
		for _, c := range colours {
			seen[c] = true
		}
		if len(seen) != n {
			t.Errorf("%s: %d distinct colours for %d primary terms: %v", at, len(seen), n, colours)
		}
	}
	if scheme == "light" && look.CardColours[0] != "rgb(122, 46, 140)" {
		t.Errorf("%s: the term with colour #7a2e8c is drawn in %s", at, look.CardColours[0])
	}
	if !look.OrbsInside || look.Width > width {
		t.Errorf("%s: the home diagram leaves the page (orbs inside: %v, page %d px wide)", at, look.OrbsInside, look.Width)
	}
	if strings.TrimSpace(look.Heading) != "Our Values" {
		t.Errorf("%s: the primary terms' heading is %q, want the taxonomy's own title", at, look.Heading)
	}
	for _, word := range []string{"principle", "Principle", "sample"} {
		if strings.Contains(look.VisibleText, word) {
			t.Errorf("%s: the home page of a site without principles says %q", at, word)
		}
	}
	if !look.LogoIsImage || !look.ExtraLoaded {
		t.Errorf("%s: the site's own logo (%v) or stylesheet (%v) is missing", at, look.LogoIsImage, look.ExtraLoaded)
	}
	if scheme == "light" && look.LinkColour != "rgb(29, 94, 58)" {
		t.Errorf("%s: buttons are %s, not the site's accent #1d5e3a", at, look.LinkColour)
	}
}
