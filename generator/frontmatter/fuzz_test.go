package frontmatter

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// addFixtureSeeds adds every Markdown file of the build package's
// whole-site fixtures and bad inputs to the fuzzer's corpus.
func addFixtureSeeds(f *testing.F) {
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
}

// FuzzSplitDecode feeds arbitrary files to Normalize, Split and Decode:
// they must never panic, and every decoded position must lie inside the
// file.
func FuzzSplitDecode(f *testing.F) {
	addFixtureSeeds(f)
	f.Add([]byte("---\na: &a [x]\nb: [*a, *a]\n---\n"))
	f.Add([]byte("+++\n[a]\nb = 1\n+++\n"))
	f.Add([]byte("{\n\"a\": [1, {\"b\": null}]\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		src = Normalize(src)
		if again := Normalize(src); !bytes.Equal(again, src) {
			t.Fatalf("Normalize is not idempotent: %q → %q", src, again)
		}
		doc, err := Split(src)
		if err != nil {
			return
		}
		n, err := Decode(doc)
		if err != nil {
			return
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		var walk func(n *Node)
		walk = func(n *Node) {
			if n.Line < 1 || n.Line > lines || n.Col < 1 {
				t.Fatalf("node %q at %d:%d, outside a file of %d lines", n.Value, n.Line, n.Col, lines)
			}
			for _, c := range n.Items {
				walk(c)
			}
			for i := range n.Keys {
				walk(n.Keys[i])
				walk(n.Values[i])
			}
		}
		walk(n)
	})
}
