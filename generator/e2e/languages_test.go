package e2e_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/casebook/casebook/generator/e2e"
)

// TestGaelicEdition opens the Gaelic edition of an English site in
// Chromium: its pages are in Gaelic with lang="gd", pass axe, switch to
// their English versions, and its search finds Gaelic words folded and by
// prefix ("abh" and "abhainn" find "h-Abhainn"), unstemmed, in the
// Gaelic index only.
func TestGaelicEdition(t *testing.T) {
	ctx := e2e.Browser(t)
	base, _ := e2e.ServeSite(t, unpackTestdata(t, "gaelic"))

	for _, p := range []string{"gd/", "gd/stories/", "gd/stories/harbour-timetable/", "gd/topics/crofting/", "gd/search/", "gd/about/"} {
		t.Run("axe "+p, func(t *testing.T) {
			e2e.Axe(t, ctx, base+p)
			lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
			if err != nil || lang != "gd" {
				t.Errorf("%s: <html lang=%q>, want gd (%v)", p, lang, err)
			}
		})
	}

	t.Run("the language switch leads to the English version", func(t *testing.T) {
		err := chromedp.Do(ctx, chromedp.Navigate(base+"gd/stories/harbour-timetable/"),
			chromedp.Click(`.language-switch a[hreflang="en"]`), chromedp.WaitVisible(`html[lang="en"]`))
		if err != nil {
			t.Fatal(err)
		}
		if loc := location(t, ctx); !strings.HasSuffix(loc, "/stories/harbour-timetable/") || strings.Contains(loc, "/gd/") {
			t.Errorf("the switch went to %s", loc)
		}
	})

	t.Run("an untranslated story is marked in the Gaelic list", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"gd/stories/")); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".card")).map(c =>
				c.querySelector(".card-title a").lang + "|" + c.querySelector(".card-title a").getAttribute("href") + "|" + ((c.querySelector(".language-label")||{}).textContent||""))`))
		if err != nil {
			t.Fatal(err)
		}
		var marked, translated bool
		for _, c := range got {
			parts := strings.SplitN(c, "|", 3)
			switch {
			case parts[0] == "en" && strings.HasSuffix(parts[1], "/stories/croft-succession/") && !strings.Contains(parts[1], "/gd/") && parts[2] != "":
				marked = true
				if strings.Contains(parts[2], "English") || !strings.Contains(parts[2], "Beurla") {
					t.Errorf("label %q is not in Gaelic", parts[2])
				}
			case parts[0] == "" && strings.HasSuffix(parts[1], "/gd/stories/harbour-timetable/") && parts[2] == "":
				translated = true
			}
		}
		if !marked || !translated {
			t.Errorf("cards %q: want croft-succession marked English linking to the original, harbour-timetable in Gaelic", got)
		}
	})

	for _, q := range []string{"abhainn", "Abhainn", "abh"} {
		t.Run("Gaelic search for "+q, func(t *testing.T) {
			hrefs := search(t, ctx, base+"gd/search/", q)
			if len(hrefs) != 1 || !strings.HasSuffix(hrefs[0], "/gd/stories/harbour-timetable/") {
				t.Errorf("results %q, want the Gaelic harbour story alone", hrefs)
			}
		})
	}
	t.Run("the Gaelic index holds Gaelic words, not English ones", func(t *testing.T) {
		if hrefs := search(t, ctx, base+"gd/search/", "talla"); len(hrefs) != 1 {
			t.Errorf("talla found %q in the Gaelic index, want the harbour story", hrefs)
		}
		if hrefs := search(t, ctx, base+"search/", "talla"); len(hrefs) != 0 {
			t.Errorf("talla found %q in the English index", hrefs)
		}
	})
}

// search types q into the search page at url and returns the links of
// the results once the status line has settled on a count.
func search(t *testing.T, ctx context.Context, url, q string) []string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible("#search-q"), chromedp.SendKeys("#search-q", q)); err != nil {
		t.Fatal(err)
	}
	tctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	// The status line names the query once its results are drawn.
	ready := `(() => { const s = document.querySelector(".search-status"); return s && s.textContent.includes("“` + q + `”") && document.querySelectorAll(".search-results > li:empty").length === 0 })()`
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](ready)); err != nil {
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".search-status")||{}).textContent`))
		t.Fatalf("search for %q: the status %q does not name the query: %v", q, status, err)
	}
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-status").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(url, "/gd/") && (strings.Contains(status, "stor") || strings.Contains(status, "No ")) {
		t.Errorf("the Gaelic search status %q is in English", status)
	}
	hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-results .card-title a")).map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	return hrefs
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
