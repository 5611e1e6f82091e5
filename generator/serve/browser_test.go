package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/e2e"
	"github.com/chromedp/chromedp"
)

// TestBrowserLiveReload drives headless Chromium against a running serve:
// a saved edit reloads the open page, a broken story shows the overlay over
// the last good page, and the fix clears it.
func TestBrowserLiveReload(t *testing.T) {
	r := startRun(t)
	ctx := e2e.Browser(t)
	page := r.url + "stories/access-to-family-support/"
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	// A page that was reloaded loses this marker.
	mark := func(t *testing.T) {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.casebookMarker = true`)); err != nil {
			t.Fatal(err)
		}
	}
	// until polls a JavaScript condition on the open page.
	until := func(t *testing.T, what, js string) {
		t.Helper()
		deadline := time.Now().Add(wait)
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
		t.Fatalf("%s: not seen within %s; the page says:\n%s\nserve log:\n%s", what, wait, text, r.log)
	}

	t.Run("edit reloads the page", func(t *testing.T) {
		mark(t)
		r.edit(t, func(s string) string { return s + "\nThe browser should show this sentence.\n" })
		until(t, "reloaded page with the new sentence",
			`!window.casebookMarker && document.body.innerText.includes("The browser should show this sentence.")`)
	})
	t.Run("broken front matter shows the overlay", func(t *testing.T) {
		mark(t)
		r.edit(t, func(s string) string { return strings.Replace(s, "title: Access", "title: [Access", 1) })
		until(t, "overlay naming the file and line",
			`(function () {
				var o = document.getElementById("casebook-overlay");
				return !!o && /`+strings.ReplaceAll(storyFile, "/", `\/`)+`:\d+:\d+: error: front matter/.test(o.innerText) && window.casebookMarker === true;
			})()`)
		until(t, "last good page under the overlay", `document.querySelector("h1").innerText.includes("Access to family support")`)
	})
	t.Run("overlay shows on a fresh load", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(r.url)); err != nil {
			t.Fatal(err)
		}
		until(t, "overlay after navigating", `!!document.getElementById("casebook-overlay")`)
	})
	t.Run("fix clears the overlay", func(t *testing.T) {
		r.edit(t, func(s string) string { return strings.Replace(s, "title: [Access", "title: Access", 1) })
		until(t, "page without overlay", `!document.getElementById("casebook-overlay") && document.readyState === "complete"`)
	})
}
