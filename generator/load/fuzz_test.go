package load

import (
	"bytes"
	"testing"

	"github.com/casebook/casebook/generator/internal/fixtures"
)

// FuzzParse feeds arbitrary files to Parse, the entry point for everything
// a contributor writes: it must never panic, must report every problem
// inside the file, and must return a document exactly when it reports no
// error.
func FuzzParse(f *testing.F) {
	fixtures.AddMarkdownSeeds(f, "")
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nBody\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, front, diags := Parse("x.md", src)
		if diags.HasErrors() != (doc == nil) || (doc == nil) != (front == nil) {
			t.Fatalf("errors %v with document %v", diags, doc != nil)
		}
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
		for _, d := range diags {
			if d.Path != "x.md" || d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("diagnostic outside the file: %s", d)
			}
		}
		if doc != nil && doc.BodyLine < 1 {
			t.Fatalf("body line %d", doc.BodyLine)
		}
	})
}
