package markdown

import (
	"bytes"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

// TestConvertMinify: a Converter with Minify hands it each body's HTML,
// and the Result holds what it returns.
func TestConvertMinify(t *testing.T) {
	c := New()
	var seen []byte
	c.Minify = func(dst, html []byte) []byte {
		seen = bytes.Clone(html)
		return append(dst, bytes.ReplaceAll(html, []byte("\n"), nil)...)
	}
	res := c.Convert("content/stories/x.md", "content/stories", content.Body{Source: []byte("One.\n\nTwo.\n"), Line: 5}, stubResolver{})
	if string(seen) != "<p>One.</p>\n<p>Two.</p>\n" {
		t.Errorf("Minify was given %q", seen)
	}
	if string(res.HTML) != "<p>One.</p><p>Two.</p>" {
		t.Errorf("HTML = %q, want the minified body", res.HTML)
	}
}
