package search_test

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/casebook/casebook/generator/e2e"
	"github.com/casebook/casebook/generator/search"
)

// result is a search result or facet card as the page shows it.
type result struct {
	Href, Title, Excerpt string
	Date                 string // the card's <time datetime>
	Marks                []string
	Badges               []string
}

const resultsJS = `Array.from(document.querySelectorAll(%q)).map(a => ({
	Href: a.querySelector(".card-title a").getAttribute("href"),
	Title: a.querySelector(".card-title").textContent,
	Date: (a.querySelector("time") || {}).dateTime || "",
	Excerpt: (a.querySelector(".excerpt") || {}).textContent || "",
	Marks: Array.from(a.querySelectorAll("mark")).map(m => m.textContent),
	Badges: Array.from(a.querySelectorAll(".badge")).map(b => b.getAttribute("href")),
}))`

// waitResults waits until the status line has been written and the cards
// of sel are drawn, and returns them.
func waitResults(t *testing.T, ctx context.Context, sel string) []result {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	ready := `(() => { const s = document.querySelector(".search-status"); const n = document.querySelectorAll(` + jsString(sel) + `).length;
		return s && s.textContent !== "" && (n > 0 || /^No stories/.test(s.textContent)) && document.querySelectorAll(".search-results > li:empty, .facet-results .cards > div").length === 0 })()`
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](ready)); err != nil {
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".search-status")||{}).textContent`))
		t.Fatalf("results did not appear (status %q): %v", status, err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]result](strings.Replace(resultsJS, "%q", jsString(sel), 1)))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func jsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// waitExcerpts waits until every result shows an excerpt or has been
// given time to load it.
func waitExcerpt(t *testing.T, ctx context.Context) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`document.querySelector(".search-results .excerpt mark") !== null`)); err != nil {
		t.Fatalf("no excerpt with a marked word appeared: %v", err)
	}
}

func location(t *testing.T, ctx context.Context) *url.URL {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSearchInBrowser(t *testing.T) {
	root := e2e.RepoRoot(t)
	ctx := e2e.Browser(t)
	base, dir := e2e.ServeSite(t, root)
	const results = ".search-results .card"

	t.Run("typing summer lists the summer holiday story first", func(t *testing.T) {
		err := chromedp.Do(ctx, chromedp.Navigate(base+"search/"), chromedp.WaitVisible("#search-q"),
			chromedp.SendKeys("#search-q", "summer"))
		if err != nil {
			t.Fatal(err)
		}
		got := waitResults(t, ctx, results)
		if len(got) == 0 || !strings.HasSuffix(got[0].Href, "/stories/summer-holiday-support/") {
			t.Fatalf("first result %+v, want the summer holiday story", got)
		}
		if len(got[0].Marks) == 0 || !strings.EqualFold(got[0].Marks[0], "summer") {
			t.Errorf("marked words %q, want Summer marked", got[0].Marks)
		}
		if len(got[0].Badges) != 4 {
			t.Errorf("badges %q, want the story's four principles", got[0].Badges)
		}
		if q := location(t, ctx).Query().Get("q"); q != "summer" {
			t.Errorf("URL query q=%q, want summer", q)
		}
		waitExcerpt(t, ctx)
	})

	t.Run("accents are ignored", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/?q=dun+eideann")); err != nil {
			t.Fatal(err)
		}
		got := waitResults(t, ctx, results)
		if len(got) == 0 || !strings.HasSuffix(got[0].Href, "/stories/carers-guidance-co-design/") {
			t.Fatalf("results %+v, want carers-guidance-co-design first", got)
		}
		waitExcerpt(t, ctx)
		got = waitResults(t, ctx, results)
		if !strings.Contains(got[0].Excerpt, "Dùn Èideann") || !containsAll(got[0].Marks, "Dùn", "Èideann") {
			t.Errorf("excerpt %q with marks %q, want Dùn Èideann marked", got[0].Excerpt, got[0].Marks)
		}
	})

	t.Run("a principle filter narrows the results and updates the URL", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/?q=families")); err != nil {
			t.Fatal(err)
		}
		all := waitResults(t, ctx, results)
		total := countOf(t, ctx)
		if err := chromedp.Do(ctx, chromedp.Click("#f-principle-emergent")); err != nil {
			t.Fatal(err)
		}
		waitStatusChange(t, ctx, total)
		narrowed := countOf(t, ctx)
		got := waitResults(t, ctx, results)
		if narrowed >= total || narrowed == 0 {
			t.Fatalf("emergent filter: %d results of %d (first page %d), want fewer but some", narrowed, total, len(all))
		}
		for _, r := range got {
			if !containsSuffix(r.Badges, "/principles/emergent/") {
				t.Errorf("%s is listed without the emergent badge %q", r.Href, r.Badges)
			}
		}
		q := location(t, ctx).Query()
		if q.Get("q") != "families" || q.Get("principle") != "emergent" {
			t.Errorf("URL query %v, want q=families&principle=emergent", q)
		}
	})

	t.Run("the stemmer matches search.Stem", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/")); err != nil {
			t.Fatal(err)
		}
		for _, c := range stemCases {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`casebookSearch.stem(casebookSearch.words(`+jsString(c.word)+`)[0])`))
			if err != nil || got != search.Stem(c.word) {
				t.Errorf("search.js stems %q to %q (%v); Go to %q", c.word, got, err, search.Stem(c.word))
			}
		}
		for _, s := range []string{"Dùn Èideann", "Straße café", "children's carers’ ŁÓDŹ"} {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`casebookSearch.words(`+jsString(s)+`)`))
			if want := search.Words(s); err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("search.js splits %q into %q (%v); Go into %q", s, got, err, want)
			}
		}
	})

	t.Run("keyboard only", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/"), chromedp.WaitVisible("#search-q")); err != nil {
			t.Fatal(err)
		}
		tabTo(t, ctx, `document.activeElement.id === "search-q"`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent("inquiry nhs"), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		got := waitResults(t, ctx, results)
		if len(got) == 0 {
			t.Fatal("no results for inquiry nhs")
		}
		tabTo(t, ctx, `document.activeElement.closest(".search-results .card-title") !== null`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		// The page changes under the poll, so ask for the location again
		// until the story has opened.
		for i := 0; ; i++ {
			loc, err := chromedp.Run(ctx, chromedp.Location())
			if err == nil && strings.Contains(loc, "/stories/") {
				break
			}
			if i == 50 {
				t.Fatalf("Enter on the first result did not open it: at %s (%v)", loc, err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	})

	t.Run("facets on the stories list", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"stories/"), chromedp.WaitVisible("form.facets"),
			chromedp.Click("#f-principle-inquiry")); err != nil {
			t.Fatal(err)
		}
		got := waitResults(t, ctx, ".facet-results .card")
		inquiry := countOf(t, ctx)
		if len(got) != inquiry || inquiry == 0 {
			t.Fatalf("%d cards for %d matching stories", len(got), inquiry)
		}
		// Newest first, as the plain list.
		for i := 1; i < len(got); i++ {
			if got[i].Date == "" || got[i].Date > got[i-1].Date {
				t.Errorf("card %d (%s, %q) follows one dated %q: not newest first", i, got[i].Href, got[i].Date, got[i-1].Date)
			}
		}
		if err := chromedp.Do(ctx, chromedp.Click("#f-sector-nhs")); err != nil {
			t.Fatal(err)
		}
		waitStatusChange(t, ctx, inquiry)
		got = waitResults(t, ctx, ".facet-results .card")
		if len(got) == 0 || len(got) >= inquiry {
			t.Fatalf("inquiry and NHS: %d cards, want fewer than inquiry's %d", len(got), inquiry)
		}
		for _, r := range got {
			if !containsSuffix(r.Badges, "/principles/inquiry/") {
				t.Errorf("%s listed without the inquiry badge", r.Href)
			}
		}
		q := location(t, ctx).Query()
		if q.Get("principle") != "inquiry" || q.Get("sector") != "nhs" {
			t.Errorf("URL query %v, want principle=inquiry&sector=nhs", q)
		}
		nhsCount, err := chromedp.Run(ctx, chromedp.Text(`label[for="f-sector-nhs"] [data-count]`))
		if err != nil || nhsCount != itoa(len(got)) {
			t.Errorf("NHS count shows %q (%v), want %d", nhsCount, err, len(got))
		}
		plainHidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Array.from(document.querySelectorAll("main .cards")).filter(c => !c.closest("form")).every(c => c.closest("[hidden]") !== null)`))
		if err != nil || !plainHidden {
			t.Errorf("the plain list is still shown under the filtered one (%v)", err)
		}
		// The state in the URL survives a reload.
		if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		again := waitResults(t, ctx, ".facet-results .card")
		if len(again) != len(got) {
			t.Errorf("after reload %d cards, before %d", len(again), len(got))
		}
	})

	// The texts of the excerpts are byte ranges of group files; a server
	// that ignores Range sends a group whole, which the script keeps.
	for _, honour := range []bool{true, false} {
		name := "excerpts from a server that honours Range"
		if !honour {
			name = "excerpts from a server that ignores Range"
		}
		t.Run(name, func(t *testing.T) {
			srv := newTextServer(t, dir, honour)
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+"search/?q=summer")); err != nil {
				t.Fatal(err)
			}
			waitResults(t, ctx, results)
			// The summer holiday story, first, says summer in its body.
			tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`document.querySelector(".search-results > li:first-child .excerpt mark") !== null`)); err != nil {
				t.Fatalf("the first result shows no excerpt with a marked word: %v", err)
			}
			got := waitResults(t, ctx, results)
			if !strings.Contains(strings.ToLower(got[0].Excerpt), "summer") || !containsFold(got[0].Marks, "summer") {
				t.Errorf("first result's excerpt %q with marks %q, want summer marked", got[0].Excerpt, got[0].Marks)
			}
			srv.check(t, honour)
			// Every story's text, as the script reads it, is the one its
			// chunk points at in the group file.
			texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(async () => {
				const ix = new casebookSearch.Index(document.querySelector("form[data-search]").dataset.search);
				await ix.ready;
				return Promise.all(Array.from({length: ix.m.n}, (_, id) => ix.text(id)));
			})()`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			want := builtTexts(t, filepath.Join(dir, "search"))
			if len(texts) != len(want) || len(want) < 10 {
				t.Fatalf("the script read %d texts, the index holds %d", len(texts), len(want))
			}
			for id := range want {
				if texts[id] != want[id] {
					t.Errorf("text of story %d reads %.80q, want %.80q", id, texts[id], want[id])
				}
			}
			srv.check(t, honour)
		})
	}

	t.Run("axe", func(t *testing.T) {
		pages := []struct{ name, path, cards string }{
			{"search", "search/?q=summer", results},
			{"facets", "stories/?principle=inquiry", ".facet-results .card"},
			{"intersection", "principles/inquiry/sectors/nhs/", ""},
			{"coverage on principles", "principles/", ""},
			{"coverage on home", "", ""},
		}
		for _, scheme := range []string{"light", "dark"} {
			if err := chromedp.Do(ctx, e2e.ColorScheme(scheme)); err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				t.Run(scheme+"/"+p.name, func(t *testing.T) {
					e2e.Axe(t, ctx, base+p.path)
					// Axe may have run before the script drew the results, and
					// skipped the closed tables: run it again in the same page
					// with the results drawn and every <details> open.
					if p.cards != "" {
						waitResults(t, ctx, p.cards)
					}
					tags, _ := json.Marshal(e2e.AxeTags)
					violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]e2e.Violation](`document.querySelectorAll("details").forEach(d => d.open = true);
						axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatal(err)
					}
					for _, v := range violations {
						t.Errorf("with results drawn and tables open: axe %s: %s: %s", v.ID, v.Help, v.Targets())
					}
				})
			}
		}
	})
}
