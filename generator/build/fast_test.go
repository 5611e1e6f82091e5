package build_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/corpus"
	"github.com/casebook/casebook/generator/e2e"
	"github.com/casebook/casebook/generator/render"
)

// TestFastTemplatesMatch builds sites with the built-in theme, with
// templates of their own, in several languages and minified or not, once
// with casebook's template executor and once with html/template alone
// (render.ReferenceTemplatesEnv): every file must be byte for byte the
// same.
func TestFastTemplatesMatch(t *testing.T) {
	sites := map[string]string{}
	sample := t.TempDir()
	copySite(t, e2e.RepoRoot(t), sample)
	sites["sample"] = sample
	custom := t.TempDir()
	copySite(t, e2e.RepoRoot(t), custom)
	writeFile(t, filepath.Join(custom, "themes/default/templates/story.html"), customStory)
	writeFile(t, filepath.Join(custom, "themes/default/templates/term.html"), customTerm)
	sites["custom"] = custom
	gen := t.TempDir()
	if err := corpus.Generate(gen, 120, filepath.Join("..", "..", "content")); err != nil {
		t.Fatal(err)
	}
	sites["corpus"] = gen
	files, err := filepath.Glob(filepath.Join("testdata", "sites", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sites[filepath.Base(f)] = unpackSite(t, ar)
	}
	for name, src := range sites {
		for _, minify := range []bool{false, true} {
			opts := build.Options{Src: src, Drafts: true, NoMinify: !minify}
			opts.Out = t.TempDir()
			t.Setenv(render.ReferenceTemplatesEnv, "")
			before, _ := render.FastStats()
			fast := outputFiles(t, buildOK(t, opts).Out)
			if done, back := render.FastStats(); done == before {
				t.Errorf("%s: tmplexec executed no template (%d handed back)", name, back)
			}
			opts.Out = t.TempDir()
			t.Setenv(render.ReferenceTemplatesEnv, "1")
			reference := outputFiles(t, buildOK(t, opts).Out)
			if len(fast) < 10 {
				t.Fatalf("%s: only %d files", name, len(fast))
			}
			sameFiles(t, name, reference, fast)
		}
	}
}
