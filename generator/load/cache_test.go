package load

import (
	"io/fs"
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

// countingFS counts the folders read.
type countingFS struct {
	fstest.MapFS
	reads int
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.reads++
	return c.MapFS.ReadDir(name)
}

// TestCacheReplaysTheWalk checks that a load after Changed names only
// files that are still there classifies the last walk's files again
// without reading a folder, and that any other change set walks again.
func TestCacheReplaysTheWalk(t *testing.T) {
	story := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(strings.Replace(goodStory, "title: A", "title: "+title, 1)), ModTime: time.Unix(1, 0)}
	}
	fsys := &countingFS{MapFS: fstest.MapFS{
		"content/stories/a.md":          story("A1"),
		"content/stories/b.md":          story("B1"),
		"content/stories/c/index.md":    story("C1"),
		"content/stories/c/pic.png":     {Data: []byte("one")},
		"content/principles/inquiry.md": story("I1"),
	}}
	cache := NewCache()
	taxes := []string{"principles"}
	load := func(step string, changed []string, taxes []string, walks bool) map[string]*File {
		t.Helper()
		if changed != nil {
			cache.Changed(changed)
		}
		before := fsys.reads
		res := LoadCached(fsys, taxes, cache)
		if len(res.Diags) > 0 {
			t.Fatalf("%s: %v", step, res.Diags)
		}
		if walked := fsys.reads > before; walked != walks {
			t.Errorf("%s: walked %v, want %v", step, walked, walks)
		}
		// The same files as a load without a cache finds.
		fresh := Load(fsys.MapFS, taxes)
		files := map[string]*File{}
		for i, f := range res.Files {
			files[f.Path] = f
			if i >= len(fresh.Files) || fresh.Files[i].Path != f.Path || fresh.Files[i].Kind != f.Kind {
				t.Errorf("%s: file %d is %s, a fresh load has %v", step, i, f.Path, fresh.Files)
			}
		}
		if len(res.Files) != len(fresh.Files) {
			t.Errorf("%s: %d files, a fresh load has %d", step, len(res.Files), len(fresh.Files))
		}
		return files
	}
	load("first", nil, taxes, true)
	fsys.MapFS["content/stories/a.md"] = story("A2")
	fsys.MapFS["content/stories/a.md"].ModTime = time.Unix(2, 0)
	files := load("edit", []string{"content/stories/a.md"}, taxes, false)
	if !strings.Contains(string(files["content/stories/a.md"].Doc.Raw), "title: A2") {
		t.Error("the edited story was not read again")
	}
	fsys.MapFS["content/stories/c/pic.png"] = &fstest.MapFile{Data: []byte("two")}
	files = load("asset", []string{"content/stories/c/pic.png"}, taxes, false)
	if a := files["content/stories/c/index.md"].Assets; len(a) != 1 || string(a[0].Data) != "two" {
		t.Errorf("the bundle's assets are %v, want the new pic.png", a)
	}
	fsys.MapFS["content/stories/new.md"] = story("N1")
	files = load("new file", []string{"content/stories/new.md"}, taxes, true)
	if files["content/stories/new.md"] == nil {
		t.Error("the new story was not loaded")
	}
	delete(fsys.MapFS, "content/stories/b.md")
	files = load("deleted file", []string{"content/stories/b.md"}, taxes, true)
	if files["content/stories/b.md"] != nil {
		t.Error("the deleted story is still loaded")
	}
	load("folder", []string{"content/stories/c"}, taxes, true)
	load("other taxonomies", []string{"content/stories/a.md"}, []string{"principles", "sectors"}, true)
	load("no change set", nil, taxes, true)
}
