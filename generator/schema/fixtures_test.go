package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/schema"
)

// The pipeline's own fixtures: a whole site, and bad-input cases laid over
// it (see generator/build/bad_test.go for their format).
const (
	fixtureSite = "../build/testdata/sites/casebook.txtar"
	badCases    = "../build/testdata/bad"
)

// TestPipelineBadInputs checks that the schema rejects the bad-input cases
// of the build tests that JSON Schema can express, and accepts the story
// files of the cases the pipeline accepts. Cases about whole files (empty,
// not UTF-8, too big), links, slugs and site.toml are beyond a schema of
// front matter.
func TestPipelineBadInputs(t *testing.T) {
	site := t.TempDir()
	unpack(t, fixtureSite, site)
	loaded, err := build.LoadContent(build.Options{Src: site})
	if err != nil || loaded.Config == nil {
		t.Fatalf("loading %s: %v %v", fixtureSite, err, loaded.Diags)
	}
	data, err := schema.Story(loaded.Config, loaded.Collection).JSON()
	if err != nil {
		t.Fatal(err)
	}
	sch := compileJSON(t, data)
	tests := []struct {
		name   string
		reject bool
	}{
		{"missing-title", true},
		{"missing-summary", true},
		{"missing-date", true},
		{"missing-terms", true},
		{"empty-terms", true},
		{"unknown-principle", true},
		{"unknown-sector", true},
		{"toml-unknown-term", true},
		{"date-day-first", true},
		{"date-not-in-calendar", true},
		{"json-bad-date", true},
		{"updated-invalid", true},
		{"title-list", true},
		{"principles-map", true},
		// check only warns about an unknown key; the schema underlines it.
		{"unknown-key", true},
		{"list-as-string", false},
		{"alias", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ar, err := txtar.ParseFile(filepath.Join(badCases, tt.name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			stories := 0
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "content/stories/") || !strings.HasSuffix(f.Name, ".md") {
					continue
				}
				stories++
				path := filepath.Join(t.TempDir(), "story.md")
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				err := sch.Validate(instance(t, path))
				switch {
				case tt.reject && err == nil:
					t.Errorf("%s was accepted", f.Name)
				case !tt.reject && err != nil:
					t.Errorf("%s was rejected: %v", f.Name, err)
				}
			}
			if stories == 0 {
				t.Fatal("the case holds no story")
			}
		})
	}
}

// unpack writes the files of a txtar archive under dir.
func unpack(t *testing.T, archive, dir string) {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
