package e2e_test

import (
	"bytes"
	"testing"

	"github.com/casebook/casebook/generator/e2e"
)

// TestPageStructure checks, on every page of the built sample site, what
// axe-core cannot see or checks only loosely: a lang attribute, one main
// landmark, a skip link to it as the first link, exactly one h1, and
// headings that never skip a level on the way down.
func TestPageStructure(t *testing.T) {
	dir := e2e.BuildSite(t, e2e.RepoRoot(t))
	for name, data := range htmlPages(t, dir) {
		if bytes.Contains(data, []byte(`http-equiv="refresh"`)) {
			continue // a redirect page at an alias, no page of its own
		}
		t.Run(name, func(t *testing.T) {
			tags := scanTags(t, name, data)
			var h1s, mains int
			prev := 0
			firstLink := ""
			for _, tg := range tags {
				switch tg.Name {
				case "html":
					if tg.Attrs["lang"] == "" {
						t.Error("<html> has no lang")
					}
				case "main":
					mains++
					if tg.Attrs["id"] != "main" {
						t.Errorf("<main> has id %q, want main (the skip link's target)", tg.Attrs["id"])
					}
				case "a":
					if firstLink == "" {
						firstLink = tg.Attrs["href"]
					}
				}
				level := headingLevel(tg.Name)
				if level == 0 {
					continue
				}
				if level == 1 {
					h1s++
				}
				if prev > 0 && level > prev+1 {
					t.Errorf("heading <h%d> follows <h%d>: a level is skipped", level, prev)
				}
				if prev == 0 && level != 1 {
					t.Errorf("first heading is <h%d>, want <h1>", level)
				}
				prev = level
			}
			if h1s != 1 {
				t.Errorf("%d <h1> elements, want 1", h1s)
			}
			if mains != 1 {
				t.Errorf("%d <main> elements, want 1", mains)
			}
			if firstLink != "#main" {
				t.Errorf("first link goes to %q, want the skip link to #main", firstLink)
			}
		})
	}
}
