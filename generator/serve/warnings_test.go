package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/casebook/casebook/generator/e2e"
)

// detailsBlock is raw HTML that the build drops with a warning; added at
// the end of the story, its first line is the warning's line.
const detailsBlock = "\n<details>\n<summary>More</summary>\nHidden.\n</details>\n"

// brokenLink is an error found while bodies are converted.
const brokenLink = "\nSee [[no-such-story]].\n"

// TestServeWarnings runs serve over real HTTP: a warning in the site
// reaches open pages in a "warnings" event and fresh ones in "hello", is
// printed after the rebuild with file:line:col, stays through rebuilds
// that do not fix it and through a failed one, and goes once fixed.
func TestServeWarnings(t *testing.T) {
	r := startRun(t)
	st := openStream(t, r.url)
	if ev := st.next(t, "hello"); !strings.Contains(ev.data, `"warnings":null`) {
		t.Fatalf("the sample site starts with warnings: %s", ev.data)
	}
	want := storyFile + ":"
	t.Run("a warning is sent and printed", func(t *testing.T) {
		r.edit(t, func(s string) string { return s + detailsBlock })
		ev := st.next(t, "warnings")
		if !strings.Contains(ev.data, want) || !strings.Contains(ev.data, `warning: raw HTML \u003cdetails\u003e`) {
			t.Errorf("warnings event %s does not name %s and <details>", ev.data, storyFile)
		}
		waitLog(t, r, "warning: raw HTML <details> is not published")
		waitLog(t, r, ", 1 warning\n")
		if ev := openStream(t, r.url).next(t, "hello"); !strings.Contains(ev.data, want) || !strings.Contains(ev.data, `"problems":null`) {
			t.Errorf("a fresh page gets hello %s", ev.data)
		}
	})
	t.Run("an unrelated edit keeps the warning", func(t *testing.T) {
		r.edit(t, func(s string) string {
			return strings.Replace(s, detailsBlock, "\nAnother sentence.\n"+detailsBlock, 1)
		})
		st.next(t, "reload")
		if ev := openStream(t, r.url).next(t, "hello"); !strings.Contains(ev.data, "raw HTML") {
			t.Errorf("the warning is gone after a rebuild that kept it: %s", ev.data)
		}
	})
	t.Run("a failed build keeps errors and warnings apart", func(t *testing.T) {
		// A broken link is found where the warning is, when bodies are
		// converted; a broken front matter would stop the build earlier.
		r.edit(t, func(s string) string { return s + brokenLink })
		ev := st.next(t, "problems")
		if !strings.Contains(ev.data, "no-such-story") || strings.Contains(ev.data, "raw HTML") {
			t.Errorf("problems %s: want the link error alone", ev.data)
		}
		hello := openStream(t, r.url).next(t, "hello")
		if !strings.Contains(hello.data, `"warnings":["`+storyFile) {
			t.Errorf("hello while broken %s: want the warning too", hello.data)
		}
		r.edit(t, func(s string) string { return strings.Replace(s, brokenLink, "", 1) })
		st.next(t, "reload")
	})
	t.Run("the fix clears the warning", func(t *testing.T) {
		r.edit(t, func(s string) string { return strings.Replace(s, detailsBlock, "\n", 1) })
		if ev := st.next(t, "warnings"); ev.data != "null" {
			t.Errorf("warnings after the fix: %s", ev.data)
		}
		if ev := openStream(t, r.url).next(t, "hello"); !strings.Contains(ev.data, `"warnings":null`) {
			t.Errorf("hello after the fix: %s", ev.data)
		}
	})
}

// waitLog waits for text to appear in serve's log.
func waitLog(t *testing.T, r *running, text string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !strings.Contains(r.log.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("serve's log lacks %q:\n%s", text, r.log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBrowserWarnings drives Chromium against a running serve: a warning
// shows in a closed panel that opens to give file:line:col, a failed build
// shows the error overlay with the warnings in it, and fixing both leaves
// the page clean.
func TestBrowserWarnings(t *testing.T) {
	r := startRun(t)
	ctx := e2e.Browser(t)
	page := r.url + "stories/access-to-family-support/"
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	until := func(t *testing.T, what, js string) {
		t.Helper()
		deadline := time.Now().Add(wait)
		for time.Now().Before(deadline) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(-2000) : ""`))
		t.Fatalf("%s: not seen within %s; the page ends:\n%s\nserve log:\n%s", what, wait, text, r.log)
	}
	file := strings.ReplaceAll(storyFile, "/", `\/`)
	t.Run("a warning shows in a closed panel", func(t *testing.T) {
		r.edit(t, func(s string) string { return s + detailsBlock })
		until(t, "the warnings panel, closed", `(function () {
			var d = document.querySelector("#casebook-warnings details");
			return !!d && !d.open && /^1 warning/.test(d.querySelector("summary").innerText) && !document.getElementById("casebook-overlay");
		})()`)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#casebook-warnings summary").click(), true`)); err != nil {
			t.Fatal(err)
		}
		until(t, "the warning with file:line:col once opened", `(function () {
			var d = document.querySelector("#casebook-warnings details");
			return d.open && /`+file+`:\d+:1: warning: raw HTML <details> is not published/.test(d.querySelector("li").innerText);
		})()`)
	})
	t.Run("a failed build shows errors and warnings", func(t *testing.T) {
		r.edit(t, func(s string) string { return s + brokenLink })
		until(t, "the overlay with the error and the warnings", `(function () {
			var o = document.getElementById("casebook-overlay");
			return !!o && /`+file+`:\d+:\d+: error: broken wiki link/.test(o.querySelector("ul").innerText) &&
				!!o.querySelector("details.casebook-warnings") && /raw HTML/.test(o.querySelector("details.casebook-warnings").innerText) &&
				!document.getElementById("casebook-warnings");
		})()`)
	})
	t.Run("fixing both leaves the page clean", func(t *testing.T) {
		r.edit(t, func(s string) string {
			return strings.Replace(strings.Replace(s, brokenLink, "", 1), detailsBlock, "\n", 1)
		})
		until(t, "no overlay and no panel", `!document.getElementById("casebook-overlay") && !document.getElementById("casebook-warnings") && document.readyState === "complete" && !!document.querySelector("h1")`)
	})
}
