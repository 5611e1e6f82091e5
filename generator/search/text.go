package search

import (
	"html"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// PlainText returns the readable text of an HTML fragment rendered by the
// Markdown converter: tags removed, entities decoded, footnote markers
// (<sup>…</sup>) and back-reference arrows dropped, white space collapsed.
// Block tags separate words, so "<li>one</li><li>two</li>" gives
// "one two"; inline tags do not ("<em>re</em>think" stays one word).
// Bytes that are not UTF-8 become U+FFFD.
//
// It makes the text in one pass, in a reused buffer, and allocates only
// the string it returns: every story of a site goes through it.
func PlainText(fragment string) string {
	bp := plainBufs.Get().(*[]byte)
	t := plainText{out: (*bp)[:0]}
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
			t.write(text)
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
			t.space()
		}
		fragment = fragment[gt+1:]
	}
	out := string(t.out)
	if cap(t.out) <= 1<<20 {
		*bp = t.out
		plainBufs.Put(bp)
	}
	return out
}

var plainBufs = sync.Pool{New: func() any { return new([]byte) }}

// plainText collapses the text written to it as PlainText does: runs of
// white space become one space, none at either end, and back-reference
// arrows ("↩", and a U+FE0E right after one) are dropped.
type plainText struct {
	out []byte
	// pending is set after white space that follows some text.
	pending bool
	// arrow is set right after a dropped "↩".
	arrow bool
}

func (t *plainText) space() {
	t.pending = len(t.out) > 0
	t.arrow = false
}

func (t *plainText) write(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				t.space()
				continue
			}
			t.arrow = false
			if t.pending {
				t.out, t.pending = append(t.out, ' '), false
			}
			t.out = append(t.out, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '↩':
			t.arrow = true
			continue
		case r == '\ufe0e' && t.arrow:
			t.arrow = false
			continue
		}
		t.arrow = false
		if unicode.IsSpace(r) {
			t.space()
			continue
		}
		if t.pending {
			t.out, t.pending = append(t.out, ' '), false
		}
		t.out = utf8.AppendRune(t.out, r) // U+FFFD for a byte that is not UTF-8
	}
}

// asciiSpace holds the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

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
