package markdown

import (
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

func TestBodyLimits(t *testing.T) {
	long := strings.Repeat("word ", MaxLineLength/5+10)
	tests := []struct {
		name, body string
		want       string // the first diagnostic; "" for none
	}{
		{"long line", "Intro.\n\n" + long + "\n", "x.md:12:16385: error: line is 16 KiB long, more than the 16 KiB allowed"},
		{"open links", "Intro.\n" + strings.Repeat("[a](", 80000), "x.md:11:16385: error: line is 312 KiB long"},
		{"open wiki links", strings.Repeat("[[a", 600000), "x.md:10:16385: error: line is 1757 KiB long"},
		{"many brackets", strings.Repeat("[a](", 300), "x.md:10:1025: error: line has 300 \"[\", more than the 256 allowed"},
		{"escaped brackets", strings.Repeat(`\[a `, 300) + `\\[`, ""},
		{"escaped backslashes", strings.Repeat(`\\[a `, 300), "x.md:10:1283: error: line has 300 \"[\""},
		{"many brackets in the body", strings.Repeat("[a](b.md) [c] [^1]\n", MaxBodyBrackets/3) + "[^1]: x [y]\n", "x.md:3343:9: error: body has more than 10000 \"[\""},
		{"many link reference definitions", strings.Repeat("[r]: /x\n", 150_000), "x.md:10010:1: error: body has more than 10000 \"[\""},
		{"deep quotes", strings.Repeat("> ", 40) + "a\n", "x.md:10:65: error: line nests quotes or list items more than 32 levels deep"},
		{"deep list items", "Text\n\n" + strings.Repeat("- 1. ", 20) + "a\n", "x.md:12:81: error: line nests quotes or list items"},
		{"many list items", "Text\n\n" + strings.Repeat("- a\n", 500_000), "x.md:10012:1: error: body has more than 10000 list items, definitions and quoted lines"},
		{"many nested list items", "Text\n\n" + strings.Repeat("- a\n  - b\n", 6000), "x.md:10012:1: error: body has more than 10000 list items"},
		{"many quoted lines", "Text\n\n" + strings.Repeat("> a\n", 10_001), "x.md:10012:1: error: body has more than 10000 list items"},
		{"many definitions", "Text\n\n" + strings.Repeat("a\n: b\n", 10_001), "x.md:20013:1: error: body has more than 10000 list items, definitions"},
		{"as many list items as allowed", "Text\n\n" + strings.Repeat("- a\n", MaxBlockMarkers), ""},
		{"many headings before parsing", strings.Repeat("# a\n", 100_000), "x.md:1010:1: error: body has more than 1000 headings"},
		{"many setext headings", strings.Repeat("a\n===\n", 2000), "x.md:2011:1: error: body has more than 1000 headings"},
		{"shell comments in code are no headings", "```sh\n" + strings.Repeat("# a comment\n", 2000) + "```\n", ""},
		{"many headings", strings.Repeat("## Notes\n\n", MaxHeadings+5), "x.md:2010:1: error: body has more than 1000 headings"},
		{"ordinary", "# Title\n\n> quoted - text\n> > nested\n\n- a\n  - b\n1. one\n\n[a](other.md) [[other]] " + strings.Repeat("[x] ", 100) + "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Convert("x.md", "content/stories", content.Body{Source: []byte(tt.body), Line: 10}, stubResolver{})
			got := ""
			if len(res.Diags) > 0 {
				got = res.Diags[0].String()
			}
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Errorf("diagnostic %q, want %q", got, tt.want)
			}
		})
	}
}
