package render

import (
	"io/fs"
	"testing"
	"testing/fstest"

	casebook "github.com/casebook/casebook"
)

// A site theme that is an unchanged copy of the built-in one (what
// `casebook theme export` writes) keeps the built-in fingerprints;
// one changed template makes the theme the site's own.
func TestThemeCopyIsStillBuiltIn(t *testing.T) {
	copyFS := fstest.MapFS{}
	err := fs.WalkDir(casebook.DefaultTheme(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(casebook.DefaultTheme(), p)
		copyFS[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	th, err := LoadTheme(casebook.DefaultTheme(), copyFS)
	if err != nil {
		t.Fatal(err)
	}
	if th.own {
		t.Errorf("an unchanged copy of the built-in theme counts as the site's own templates")
	}
	copyFS["templates/term.html"] = &fstest.MapFile{Data: append(append([]byte{}, copyFS["templates/term.html"].Data...), "\n"...)}
	if th, err = LoadTheme(casebook.DefaultTheme(), copyFS); err != nil {
		t.Fatal(err)
	}
	if !th.own {
		t.Errorf("a changed term.html does not count as the site's own template")
	}
}
