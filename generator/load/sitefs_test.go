package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestSiteFS checks the site file system against the root's own: the
// same listings, a symlink listed as a symlink, and no listing of a
// folder reached through a symlink that leaves the site.
func TestSiteFS(t *testing.T) {
	site, outside := t.TempDir(), t.TempDir()
	for _, p := range []string{"content/stories/a.md", "content/stories/b/index.md", "content/pages/about.md"} {
		full := filepath.Join(site, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(goodStory), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte(goodStory), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(site, "content", "elsewhere")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	fsys := SiteFS(root)
	for _, dir := range []string{"content", "content/stories", "content/stories/b"} {
		got, err := fs.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fs.ReadDir(root.FS(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d entries, the root lists %d", dir, len(got), len(want))
		}
		for i := range got {
			if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() {
				t.Errorf("%s: entry %d is %s (%v), the root's is %s (%v)", dir, i, got[i].Name(), got[i].Type(), want[i].Name(), want[i].Type())
			}
		}
	}
	if _, err := fs.ReadDir(fsys, "content/elsewhere"); err == nil {
		t.Error("listed a folder outside the site through a symlink")
	}
	if _, err := fs.ReadDir(fsys, "../"+filepath.Base(outside)); err == nil {
		t.Error("listed a folder outside the site through ..")
	}
	if _, err := fs.ReadDir(fsys, "content/stories/a.md"); err == nil {
		t.Error("listed a file as a folder")
	}
	stories, err := fs.Sub(fsys, "content/stories")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(stories, "a.md", "b/index.md"); err != nil {
		t.Error(err)
	}
}
