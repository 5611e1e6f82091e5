package markdown

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/casebook/casebook/generator/internal/fixtures"

	"github.com/casebook/casebook/generator/content"
)

// unsafeOutput matches markup that contributor content must never produce:
// script or style elements, event handler attributes, and URL attributes
// with an active scheme.
var unsafeOutput = regexp.MustCompile(`(?i)<(script|style|iframe|object|embed)|(href|src)\s*=\s*"\s*(javascript|vbscript|data|file):|` + regexp.QuoteMeta(wikiScheme))

var (
	startTag     = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	quotedValue  = regexp.MustCompile(`"[^"]*"`)
	eventHandler = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
)

// eventAttribute returns the first start tag of html that has an on*
// attribute outside its quoted values.
func eventAttribute(html []byte) []byte {
	for _, tag := range startTag.FindAll(html, -1) {
		if eventHandler.Match(quotedValue.ReplaceAll(tag, nil)) {
			return tag
		}
	}
	return nil
}

// FuzzConvert renders arbitrary bodies: Convert must never panic, must
// produce nothing active, and must report positions inside the body.
func FuzzConvert(f *testing.F) {
	fixtures.AddMarkdownSeeds(f, "")
	f.Add([]byte("[a](javascript:x) [[other|b]] [[principles/inquiry]] <img src=x onerror=y> ![i](hub/map.png)\n\n[r]: vbscript:x\n"))
	conv := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		res := conv.Convert("x.md", "content/stories", content.Body{Source: src, Line: 1}, stubResolver{})
		m := unsafeOutput.Find(res.HTML)
		if m == nil {
			m = eventAttribute(res.HTML)
		}
		if m != nil {
			t.Fatalf("unsafe output %q in:\n%s", m, res.HTML)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range res.Diags {
			if d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Fatalf("diagnostic outside the body: %s", d)
			}
		}
	})
}
