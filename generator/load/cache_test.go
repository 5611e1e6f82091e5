package load

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestCacheChanged checks the watcher's shortcut: after Changed, a load
// reads again exactly the files named (or below a folder named) and
// trusts its entries for the others, even when their bytes changed behind
// its back; without Changed, every file is looked at again.
func TestCacheChanged(t *testing.T) {
	story := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(strings.Replace(goodStory, "title: A", "title: "+title, 1)), ModTime: time.Unix(1, 0)}
	}
	fsys := fstest.MapFS{
		"content/stories/a.md":          story("A1"),
		"content/stories/b.md":          story("B1"),
		"content/stories/c/index.md":    story("C1"),
		"content/stories/d.md":          story("D1"),
		"content/principles/inquiry.md": story("I1"),
	}
	cache := NewCache()
	titles := func() map[string]string {
		t.Helper()
		res := LoadCached(fsys, []string{"principles"}, cache)
		if len(res.Diags) > 0 {
			t.Fatal(res.Diags)
		}
		out := map[string]string{}
		for _, f := range res.Files {
			out[f.Path] = string(f.Doc.Raw)
		}
		return out
	}
	has := func(got map[string]string, path, title string) {
		t.Helper()
		if !strings.Contains(got[path], "title: "+title+"\n") {
			t.Errorf("%s: front matter %q, want title %s", path, got[path], title)
		}
	}
	titles()
	for _, p := range []string{"content/stories/a.md", "content/stories/b.md", "content/stories/c/index.md", "content/stories/d.md"} {
		old := fsys[p]
		fsys[p] = story(strings.ToUpper(p[len("content/stories/"):len("content/stories/")+1]) + "2")
		fsys[p].ModTime = old.ModTime.Add(time.Second)
	}
	fsys["content/stories/e.md"] = story("E1")
	cache.Changed([]string{"content/stories/a.md", "content/stories/c", "content/stories/e.md"})
	got := titles()
	has(got, "content/stories/a.md", "A2")       // named
	has(got, "content/stories/c/index.md", "C2") // below a named folder
	has(got, "content/stories/e.md", "E1")       // new, found by the walk
	has(got, "content/stories/b.md", "B1")       // not named: trusted
	has(got, "content/stories/d.md", "D1")
	delete(fsys, "content/stories/d.md")
	cache.Changed([]string{"content/stories/d.md"})
	got = titles()
	if _, ok := got["content/stories/d.md"]; ok {
		t.Error("a deleted story is still loaded")
	}
	// Changed lasts one load: the next one looks at every file.
	got = titles()
	has(got, "content/stories/b.md", "B2")
}
