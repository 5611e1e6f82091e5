package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

// pathological are bodies that made goldmark or casebook's own passes
// superlinear. Each is a unit repeated to a given size, in lines of at
// most lineLen bytes (inside the limits, so that the body is parsed) and
// with no blank line (one paragraph, where that matters).
var pathological = []struct {
	name    string
	unit    string
	lineLen int
}{
	{"same-heading", "## Notes\n\n", 0},
	{"open-link", "[a](", 4 * MaxBrackets},
	{"open-wiki", "[[a", 3 * MaxBrackets / 2},
	{"open-brackets", "[", MaxBrackets},
	{"link-label-nest", "[a [b ", 3 * MaxBrackets},
	{"emphasis", "*a _b ", MaxLineLength},
	{"strong-runs", "**a __b ", MaxLineLength},
	{"backticks", "`a ``", MaxLineLength},
	{"autolinks", "<a www.x.org http://x ", MaxLineLength},
	{"entities", "&amp &#x &# ", MaxLineLength},
	{"nested-quotes", strings.Repeat("> ", MaxQuoteDepth) + "a\n", 0},
	{"nested-items", strings.Repeat("- ", MaxQuoteDepth) + "a\n", 0},
	{"table", "|a|b|c|\n|-|-|-|\n" + "|x|y|z|\n", 0},
	{"footnote-refs", "a[^1] ", 4 * MaxBrackets},
	{"links", "[a](other.md) [[other]] ", 24 * 8},
}

// pathologicalBody repeats unit to about size bytes, breaking lines every
// lineLen bytes (0: the unit holds its own line ends).
func pathologicalBody(unit string, lineLen, size int) []byte {
	var b strings.Builder
	line := 0
	for b.Len() < size {
		if lineLen > 0 && line+len(unit) > lineLen {
			b.WriteByte('\n')
			line = 0
		}
		b.WriteString(unit)
		line += len(unit)
	}
	return []byte(b.String())
}

// BenchmarkPathological converts each pathological body at 200 KB and at
// 2 MB, the largest file accepted: the time of the larger should be about
// ten times the smaller (near-linear), never a hundred.
func BenchmarkPathological(b *testing.B) {
	conv := New()
	for _, p := range pathological {
		for _, size := range []int{200_000, 2_000_000} {
			src := pathologicalBody(p.unit, p.lineLen, size)
			b.Run(fmt.Sprintf("%s/%dKB", p.name, size/1000), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					res := conv.Convert("x.md", "content/stories", content.Body{Source: src, Line: 1}, stubResolver{})
					if len(res.HTML) == 0 && len(res.Diags) == 0 && p.name != "same-heading" {
						b.Fatal("neither converted nor refused")
					}
				}
			})
		}
	}
}
