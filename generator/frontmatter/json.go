package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// decodeJSON decodes a JSON object, keeping the position of every token by
// way of the decoder's input offset.
func decodeJSON(raw []byte, firstLine int) (*Node, error) {
	d := &jsonDecoder{dec: json.NewDecoder(bytes.NewReader(raw)), raw: raw, firstLine: firstLine, budget: MaxNodes}
	d.dec.UseNumber()
	n, err := d.value(0)
	if err != nil {
		return nil, err
	}
	off := d.dec.InputOffset()
	if _, err := d.dec.Token(); err != io.EOF {
		line, col := d.position(off)
		return nil, &SyntaxError{Line: line, Col: col, Msg: "front matter has text after the closing brace of its JSON object"}
	}
	if n.Kind != Map {
		return nil, &SyntaxError{Line: n.Line, Col: n.Col, Msg: "front matter must be a JSON object"}
	}
	return n, nil
}

type jsonDecoder struct {
	dec       *json.Decoder
	raw       []byte
	firstLine int
	budget    int
}

// position converts a byte offset in raw to a line and column of the file,
// skipping the separators the decoder has not consumed yet.
func (d *jsonDecoder) position(off int64) (int, int) {
	for off < int64(len(d.raw)) && bytes.IndexByte([]byte(" \t\n,:"), d.raw[off]) >= 0 {
		off++
	}
	before := d.raw[:min(off, int64(len(d.raw)))]
	line := d.firstLine + bytes.Count(before, []byte("\n"))
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

func (d *jsonDecoder) syntax(msg string) error {
	line, col := d.position(d.dec.InputOffset())
	return &SyntaxError{Line: line, Col: col, Msg: msg}
}

func (d *jsonDecoder) value(depth int) (*Node, error) {
	d.budget--
	if d.budget < 0 || depth > 100 {
		return nil, d.syntax(ErrTooComplex.Error())
	}
	line, col := d.position(d.dec.InputOffset())
	tok, err := d.dec.Token()
	if err != nil {
		var serr *json.SyntaxError
		if errors.As(err, &serr) {
			line, col = d.position(serr.Offset - 1)
		}
		return nil, &SyntaxError{Line: line, Col: col, Msg: "front matter is not valid JSON: " + err.Error()}
	}
	n := &Node{Kind: Scalar, Line: line, Col: col}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			n.Kind = Map
			for d.dec.More() {
				kn, err := d.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v, err := d.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Keys, n.Values = append(n.Keys, kn), append(n.Values, v)
			}
			if err := checkDuplicateKeys(n); err != nil {
				return nil, err
			}
		case '[':
			n.Kind = List
			for d.dec.More() {
				v, err := d.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Items = append(n.Items, v)
			}
		default:
			return nil, d.syntax("front matter is not valid JSON: unexpected " + tok.String())
		}
		if _, err := d.dec.Token(); err != nil {
			return nil, d.syntax("front matter is not valid JSON: " + err.Error())
		}
	case string:
		n.Value, n.Type, n.Quoted = tok, "string", true
	case json.Number:
		n.Value, n.Type = tok.String(), "float"
		if _, err := strconv.ParseInt(tok.String(), 10, 64); err == nil {
			n.Type = "int"
		}
	case bool:
		n.Value, n.Type = strconv.FormatBool(tok), "bool"
	case nil:
		n.Kind, n.Type = Null, "null"
	}
	return n, nil
}
