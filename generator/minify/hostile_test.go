package minify

import (
	"bytes"
	"strings"
	"testing"
)

// The HTML minifier moves the rest of a text for each character reference
// it replaces, so a paragraph of many "&amp; " took minutes. Such a page is
// written as rendered; an ordinary page with the same references spread
// over paragraphs is still minified.
func TestManyReferencesInOneTextAreNotMinified(t *testing.T) {
	m := New()
	hostile := []byte("<p>" + strings.Repeat("a &amp; b &rsquo; ", 100_000) + "</p>")
	if got := m.Minify(nil, "index.html", hostile); !bytes.Equal(got, hostile) {
		t.Errorf("page with 200,000 references in one paragraph was minified (%d bytes of %d)", len(got), len(hostile))
	}
	ordinary := []byte(strings.Repeat("<p>a  &amp;  b &rsquo;</p>\n", 20_000))
	if got := m.Minify(nil, "index.html", ordinary); len(got) >= len(ordinary) {
		t.Errorf("ordinary page not minified: %d bytes of %d", len(got), len(ordinary))
	}
}

func TestEntityWork(t *testing.T) {
	for src, want := range map[string]int{
		"":                  0,
		"<p>a</p>":          0,
		"<p>&amp;</p>":      7 * 1,
		"<p>&amp;&amp;</p>": 12 * 2,
		"&&<b>&":            2*2 + 3*1,
		`<a href="&amp;">&`: 16 * 2,
	} {
		if got := entityWork([]byte(src)); got != want {
			t.Errorf("entityWork(%q) = %d, want %d", src, got, want)
		}
	}
}
