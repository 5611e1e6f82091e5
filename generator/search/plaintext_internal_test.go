package search

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainTextReference is PlainText as it was written first, in three
// passes (tags, arrows, white space): the one-pass PlainText must give
// the same text for every valid UTF-8 fragment.
func plainTextReference(fragment string) string {
	var b strings.Builder
	skipDepth := 0
	for len(fragment) > 0 {
		lt := strings.IndexByte(fragment, '<')
		if lt < 0 {
			lt = len(fragment)
		}
		if skipDepth == 0 {
			text := fragment[:lt]
			if strings.IndexByte(text, '&') >= 0 {
				text = html.UnescapeString(text)
			}
			b.WriteString(text)
		}
		fragment = fragment[lt:]
		if fragment == "" {
			break
		}
		gt := strings.IndexByte(fragment, '>')
		if gt < 0 {
			break
		}
		name, closing := tagName(fragment[1:gt])
		switch {
		case name == "sup" && !closing:
			skipDepth++
		case name == "sup" && skipDepth > 0:
			skipDepth--
		}
		if !inlineTags[name] {
			b.WriteByte(' ')
		}
		fragment = fragment[gt+1:]
	}
	s := strings.NewReplacer("↩\ufe0e", "", "↩", "").Replace(b.String())
	var out strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = out.Len() > 0
			continue
		}
		if space {
			out.WriteByte(' ')
			space = false
		}
		out.WriteRune(r)
	}
	return out.String()
}

var plainCases = []string{
	"",
	"   ",
	"<p>One</p><p>two</p>",
	"<li>one</li><li>two</li>",
	"<em>re</em>think",
	"  lead and trail  ",
	"a\t\n\v\f\r b",
	"a\u00a0b\u0085c\u2003d",
	"Fish &amp; chips &rsquo; &lt;b&gt; &#8617; &#x21a9;&#xfe0e; end",
	`<p>Text<sup class="footnote-ref"><a href="#fn:1">1</a></sup> more.</p>`,
	`<li id="fn:1"><p>Note. <a href="#fnref:1" class="footnote-backref">↩︎</a></p></li>`,
	"a ↩ b ↩\ufe0e c ↩↩\ufe0e\ufe0e d \ufe0e e",
	"↩<em>\ufe0e</em>x ↩<p>\ufe0e",
	"<sup><sup>deep</sup>still</sup>out</sup>after",
	"unclosed <tag",
	"<br/>x<BR>y<Hr />z",
	"<pre><code>line one\n  line two\n</code></pre>",
	"Dùn Èideann, Tŷ Afon, Ærø, İstanbul",
	"\ufffd replacement",
	"<table><tr><td>a</td><td>b</td></tr></table>",
}

func TestPlainTextMatchesReference(t *testing.T) {
	for _, c := range plainCases {
		if got, want := PlainText(c), plainTextReference(c); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", c, got, want)
		}
	}
	// Random fragments from the pieces the converter writes.
	pieces := []string{"<p>", "</p>", "<em>", "</em>", "<sup>", "</sup>", "<li>", "</li>", "<a href=\"x\">", "</a>",
		" ", "  ", "\n", "\t", "\u00a0", "word", "Ünïcödé", "&amp;", "&#8617;", "&rsquo;", "↩", "\ufe0e", "&", "<", ">", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		c := b.String()
		if got, want := PlainText(c), plainTextReference(c); got != want {
			t.Fatalf("PlainText(%q) = %q, want %q", c, got, want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, c := range plainCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		if !utf8.ValidString(c) {
			return // the converter writes UTF-8 only
		}
		if got, want := PlainText(c), plainTextReference(c); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", c, got, want)
		}
	})
}
