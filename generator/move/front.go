package move

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/casebook/casebook/generator/frontmatter"
)

// edit replaces src[at:at+del] with insert.
type edit struct {
	at, del int
	insert  string
}

// apply makes edits to src, which must not overlap.
func apply(src []byte, edits []edit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].at > edits[j].at })
	out := append([]byte{}, src...)
	for _, e := range edits {
		out = append(out[:e.at], append([]byte(e.insert), out[e.at+e.del:]...)...)
	}
	return out
}

// offset turns a 1-based line and column (in characters, as front matter
// positions are) into a byte offset of src, or -1.
func offset(src []byte, line, col int) int {
	at := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return -1
		}
		at += i + 1
	}
	if line == 1 && bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		at = 3 // positions count from after a byte order mark
	}
	for c := 1; c < col && at < len(src) && src[at] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[at:])
		at += size
	}
	return at
}

// valueAt finds the bytes of a scalar value written at line:col: formats
// point at its opening quote or at its first character. It returns the
// value's byte offset, or -1 when the bytes there are not value.
func valueAt(src []byte, n *frontmatter.Node) int {
	at := offset(src, n.Line, n.Col)
	if at < 0 {
		return -1
	}
	for _, try := range []int{at, at + 1, at - 1} {
		if try >= 0 && try+len(n.Value) <= len(src) && string(src[try:try+len(n.Value)]) == n.Value {
			return try
		}
	}
	return -1
}

// quote writes a slug as the format writes a string in a list.
func quote(format frontmatter.Format, s string) string {
	if format == frontmatter.YAML {
		return s
	}
	return `"` + s + `"`
}

// addAlias returns the edit that records slug as the first alias of the
// story whose front matter is front (of format, in the file src).
func addAlias(src []byte, doc *frontmatter.Document, front *frontmatter.Node, slug string) (edit, error) {
	q := quote(doc.Format, slug)
	n, _ := front.Get("aliases")
	if n == nil || n.Kind == frontmatter.Null {
		// A new key right after the opening line: before any TOML table,
		// where a top-level key still belongs to the story.
		first := bytes.IndexByte(src, '\n') + 1
		if first <= 0 {
			return edit{}, fmt.Errorf("the front matter has no line to add aliases after")
		}
		line := map[frontmatter.Format]string{
			frontmatter.YAML: "aliases: [" + q + "]",
			frontmatter.TOML: "aliases = [" + q + "]",
			frontmatter.JSON: `"aliases": [` + q + "],",
		}[doc.Format]
		eol := "\n"
		if bytes.Contains(src[:first], []byte("\r\n")) {
			eol = "\r\n"
		}
		if n != nil {
			// aliases: written with no value (YAML null): give it one.
			at := offset(src, n.Line, n.Col)
			lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
			lineEnd := lineStart + bytes.IndexByte(src[lineStart:], '\n')
			if lineEnd < lineStart {
				lineEnd = len(src)
			}
			return edit{at: lineStart, del: len(bytes.TrimRight(src[lineStart:lineEnd], "\r")), insert: line}, nil
		}
		return edit{at: first, insert: line + eol}, nil
	}
	switch n.Kind {
	case frontmatter.List:
		at := offset(src, n.Line, n.Col)
		if at >= 0 && at < len(src) && src[at] == '[' {
			sep := ", "
			if rest := bytes.TrimLeft(src[at+1:], " \t\r\n"); bytes.HasPrefix(rest, []byte("]")) {
				sep = ""
			}
			return edit{at: at + 1, insert: q + sep}, nil
		}
		if len(n.Items) > 0 && doc.Format == frontmatter.YAML {
			// A block list: a new item line before the first one.
			item := offset(src, n.Items[0].Line, n.Items[0].Col)
			lineStart := bytes.LastIndexByte(src[:item], '\n') + 1
			dash := bytes.IndexByte(src[lineStart:item], '-')
			if dash >= 0 {
				indent := string(src[lineStart : lineStart+dash])
				return edit{at: lineStart, insert: indent + "- " + slug + "\n"}, nil
			}
		}
	case frontmatter.Scalar:
		if at := valueAt(src, n); at >= 0 {
			start, end := at, at+len(n.Value)
			if start > 0 && (src[start-1] == '"' || src[start-1] == '\'') && end < len(src) && src[end] == src[start-1] {
				start, end = start-1, end+1
			}
			return edit{at: start, del: end - start, insert: "[" + q + ", " + quote(doc.Format, n.Value) + "]"}, nil
		}
	}
	return edit{}, fmt.Errorf("aliases is written in a way casebook mv cannot extend; add %q to it by hand", slug)
}

// replaceValue returns the edit that replaces the scalar n (such as a
// slug: or an entry of related:) with value.
func replaceValue(src []byte, n *frontmatter.Node, value string) (edit, bool) {
	at := valueAt(src, n)
	if at < 0 {
		return edit{}, false
	}
	return edit{at: at, del: len(n.Value), insert: value}, true
}
