package search

import (
	"html"
	"strings"
	"unicode"
)

// PlainText returns the readable text of an HTML fragment rendered by the
// Markdown converter: tags removed, entities decoded, footnote markers
// (<sup>…</sup>) and back-reference arrows dropped, white space collapsed.
// Block tags separate words, so "<li>one</li><li>two</li>" gives
// "one two"; inline tags do not ("<em>re</em>think" stays one word).
func PlainText(fragment string) string {
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
	return collapseSpace(backrefArrows.Replace(b.String()))
}

var backrefArrows = strings.NewReplacer("↩\ufe0e", "", "↩", "")

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inlineTags are the phrasing elements the converter emits; they do not
// separate words.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "code": true, "del": true, "em": true,
	"i": true, "mark": true, "q": true, "s": true, "small": true, "span": true,
	"strong": true, "sub": true,
}

// tagName returns the lowercase element name of a tag's inside ("a
// href=…" → "a", "/p" → "p", closing).
func tagName(inside string) (name string, closing bool) {
	inside, closing = strings.CutPrefix(inside, "/")
	if i := strings.IndexAny(inside, " \t\n/"); i >= 0 {
		inside = inside[:i]
	}
	return strings.ToLower(inside), closing
}
