package check

import (
	"bytes"
	"testing"

	"github.com/casebook/casebook/generator/internal/fixtures"

	"github.com/casebook/casebook/generator/load"
)

// FuzzCheckStory parses an arbitrary file as a story and checks it against
// a small vocabulary: no panic, and every diagnostic about the story lies
// inside it.
func FuzzCheckStory(f *testing.F) {
	fixtures.AddMarkdownSeeds(f, "content/stories/")
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, front, diags := load.Parse("content/stories/x.md", src)
		if diags.HasErrors() {
			return
		}
		files := append(vocabularyFiles(t), &load.File{Kind: load.Story, Path: "content/stories/x.md", Key: "x", Dir: "content/stories", Doc: doc, Front: front})
		_, diags = Check(files, opts)
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		for _, d := range diags {
			if d.Path == "content/stories/x.md" && (d.Line < 1 || d.Line > lines || d.Col < 1) {
				t.Fatalf("diagnostic outside the file: %s", d)
			}
		}
	})
}
