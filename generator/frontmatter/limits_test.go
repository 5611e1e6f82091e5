package frontmatter

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDecodeRefusesDeepOrLargeFrontMatter(t *testing.T) {
	yamlBlocks := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "a:\n")
		}
		return b.String()
	}
	tests := []struct {
		name      string
		format    Format
		raw       string
		line, col int // of the error, with the block starting at line 2
		msg       string
	}{
		{"toml inline tables", TOML, "a = " + strings.Repeat("{b=", 20000), 2, 53, "nests lists or tables more than 16 levels"},
		{"toml dotted keys", TOML, "title = \"x\"\n" + strings.Repeat("a.", 20000) + "b = 1", 3, 34, "more than 16 levels"},
		{"toml table header", TOML, "[" + strings.Repeat("a.", 20000) + "b]", 2, 33, "more than 16 levels"},
		{"toml arrays", TOML, "a = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000), 2, 21, "more than 16 levels"},
		{"yaml flow", YAML, "a: " + strings.Repeat("[", 40000), 2, 19, "more than 16 levels"},
		{"yaml dashes", YAML, strings.Repeat("- ", 20000) + "a", 2, 33, "more than 16 levels"},
		{"yaml blocks", YAML, yamlBlocks(40), 18, 33, "more than 16 levels"},
		{"json", JSON, "{\"a\": " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "}", 2, 22, "more than 16 levels"},
		{"too large", YAML, "title: " + strings.Repeat("x", MaxSize) + "\n", 2, 65537, "front matter is 64 KiB, more than the 64 KiB allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Decode(&Document{Format: tt.format, Raw: []byte(tt.raw), RawLine: 2, Found: true})
			var serr *SyntaxError
			if !errors.As(err, &serr) {
				t.Fatalf("Decode error = %v, want a SyntaxError", err)
			}
			if serr.Line != tt.line || serr.Col != tt.col || !strings.Contains(serr.Msg, tt.msg) {
				t.Errorf("error at %d:%d %q, want %d:%d holding %q", serr.Line, serr.Col, serr.Msg, tt.line, tt.col, tt.msg)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestDecodeAcceptsOrdinaryNesting(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		raw    string
	}{
		{"yaml text with brackets and quotes", YAML, "title: Children's services [draft\nsummary: C# and 'quotes' {x\nquestions:\n  - \"What [now?\"\n  - it's [fine\n"},
		{"yaml block scalar", YAML, "summary: |\n" + strings.Repeat("  - [[[[[[[[[[[[[[[[[[[[ text\n", 3) + "title: A\n"},
		{"yaml nested source", YAML, "source:\n  title: A\n  authors:\n    - name: B\n      roles: [x, [y, z]]\n"},
		{"toml strings and floats", TOML, "title = \"[[[[[[[[[[[[[[[[[[[[\"\nnote = '''\n{{{{{{{{{{{{{{{{{{{{\n'''\nweight = 1.5\n# [[[[[[[[[[[[[[[[[[[[[[[\n[source]\ntitle = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r\"\n"},
		{"json strings", JSON, "{\"title\": \"[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[[\", \"a\": [[1]]}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Decode(&Document{Format: tt.format, Raw: []byte(tt.raw), RawLine: 2, Found: true}); err != nil {
				t.Errorf("Decode: %v", err)
			}
		})
	}
}
