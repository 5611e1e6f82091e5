package link

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/casebook/casebook/generator/markdown"
)

// TestCacheAsksAgain links a site three times with one Cache: after a
// story is retitled, the body that links to it by slug is converted again
// and shows the new title, a body linking to it by path too, while a body
// with no link to it is reused as it was (the very same string); after a
// link target is deleted, the body that linked to it reports the broken
// link, exactly as a conversion without the cache does.
func TestCacheAsksAgain(t *testing.T) {
	specs := []storySpec{
		{slug: "target", title: "The target", date: "2020-01-01", principles: []string{"systems"}, sectors: []string{"nhs"}, body: "Text."},
		{slug: "by-slug", title: "By slug", date: "2020-01-02", principles: []string{"systems"}, sectors: []string{"nhs"}, body: "See [[target]]."},
		{slug: "by-path", title: "By path", date: "2020-01-03", principles: []string{"systems"}, sectors: []string{"nhs"}, body: "See [it](target.md) and [[principles/systems]]."},
		{slug: "alone", title: "Alone", date: "2020-01-04", principles: []string{"systems"}, sectors: []string{"nhs"}, body: "No links here, only [the web](https://example.org/)."},
	}
	cfg, conv, cache := testConfig(t), markdown.New(), NewCache()
	first, diags := LinkCached(cfg, collection(specs), conv, cache)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	html := func(site *Site, slug string) string { return string(site.linker.bySlug[slug].HTML) }
	specs[0].title = "A new title"
	second, diags := LinkCached(cfg, collection(specs), conv, cache)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if !strings.Contains(html(second, "by-slug"), "A new title") {
		t.Errorf("by-slug still shows %q", html(second, "by-slug"))
	}
	if a, b := html(first, "alone"), html(second, "alone"); unsafe.StringData(a) != unsafe.StringData(b) {
		t.Error("a body without links to the retitled story was converted again")
	}
	fresh, _ := Link(cfg, collection(specs), conv)
	for _, slug := range []string{"target", "by-slug", "by-path", "alone"} {
		if html(second, slug) != html(fresh, slug) {
			t.Errorf("%s from the cache:\n%s\nconverted afresh:\n%s", slug, html(second, slug), html(fresh, slug))
		}
	}
	_, diags = LinkCached(cfg, collection(specs[1:]), conv, cache)
	_, want := Link(cfg, collection(specs[1:]), conv)
	if len(diags) != 2 || fmt.Sprint(diags) != fmt.Sprint(want) {
		t.Errorf("after deleting the target, diagnostics from the cache:\n%v\nafresh:\n%v", diags, want)
	}
}
