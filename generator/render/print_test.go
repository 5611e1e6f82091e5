package render

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
)

// packSite is the test site with both stories about systems, one of them
// with a link in its body and a hostile title.
func packSite(t *testing.T) *Theme {
	t.Helper()
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func packEdit(col *content.Collection) {
	col.Stories[1].Terms["principles"] = []string{"inquiry", "systems"}
	col.Stories[1].Title = hostile
	col.Stories[0].Body.Source = []byte("See [the other story](old.md) and [a site](https://example.com/x).")
	col.Stories[0].Questions = []string{"What <matters>?"}
	col.Pages = append(col.Pages, &content.Page{Path: "content/pages/accessibility.md", Dir: "content/pages", Slug: "accessibility", Title: "Access <statement>"})
}

func TestPrintPacks(t *testing.T) {
	files := renderAll(t, testSiteWith(t, packEdit), packSite(t))
	pack, ok := files["principles/systems/print/index.html"]
	if !ok {
		t.Fatal("no workshop pack for principles/systems")
	}
	if n := strings.Count(pack, `<article class="pack-story">`); n != 2 {
		t.Errorf("systems pack holds %d stories, want the 2 tagged systems", n)
	}
	if n := strings.Count(files["principles/inquiry/print/index.html"], `<article class="pack-story">`); n != 1 {
		t.Errorf("inquiry pack holds %d stories, want 1", n)
	}
	for _, want := range []string{
		"@page { size: A4;",
		".pack-story { break-before: page;",
		`a[href]::after { content: " (" attr(href) ")";`,
		// The origin, CSS-escaped by html/template: https://example.org.
		`a[href^="/"]::after { content: " (https\3a\2f\2f example.org" attr(href) ")"; }`,
		`<a href="/cb/stories/old/">the other story</a>`,
		`<a class="pack-url" href="/cb/stories/new/">https://example.org/cb/stories/new/</a>`,
		"<li>What &lt;matters&gt;?</li>",
		`<link rel="canonical" href="https://example.org/cb/principles/systems/print/">`,
		// On screen only, like every page's footer: the site's pages, the
		// accessibility statement among them.
		`<footer class="pack-foot pack-screen">`,
		`<li><a href="/cb/accessibility/">Access &lt;statement&gt;</a></li>`,
	} {
		if !strings.Contains(pack, want) {
			t.Errorf("pack lacks %s", want)
		}
	}
	if strings.Contains(pack, "site-nav") || strings.Contains(pack, "site-footer") {
		t.Error("the pack carries the site's navigation")
	}
	if strings.Contains(pack, "<script>alert") {
		t.Error("a hostile title reached the pack unescaped")
	}
	if !strings.Contains(files["principles/systems/index.html"], `href="/cb/principles/systems/print/"`) {
		t.Error("the term page does not link its pack")
	}
	if strings.Contains(files["sitemap.xml"], "print/") {
		t.Error("the sitemap lists a pack")
	}
}

// TestPrintPacksRelease renders with bodies released as their last page
// renders: every pack still has every body.
func TestPrintPacksRelease(t *testing.T) {
	site := testSiteWith(t, packEdit)
	var mu sync.Mutex
	files := map[string]string{}
	err := Render(site, packSite(t), Options{Release: true}, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[p] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"principles/systems/print/index.html", "stories/new/index.html"} {
		if !strings.Contains(files[p], "the other story</a>") {
			t.Errorf("%s lost the body of story new", p)
		}
	}
	for _, s := range site.Stories {
		if s.HTML != "" {
			t.Errorf("story %s kept its body after rendering", s.Slug)
		}
	}
}

// TestPrintPackLimit leaves out the pack of a term with more than
// MaxPackStories stories, and says so on the term page.
func TestPrintPackLimit(t *testing.T) {
	site := testSiteWith(t, func(col *content.Collection) {
		for i := range MaxPackStories {
			s := *col.Stories[0]
			s.Slug, s.Path = fmt.Sprintf("copy-%d", i), fmt.Sprintf("content/stories/copy-%d.md", i)
			col.Stories = append(col.Stories, &s)
		}
	})
	files := renderAll(t, site, packSite(t))
	if _, ok := files["principles/systems/print/index.html"]; ok {
		t.Errorf("a term of %d stories has a pack", MaxPackStories+1)
	}
	if !strings.Contains(files["principles/systems/index.html"], "201 stories are too many for a printed workshop pack") {
		t.Error("the term page does not say why it has no pack")
	}
	if _, ok := files["principles/inquiry/print/index.html"]; !ok {
		t.Error("a small term lost its pack")
	}
}
