package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	adrg "github.com/adrg/frontmatter"
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

type capture struct {
	format Format
	raw    []byte
}

func formats() []*adrg.Format {
	grab := func(f Format) adrg.UnmarshalFunc {
		return func(data []byte, v any) error {
			c := v.(*capture)
			c.format = f
			c.raw = append([]byte(nil), data...)
			return nil
		}
	}
	jsonFormat := adrg.NewFormat("{", "}", grab(JSON))
	jsonFormat.UnmarshalDelims = true
	return []*adrg.Format{
		adrg.NewFormat("---", "---", grab(YAML)),
		adrg.NewFormat("+++", "+++", grab(TOML)),
		jsonFormat,
	}
}

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
func Split(src []byte) (*Document, error) {
	opening, openLine := firstLine(src)
	var c capture
	body, err := adrg.Parse(bytes.NewReader(src), &c, formats()...)
	if err != nil {
		return nil, fmt.Errorf("reading front matter: %w", err)
	}
	if c.format == "" {
		if closing, ok := closers[opening]; ok {
			return nil, &UnclosedError{Line: openLine, Close: closing}
		}
		return &Document{Body: src, BodyLine: 1}, nil
	}
	doc := &Document{Format: c.format, Raw: c.raw, Body: body, Found: true}
	doc.RawLine = openLine + 1
	if c.format == JSON {
		doc.RawLine = openLine
	}
	doc.BodyLine = 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	return doc, nil
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
