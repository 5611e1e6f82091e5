package link_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStagesOneWay checks the import edges of the stages that work from
// the Site, as DESIGN.md draws them: link depends on no later stage and
// makes no trusted markup (html/template), render and search are siblings
// that import neither each other nor build, and search does not render.
func TestStagesOneWay(t *testing.T) {
	const mod = "github.com/casebook/casebook/generator/"
	forbidden := map[string][]string{
		".":         {mod + "render", mod + "search", mod + "build", "html/template"},
		"../render": {mod + "search", mod + "build"},
		"../search": {mod + "render", mod + "build", "html/template"},
	}
	for dir, banned := range forbidden {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range banned {
					if path == b {
						t.Errorf("%s imports %s", name, path)
					}
				}
			}
		}
	}
}
