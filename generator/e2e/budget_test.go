package e2e_test

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/e2e"
)

// Budgets of the built sample site (issue 3).
const (
	maxCSSBytes      = 30 << 10
	maxHTMLBytes     = 100 << 10
	maxPageRequests  = 3
	sampleSiteOrigin = "https://casebook.invalid/"
)

// TestBudgets builds the sample site and checks its weight: the minified
// CSS in total, every HTML page, and the first-party requests (other than
// images) that each page makes; no page may load anything from another
// host.
func TestBudgets(t *testing.T) {
	dir := e2e.BuildSite(t, e2e.RepoRoot(t), "-base-url", sampleSiteOrigin)

	t.Run("css", func(t *testing.T) {
		var total int64
		matches, _ := filepath.Glob(filepath.Join(dir, "*.css"))
		if len(matches) == 0 {
			t.Fatal("the site has no stylesheet")
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if err != nil {
				t.Fatal(err)
			}
			total += info.Size()
			css, _ := os.ReadFile(m)
			for _, ref := range cssRequests(string(css)) {
				t.Errorf("%s loads %s: a stylesheet may only refer to images", filepath.Base(m), ref)
			}
		}
		t.Logf("CSS: %d bytes", total)
		if total > maxCSSBytes {
			t.Errorf("CSS is %d bytes, over the budget of %d", total, maxCSSBytes)
		}
	})

	pages := htmlPages(t, dir)
	var largest string
	for name, data := range pages {
		// A workshop pack holds every story of its term in full, to be
		// printed: its weight is its stories', and render caps how many.
		pack := strings.HasSuffix(name, "/print/index.html")
		if !pack && (largest == "" || len(data) > len(pages[largest])) {
			largest = name
		}
		t.Run(name, func(t *testing.T) {
			if len(data) > maxHTMLBytes && !pack {
				t.Errorf("%d bytes, over the budget of %d", len(data), maxHTMLBytes)
			}
			reqs := pageRequests(t, name, data)
			if len(reqs) > maxPageRequests {
				t.Errorf("loads %d first-party resources besides images, over the budget of %d: %v", len(reqs), maxPageRequests, reqs)
			}
		})
	}
	t.Logf("largest HTML page: %s, %d bytes; %d pages", largest, len(pages[largest]), len(pages))
}

// fetchingLinks are the rel values of <link> that make the browser fetch.
var fetchingLinks = map[string]bool{"stylesheet": true, "preload": true, "modulepreload": true, "manifest": true, "prefetch": true}

// pageRequests returns the URLs a page fetches besides images, and fails
// the test for any fetch from another host.
func pageRequests(t *testing.T, name string, data []byte) []string {
	t.Helper()
	var reqs []string
	for _, tg := range scanTags(t, name, data) {
		var ref string
		image := false
		switch tg.Name {
		case "link":
			rel := strings.ToLower(tg.Attrs["rel"])
			if strings.Contains(rel, "icon") {
				ref, image = tg.Attrs["href"], true
			} else if fetchingLinks[rel] {
				ref = tg.Attrs["href"]
			}
		case "script", "iframe", "embed", "audio", "video", "track":
			ref = tg.Attrs["src"]
		case "object":
			ref = tg.Attrs["data"]
		case "img", "source", "input":
			ref, image = tg.Attrs["src"], true
		}
		if ref == "" || strings.HasPrefix(ref, "data:") {
			continue
		}
		u, err := url.Parse(ref)
		if err != nil {
			t.Errorf("<%s> has a bad URL %q: %v", tg.Name, ref, err)
			continue
		}
		if u.Host != "" && "https://"+u.Host+"/" != sampleSiteOrigin {
			t.Errorf("<%s> loads %s from another host", tg.Name, ref)
			continue
		}
		if !image {
			reqs = append(reqs, ref)
		}
	}
	return reqs
}

var cssURL = regexp.MustCompile(`(?i)@import|url\(\s*['"]?([^'")]*)`)

// cssRequests returns what a stylesheet would fetch other than images and
// inline data.
func cssRequests(css string) []string {
	var out []string
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		ref := m[1]
		if strings.HasPrefix(strings.ToLower(m[0]), "@import") {
			out = append(out, "@import")
			continue
		}
		if strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "#") {
			continue
		}
		switch strings.ToLower(filepath.Ext(ref)) {
		case ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif":
			continue
		}
		out = append(out, ref)
	}
	return out
}
