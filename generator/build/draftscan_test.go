package build_test

import (
	"html"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
)

// TestDraftsOnlyOnTheirPagesAndLists scans every output file of a -drafts
// build for each draft's title, summary, address and slug. Only the
// draft's own folder and the entries of lists that link it with its Draft
// label may hold them: not a feed, the sitemap, an export, a workshop
// pack, the search index, a page's head or any other page's text.
func TestDraftsOnlyOnTheirPagesAndLists(t *testing.T) {
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
			entries := 0
			forEachOutput(t, preview.Out, func(p string, data []byte) {
				if isDraftPage(p, drafts) {
					return
				}
				text := string(data)
				for _, d := range drafts {
					if strings.HasSuffix(p, ".html") {
						var n int
						text, n = withoutListEntries(text, d)
						entries += n
					}
				}
				for _, d := range drafts {
					checkNoDraft(t, "with -drafts, outside lists: "+p, []byte(text), d)
				}
			})
			if entries == 0 {
				t.Error("no list entry of a draft was found: the scan proves nothing")
			}
		})
	}
}

// withoutListEntries returns page without the list entries that link the
// draft d with its Draft label: each labelled link's nearest enclosing
// <li> or <article>, whole. It also returns how many it removed.
func withoutListEntries(page string, d draftText) (string, int) {
	link := `<a href="` + d.url + `">` + html.EscapeString(d.title) + `</a>` + draftLabel
	n := 0
	for {
		at := strings.Index(page, link)
		if at < 0 {
			return page, n
		}
		start, end := enclosing(page, at, "li"), -1
		tag := "li"
		if a := enclosing(page, at, "article"); a > start {
			start, tag = a, "article"
		}
		if start >= 0 {
			if i := strings.Index(page[at:], "</"+tag+">"); i >= 0 {
				end = at + i + len("</"+tag+">")
			}
		}
		if start < 0 || end < 0 {
			// A labelled link outside any list entry: the page is
			// kept as it is, so that the title is found and reported.
			return page, n
		}
		page = page[:start] + page[end:]
		n++
	}
}

// enclosing returns where the nearest <tag> element that is still open at
// offset at starts, or -1.
func enclosing(page string, at int, tag string) int {
	before := page[:at]
	open := max(strings.LastIndex(before, "<"+tag+">"), strings.LastIndex(before, "<"+tag+" "))
	if open < 0 || strings.Contains(before[open:], "</"+tag+">") {
		return -1
	}
	return open
}
