package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/build"
)

// TestRebuildFollowsInheritedFields edits only the originals of
// translated stories, in front matter a translation inherits (terms,
// place), and rebuilds with one Builder after each edit: the edition's
// search index must follow although no translation's file changed, and
// every output must be a clean build's.
func TestRebuildFollowsInheritedFields(t *testing.T) {
	src := unpackFixture(t, "bilingual")
	out := filepath.Join(t.TempDir(), "out")
	b := build.NewBuilder(build.Options{Src: src, Out: out})
	if up, err := b.Build(); err != nil || up.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, up.Diags)
	}
	edits := []struct {
		file, from, to string
		// shows is a string the edition's search index holds after the edit.
		shows string
	}{
		{"content/stories/afon-story.md", "values: [listening, courage]", "values: [courage]", ""},
		{"content/stories/bridge-repair/index.md", "regions: [north, south]", "regions: [south]", ""},
		{"content/stories/afon-story.md", "regions: [north]", "regions: [north]\nplace: Pentrefelin", "Pentrefelin"},
	}
	for i, e := range edits {
		name := filepath.Join(src, filepath.FromSlash(e.file))
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(data), e.from, e.to, 1)
		if edited == string(data) {
			t.Fatalf("edit %d: %s holds no %q", i, e.file, e.from)
		}
		before := tree(t, out)
		writeFile(t, name, edited)
		up, err := b.BuildChanged([]string{e.file})
		if err != nil || up.Diags.HasErrors() {
			t.Fatalf("edit %d (%s): %v %v", i, e.file, err, up.Diags)
		}
		got := tree(t, out)
		for _, index := range []string{"cy/search/index.json", "search/index.json"} {
			if got[index] == before[index] {
				t.Errorf("edit %d (%s): %s did not change", i, e.file, index)
			}
		}
		if e.shows != "" && !strings.Contains(got["cy/search/index.json"]+got["cy/search/d/0.json"], e.shows) {
			t.Errorf("edit %d (%s): the Welsh search data does not show %q", i, e.file, e.shows)
		}
		clean := buildOK(t, build.Options{Src: src, Out: filepath.Join(t.TempDir(), "clean")})
		compareTrees(t, "edit "+e.file, tree(t, clean.Out), got)
	}
}
