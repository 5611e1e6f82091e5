package frontmatter

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxSize is the largest front matter block accepted: 64 KiB, far more than
// any story needs.
const MaxSize = 64 << 10

// MaxDepth is the deepest nesting of lists and tables accepted in front
// matter and in site.toml. A story needs two levels (source: {title: …}),
// site.toml three ([languages.cy] with a list in it).
const MaxDepth = 16

// CheckLimits refuses front matter, or a whole TOML file such as site.toml,
// that is too large or nests too deeply, before any parser sees it: the TOML
// decoder takes time and memory quadratic in the depth of nested inline
// tables and dotted keys (40 KB of them exhaust memory), and the YAML
// decoder recurses up to 10,000 levels. raw starts at line firstLine of its
// file. The error is a *SyntaxError at the first place past a limit.
//
// what names the text in messages: "front matter" or "site.toml".
func CheckLimits(raw []byte, format Format, firstLine, maxSize int, what string) error {
	if len(raw) > maxSize {
		// At the line where the limit is passed.
		line := firstLine + bytes.Count(raw[:maxSize], []byte("\n"))
		col := utf8.RuneCount(raw[bytes.LastIndexByte(raw[:maxSize], '\n')+1:maxSize]) + 1
		hint := "shorten it"
		switch what {
		case "front matter":
			hint = "move long text into the body"
		case "site.toml":
			hint = "move long text into pages"
		}
		return &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf("%s is %d KiB, more than the %d KiB allowed: %s", what, len(raw)>>10, maxSize>>10, hint)}
	}
	s := &depthScanner{format: format, line: firstLine, lineStart: 0, raw: raw, what: what}
	if format == YAML {
		return s.yaml()
	}
	return s.brackets(0, len(raw))
}

// depthScanner measures nesting in the text of a TOML, JSON or YAML block:
// brackets and braces outside strings and comments, dotted TOML keys (a.b.c
// nests three tables), and YAML's indented blocks and "- " items.
type depthScanner struct {
	format    Format
	what      string
	raw       []byte
	line      int // the line of raw[lineStart]
	lineStart int
	flow      int  // open brackets and braces
	quote     byte // the quote of an open string, or 0
	long      bool // the open string is a TOML multi-line string
}

func (s *depthScanner) tooDeep(at int) error {
	col := utf8.RuneCount(s.raw[s.lineStart:at]) + 1
	return &SyntaxError{Line: s.line, Col: col, Msg: fmt.Sprintf("%s nests lists or tables more than %d levels deep: flatten it", s.what, MaxDepth)}
}

// brackets scans raw[from:to], counting open brackets on top of base levels
// (YAML's block levels; 0 for TOML and JSON).
func (s *depthScanner) brackets(from, to int) error {
	return s.scan(from, to, 0)
}

func (s *depthScanner) scan(from, to, base int) error {
	dots := 0
	var prev byte // the last byte before raw[i] that is not a space
	for i := from; i < to; i, prev = i+1, lastNonSpace(prev, s.raw[i]) {
		c := s.raw[i]
		if c == '\n' {
			s.line, s.lineStart = s.line+1, i+1
			dots = 0
			if s.quote != 0 && !s.long && s.format != YAML {
				s.quote = 0 // a one-line string left open: the parser will say so
			}
			continue
		}
		if s.quote != 0 {
			i = s.inString(i)
			continue
		}
		if s.format == YAML && !s.yamlSyntax(c, i, from, prev) {
			continue
		}
		switch c {
		case '#':
			if s.format == JSON {
				continue
			}
			for i+1 < to && s.raw[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			if c == '\'' && s.format == JSON {
				continue
			}
			s.quote = c
			if s.format == TOML && bytes.HasPrefix(s.raw[i:], []byte{c, c, c}) {
				s.long = true
				i += 2
			}
		case '[', '{':
			s.flow++
			dots = 0
			if base+s.flow > MaxDepth {
				return s.tooDeep(i)
			}
		case ']', '}':
			s.flow = max(s.flow-1, 0)
			dots = 0
		case '.':
			if s.format == TOML {
				dots++
				if base+s.flow+dots > MaxDepth {
					return s.tooDeep(i)
				}
			}
		case '=', ',':
			dots = 0
		}
	}
	return nil
}

// yamlSyntax reports whether c at raw[i] is YAML syntax rather than part
// of a plain scalar: a quote or an opening bracket only where a value
// starts, "#" only after a space (Children's services, C# and
// "Fix [draft" are plain text).
func (s *depthScanner) yamlSyntax(c byte, i, from int, prev byte) bool {
	spaced := i == from || s.raw[i-1] == ' ' || s.raw[i-1] == '\t'
	switch c {
	case '#':
		return spaced
	case '"', '\'', '[', '{':
		switch prev {
		case 0, '[', '{', ',':
			return true
		case ':', '-', '?':
			return spaced
		}
		return false
	case ']', '}', ',':
		return s.flow > 0
	}
	return true
}

func lastNonSpace(prev, c byte) byte {
	if c == ' ' || c == '\t' {
		return prev
	}
	return c
}

// inString handles raw[i] inside a string and returns the index of the
// last byte it consumed.
func (s *depthScanner) inString(i int) int {
	c := s.raw[i]
	switch {
	case c == '\\' && s.quote == '"':
		if i+1 < len(s.raw) && s.raw[i+1] != '\n' {
			return i + 1
		}
	case c == s.quote && s.long:
		if bytes.HasPrefix(s.raw[i:], []byte{c, c, c}) {
			s.quote, s.long = 0, false
			return i + 2
		}
	case c == s.quote && c == '\'' && s.format == YAML && i+1 < len(s.raw) && s.raw[i+1] == '\'':
		return i + 1 // '' is a quote inside a single-quoted YAML string
	case c == s.quote:
		s.quote = 0
	}
	return i
}

// yaml scans a YAML block line by line: each line's indentation, and each
// "- " that opens a list item on it, is a level while deeper lines follow;
// flow brackets add to it. The lines of a block scalar (after | or >) are
// text, not structure.
func (s *depthScanner) yaml() error {
	var indents []int
	scalarIndent := -1 // the indentation a block scalar's lines exceed
	for start := 0; start < len(s.raw); {
		end := bytes.IndexByte(s.raw[start:], '\n')
		if end < 0 {
			end = len(s.raw)
		} else {
			end += start
		}
		line := s.raw[start:end]
		indent := len(line) - len(bytes.TrimLeft(line, " "))
		content := bytes.TrimSpace(line)
		switch {
		case len(content) == 0 || content[0] == '#' && s.quote == 0 && s.flow == 0:
		case scalarIndent >= 0 && indent > scalarIndent:
		case s.quote != 0 || s.flow > 0:
			scalarIndent = -1
			if err := s.scan(start, end, len(indents)); err != nil {
				return err
			}
		default:
			scalarIndent = -1
			for len(indents) > 0 && indents[len(indents)-1] >= indent {
				indents = indents[:len(indents)-1]
			}
			indents = append(indents, indent)
			at := start + indent
			for at+1 < end && s.raw[at] == '-' && s.raw[at+1] == ' ' {
				at += 2
				for at < end && s.raw[at] == ' ' {
					at++
				}
				indents = append(indents, at-start)
				if len(indents) > MaxDepth {
					return s.tooDeep(at)
				}
			}
			if len(indents) > MaxDepth {
				return s.tooDeep(at)
			}
			if err := s.scan(at, end, len(indents)); err != nil {
				return err
			}
			if isBlockScalarStart(content) {
				scalarIndent = indent
			}
		}
		if end < len(s.raw) {
			s.line, s.lineStart = s.line+1, end+1
		}
		start = end + 1
	}
	return nil
}

// isBlockScalarStart reports whether a YAML line ends in a block scalar
// indicator (|, >, with chomping and indentation modifiers).
func isBlockScalarStart(line []byte) bool {
	if i := bytes.Index(line, []byte(" #")); i >= 0 {
		line = bytes.TrimSpace(line[:i])
	}
	i := len(line)
	for i > 0 && bytes.IndexByte([]byte("+-0123456789"), line[i-1]) >= 0 {
		i--
	}
	return i > 0 && (line[i-1] == '|' || line[i-1] == '>') && (i == 1 || line[i-2] == ' ')
}
