package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/casebook/casebook/generator/diag"
)

// Limits on a body, checked before goldmark parses it. goldmark's inline
// parsers rescan the rest of a line for every unclosed "[", "](" or "`", so
// their cost grows with the square of a line's length; with lines and
// brackets per line bounded, a body's cost grows with its number of lines.
const (
	// MaxLineLength is the longest line of a body, in bytes: 16 KiB, a
	// paragraph of some 2,500 words written without a line break.
	MaxLineLength = 16 << 10
	// MaxBrackets is the most "[" on one line: link, image and wiki link
	// openings and their nesting.
	MaxBrackets = 256
	// MaxBodyBrackets is the most "[" in one body. goldmark keeps some
	// 500 bytes for each, so this bounds a body's links, images, footnote
	// references and link reference definitions, and the memory they take.
	MaxBodyBrackets = 10_000
	// MaxQuoteDepth is the deepest nesting of block quotes (">") and
	// list items started on one line.
	MaxQuoteDepth = 32
	// MaxBlockMarkers is the most list item, definition and block quote
	// markers in one body ("> - a" has two). goldmark takes some 3,600 bytes and
	// 25 µs for each list item, so a 2 MiB list would take 15 s and
	// 400 MB; 10,000 is far more than any story needs.
	MaxBlockMarkers = 10_000
	// MaxHeadings is the most headings in one body.
	MaxHeadings = 1000
	// maxWikiLink is the longest [[target|label]], brackets included; a
	// longer one is text. It bounds the search for the closing "]]".
	maxWikiLink = 1024
)

// WithinLimits reports whether src passes every limit, and so will be
// parsed: a body that does not is reported by Convert and must not be
// handed to a Markdown parser anywhere else either (lint, summaries).
func WithinLimits(src []byte) bool {
	return len(checkLimits("", src, 1, true)) == 0
}

// checkLimits reports the lines of src that pass a limit, as errors at
// path:line:col counting from firstLine; with first set it stops at the
// first.
func checkLimits(path string, src []byte, firstLine int, first bool) diag.List {
	var diags diag.List
	brackets, markers, headings := 0, 0, 0 // in the lines before this one
	var fence byte                         // '`' or '~' inside a fenced code block
	for line := firstLine; len(src) > 0 && !(first && len(diags) > 0); line++ {
		text, rest, _ := bytes.Cut(src, []byte("\n"))
		src = rest
		if len(text) > MaxLineLength {
			col := utf8.RuneCount(text[:MaxLineLength]) + 1
			diags.Errorf(path, line, col, "line is %d KiB long, more than the %d KiB allowed: break it into paragraphs", len(text)>>10, MaxLineLength>>10)
			continue
		}
		n := countBrackets(text)
		if n > MaxBrackets {
			col := utf8.RuneCount(text[:nthBracket(text, MaxBrackets+1)]) + 1
			diags.Errorf(path, line, col, "line has %d \"[\", more than the %d allowed on one line: split it, or write \\[ for a bracket that opens no link", n, MaxBrackets)
			continue
		}
		if brackets <= MaxBodyBrackets && brackets+n > MaxBodyBrackets {
			col := utf8.RuneCount(text[:nthBracket(text, MaxBodyBrackets-brackets+1)]) + 1
			diags.Errorf(path, line, col, "body has more than %d \"[\" (links, images, footnotes): split the page, or write \\[ for a bracket that opens no link", MaxBodyBrackets)
		}
		brackets += n
		if c := fenceOf(text); c != 0 && (fence == 0 || c == fence) {
			fence ^= c
		} else if fence == 0 && isHeadingLine(text) {
			// Counted before parsing too, so that a body of 100,000
			// headings is refused before goldmark builds them all.
			if headings++; headings == MaxHeadings+1 {
				diags.Errorf(path, line, 1, "body has more than %d headings: split the page", MaxHeadings)
			}
		}
		depth, at := blockDepth(text)
		if depth > MaxQuoteDepth {
			diags.Errorf(path, line, utf8.RuneCount(text[:at])+1, "line nests quotes or list items more than %d levels deep: flatten the quotes and lists", MaxQuoteDepth)
			continue
		}
		if markers <= MaxBlockMarkers && markers+depth > MaxBlockMarkers {
			diags.Errorf(path, line, 1, "body has more than %d list items, definitions and quoted lines: split the page", MaxBlockMarkers)
		}
		markers += depth
	}
	return diags
}

// blockDepth counts the block quote, list item and definition (": ")
// markers that open a line ("> > - 1. text" is four deep), and returns the offset where
// the limit was passed.
func blockDepth(text []byte) (depth, at int) {
	i := 0
	for i < len(text) {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		start := i
		switch {
		case i < len(text) && text[i] == '>':
			i++
		case i+1 < len(text) && (text[i] == '-' || text[i] == '*' || text[i] == '+' || text[i] == ':') && text[i+1] == ' ':
			i += 2
		default:
			for i < len(text) && i-start < 9 && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			if i == start || i+1 >= len(text) || (text[i] != '.' && text[i] != ')') || text[i+1] != ' ' {
				return depth, start
			}
			i += 2
		}
		depth++
		if depth > MaxQuoteDepth {
			return depth, start
		}
	}
	return depth, i
}

// countBrackets counts the "[" of a line that are not escaped by a
// backslash ("\\[" is no bracket, "\\\\[" a backslash and a bracket).
func countBrackets(text []byte) int {
	n := 0
	for i, escaped := 0, false; i < len(text); i++ {
		switch {
		case escaped:
			escaped = false
		case text[i] == '\\':
			escaped = true
		case text[i] == '[':
			n++
		}
	}
	return n
}

// nthBracket returns the offset of the nth (1-based) unescaped "[" of
// text, or len(text).
func nthBracket(text []byte, n int) int {
	for i, escaped := 0, false; i < len(text); i++ {
		switch {
		case escaped:
			escaped = false
		case text[i] == '\\':
			escaped = true
		case text[i] == '[':
			if n--; n == 0 {
				return i
			}
		}
	}
	return len(text)
}

// fenceOf returns '`' or '~' for a line that opens or closes a fenced
// code block (up to three spaces, then three or more of the character),
// or 0.
func fenceOf(text []byte) byte {
	text = trimIndent(text)
	if len(text) >= 3 && (text[0] == '`' || text[0] == '~') && text[1] == text[0] && text[2] == text[0] {
		return text[0]
	}
	return 0
}

// isHeadingLine reports whether a line outside code is an ATX heading
// ("## Notes") or a setext underline ("===="). Lines underlined with "-"
// are left to the count after parsing, as they may be thematic breaks.
func isHeadingLine(text []byte) bool {
	text = trimIndent(text)
	if len(bytes.Trim(text, "= \t")) == 0 && bytes.HasPrefix(text, []byte("=")) {
		return true
	}
	n := 0
	for n < len(text) && n < 7 && text[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(text) || text[n] == ' ' || text[n] == '\t')
}

// trimIndent drops up to three leading spaces: four make a code block.
func trimIndent(text []byte) []byte {
	for i := 0; i < 3 && len(text) > 0 && text[0] == ' '; i++ {
		text = text[1:]
	}
	return text
}
