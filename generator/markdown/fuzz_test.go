package markdown

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

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
