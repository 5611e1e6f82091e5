package check

import (
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/load"
)

// TestCacheHandsOutTheSameStory checks three checks with one Cache: an
// unchanged file gives the very story it gave last time, so later stages
// can tell by identity that it did not change; a changed asset of its
// bundle gives a new story with the new asset, leaving the old one as it
// was; a changed file gives a new story.
func TestCacheHandsOutTheSameStory(t *testing.T) {
	cache := NewCache()
	o := opts
	o.Cache = cache
	bundle := func(asset, title string) *load.File {
		src := story("principles: [systems]\nsectors: [nhs]")
		f := file(t, "content/stories/hub/index.md", strings.Replace(src, "title: A", "title: "+title, 1))
		f.Hash = uint64(len(title))
		f.Assets = []load.Asset{{Path: "content/stories/hub/map.png", Name: "map.png", Data: []byte(asset)}}
		return f
	}
	check := func(f *load.File) *content.Story {
		t.Helper()
		col, diags := Check(append(vocabularyFiles(t), f), o)
		if len(diags) > 0 || len(col.Stories) != 1 {
			t.Fatalf("%v, %d stories", diags, len(col.Stories))
		}
		return col.Stories[0]
	}
	first := check(bundle("one", "A"))
	if again := check(bundle("one", "A")); again != first {
		t.Error("an unchanged file gave a new story")
	}
	withNew := check(bundle("two", "A"))
	if withNew == first || string(withNew.Assets[0].Data) != "two" || string(first.Assets[0].Data) != "one" {
		t.Errorf("after the asset changed: same story %v, assets %q then %q", withNew == first, first.Assets[0].Data, withNew.Assets[0].Data)
	}
	if retitled := check(bundle("two", "Bee")); retitled == withNew || retitled.Title != "Bee" {
		t.Errorf("a changed file gave the same story or title %q", retitled.Title)
	}
}
