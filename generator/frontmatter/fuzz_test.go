package frontmatter

import (
	"bytes"
	"testing"

	"github.com/casebook/casebook/generator/internal/fixtures"
)

// FuzzSplitDecode feeds arbitrary files to Normalize, Split and Decode:
// they must never panic, and every decoded position must lie inside the
// file.
func FuzzSplitDecode(f *testing.F) {
	fixtures.AddMarkdownSeeds(f, "")
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
