package e2e_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/e2e"
)

// TestAccessibility builds the sample site, opens its kinds of page in
// headless Chromium, and runs axe-core (WCAG 2.2 A and AA, best practices)
// in the light and the dark colour scheme. Any violation fails the test.
// In the same pass it checks that no page reflows sideways at 320 px and
// that each page makes at most three first-party requests besides images,
// all to its own origin.
func TestAccessibility(t *testing.T) {
	root := e2e.RepoRoot(t)
	ctx := e2e.Browser(t)
	base, dir := e2e.ServeSite(t, root)
	pages := samplePages(t, root, dir)

	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			if err := chromedp.Do(ctx, e2e.ColorScheme(scheme), chromedp.Navigate(base)); err != nil {
				t.Fatal(err)
			}
			// Without this check a broken emulation would test light twice.
			dark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`matchMedia("(prefers-color-scheme: dark)").matches`))
			if err != nil || dark != (scheme == "dark") {
				t.Fatalf("emulating prefers-color-scheme: %s: matchMedia says dark=%v (%v)", scheme, dark, err)
			}
			for _, p := range pages {
				t.Run(p, func(t *testing.T) {
					violations := e2e.Axe(t, ctx, base+p)
					t.Logf("%s (%s): %d axe violations", p, scheme, len(violations))
				})
			}
		})
	}

	t.Run("keyboard", func(t *testing.T) {
		story := pages[2]
		if err := chromedp.Do(ctx, e2e.ColorScheme("light"), chromedp.Navigate(base+story)); err != nil {
			t.Fatal(err)
		}
		for i := range 14 {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			f, err := chromedp.Run(ctx, chromedp.Evaluate[focused](focusedScript))
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 && (f.Href != "#main" || f.Top < 0) {
				t.Errorf("first Tab focuses <%s href=%q> at top %v px, want the visible skip link", f.Tag, f.Href, f.Top)
			}
			if f.OutlineStyle == "none" || f.OutlineWidth == "0px" {
				t.Errorf("Tab %d: <%s href=%q> shows no focus outline", i+1, f.Tag, f.Href)
			}
		}
		// The skip link moves focus into the main content.
		if err := chromedp.Do(ctx, chromedp.Navigate(base+story), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[focused](focusedScript))
		if err != nil {
			t.Fatal(err)
		}
		if f.ID != "main" {
			t.Errorf("after the skip link, focus is on <%s id=%q>, want <main id=main>", f.Tag, f.ID)
		}
	})

	t.Run("320px", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			t.Run(p, func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
					t.Fatal(err)
				}
				width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
				if err != nil {
					t.Fatal(err)
				}
				if width > 320 {
					t.Errorf("the page is %d px wide in a 320 px viewport: it scrolls sideways", width)
				}
			})
		}
	})

	t.Run("requests", func(t *testing.T) {
		for _, p := range pages {
			t.Run(p, func(t *testing.T) {
				type entry struct {
					Name, InitiatorType string
				}
				if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
					t.Fatal(err)
				}
				entries, err := chromedp.Run(ctx, chromedp.Evaluate[[]entry](
					`performance.getEntriesByType("resource").map(e => ({Name: e.name, InitiatorType: e.initiatorType}))`))
				if err != nil {
					t.Fatal(err)
				}
				var fetched []string
				for _, e := range entries {
					if len(e.Name) < len(base) || e.Name[:len(base)] != base {
						t.Errorf("requests %s from another origin", e.Name)
					}
					if e.InitiatorType != "img" && e.InitiatorType != "image" {
						fetched = append(fetched, e.Name)
					}
				}
				if len(fetched) > maxPageRequests {
					t.Errorf("%d requests besides images, over the budget of %d: %v", len(fetched), maxPageRequests, fetched)
				}
			})
		}
	})
}

// focused describes the element that has the keyboard focus.
type focused struct {
	Tag, ID, Href              string
	OutlineStyle, OutlineWidth string
	Top                        float64
}

const focusedScript = `(() => {
	const e = document.activeElement, s = getComputedStyle(e);
	return {Tag: e.tagName.toLowerCase(), ID: e.id, Href: e.getAttribute("href") || "",
		OutlineStyle: s.outlineStyle, OutlineWidth: s.outlineWidth, Top: e.getBoundingClientRect().top};
})()`

// samplePages lists the pages the accessibility test opens, relative to
// the base URL: home, the stories list, a story, each taxonomy index, a
// term page, the about page and a missing page (served as 404.html).
func samplePages(t *testing.T, root, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, config.File))
	if err != nil {
		t.Fatal(err)
	}
	cfg, diags := config.Parse(data, "")
	if diags.HasErrors() {
		t.Fatalf("site.toml: %v", diags)
	}
	pages := []string{"", "stories/", firstSubfolder(t, dir, "stories") + "/"}
	for _, tax := range cfg.Taxonomies {
		pages = append(pages, tax+"/")
	}
	if len(cfg.Taxonomies) > 0 {
		term := firstSubfolder(t, dir, cfg.Taxonomies[0])
		pages = append(pages, term+"/", term+"/print/")
	}
	return append(pages, "about/", "no-such-page/")
}

// firstSubfolder returns "parent/<first subfolder by name>" of the built
// site.
func firstSubfolder(t *testing.T, dir, parent string) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, parent))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "page" && !isRedirect(t, filepath.Join(dir, parent, e.Name(), "index.html")) {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatalf("the built site has nothing under %s/", parent)
	}
	sort.Strings(names)
	return parent + "/" + names[0]
}

// isRedirect reports whether the page at p is a redirect page at an
// earlier address (an alias), which is no page of its own.
func isRedirect(t *testing.T, p string) bool {
	t.Helper()
	data, err := os.ReadFile(p)
	return err == nil && bytes.Contains(data, []byte(`http-equiv="refresh"`))
}
