package load

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzParse feeds arbitrary files to Parse, the entry point for everything
// a contributor writes: it must never panic, must report every problem
// inside the file, and must return a document exactly when it reports no
// error.
func FuzzParse(f *testing.F) {
	archives, _ := filepath.Glob("../build/testdata/*/*.txtar")
	if len(archives) == 0 {
		f.Fatal("no fixtures found in ../build/testdata")
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".md") {
				f.Add(file.Data)
			}
		}
	}
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
