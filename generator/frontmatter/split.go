package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// Format names the syntax of a front matter block.
type Format string

// The front matter formats.
const (
	YAML Format = "yaml"
	TOML Format = "toml"
	JSON Format = "json"
)

// Document is a Markdown file split into front matter and body.
type Document struct {
	Format Format
	// Raw is the front matter text, without its delimiters (with them for
	// JSON, whose braces are part of the value).
	Raw []byte
	// RawLine is the line of the file on which Raw starts.
	RawLine int
	// Body is the Markdown after the front matter. Its first line is line
	// BodyLine of the file.
	Body     []byte
	BodyLine int
	// Found reports whether the file had front matter at all.
	Found bool
}

// ErrUnclosed is returned, wrapped in an *UnclosedError, when a front
// matter block is opened but never closed.
var ErrUnclosed = errors.New("front matter is opened but never closed")

// UnclosedError tells where an unclosed front matter block opens and
// which line would close it.
type UnclosedError struct {
	Line  int    // the line of the opening delimiter
	Close string // the delimiter that closes the block: "---", "+++" or "}"
}

func (e *UnclosedError) Error() string {
	return fmt.Sprintf("front matter is not closed: add a line with only %q after the last field", e.Close)
}

// Is makes errors.Is(err, ErrUnclosed) true.
func (e *UnclosedError) Is(target error) bool { return target == ErrUnclosed }

// closers maps an opening delimiter line to its closing line.
var closers = map[string]string{"---": "---", "+++": "+++", "{": "}"}

// delims are the delimiter lines of a front matter format; withDelims
// is set when they are part of the value (JSON's braces).
type delims struct {
	format     Format
	open, end  string
	withDelims bool
}

var formats = []delims{{YAML, "---", "---", false}, {TOML, "+++", "+++", false}, {JSON, "{", "}", true}}

// Normalize drops a UTF-8 byte order mark and turns CRLF and lone CR line
// ends into LF, so that every later stage sees one form.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// Split separates the front matter of a normalized file from its body.
// A file without front matter is all body.
//
// It finds the block as adrg/frontmatter does (the tests compare the
// two): the first line that is not blank, trimmed, must be an opening
// delimiter and not the file's last line without a line end; the block
// ends at the first later line that is, trimmed, the closing delimiter.
// Raw is a copy; Body is a slice of src.
func Split(src []byte) (*Document, error) {
	opening, openLine := firstLine(src)
	format, raw, body, ok := split(src)
	if !ok {
		if closing, ok := closers[opening]; ok {
			return nil, &UnclosedError{Line: openLine, Close: closing}
		}
		return &Document{Body: src, BodyLine: 1}, nil
	}
	doc := &Document{Format: format, Raw: append([]byte(nil), raw...), Body: body, Found: true}
	doc.RawLine = openLine + 1
	if format == JSON {
		doc.RawLine = openLine
	}
	doc.BodyLine = 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	return doc, nil
}

// split returns the front matter block of src, its format and the body
// after it, or ok=false when src opens none or never closes it.
func split(src []byte) (format Format, raw, body []byte, ok bool) {
	var d *delims
	at, start := 0, 0
	for d == nil {
		line, next, last := lineAt(src, at)
		if last {
			return "", nil, nil, false
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			for i := range formats {
				if string(t) == formats[i].open {
					d = &formats[i]
				}
			}
			if d == nil {
				return "", nil, nil, false
			}
			start = next
			if d.withDelims {
				start = at
			}
		}
		at = next
	}
	for {
		line, next, last := lineAt(src, at)
		if string(bytes.TrimSpace(line)) == d.end {
			end := at
			if d.withDelims {
				end = next
			}
			return d.format, src[start:end], src[next:], true
		}
		if last {
			return "", nil, nil, false
		}
		at = next
	}
}

// lineAt returns the line of src starting at byte at, with its line end,
// where the next one starts, and whether it is the last, without a line
// end (empty at the end of src).
func lineAt(src []byte, at int) (line []byte, next int, last bool) {
	i := bytes.IndexByte(src[at:], '\n')
	if i < 0 {
		return src[at:], len(src), true
	}
	return src[at : at+i+1], at + i + 1, false
}

// firstLine returns the first non-blank line of src, trimmed, and its line
// number, the way adrg/frontmatter looks for an opening delimiter.
func firstLine(src []byte) (string, int) {
	line := 1
	for len(src) > 0 {
		text, rest, _ := bytes.Cut(src, []byte("\n"))
		if t := strings.TrimSpace(string(text)); t != "" {
			return t, line
		}
		src = rest
		line++
	}
	return "", line
}
