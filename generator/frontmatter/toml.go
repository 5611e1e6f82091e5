package frontmatter

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// decodeTOML decodes a TOML block. BurntSushi/toml keeps no positions for
// values, so each top-level key's position is found in the text, and so
// are its value and the items of a list of scalars (see placeTOMLValue);
// values nested deeper share their parent's position. That is precise
// enough for the flat front matter of a story.
func decodeTOML(raw []byte, firstLine int) (*Node, error) {
	var values map[string]any
	_, err := toml.Decode(string(raw), &values)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, &SyntaxError{Line: firstLine + perr.Position.Line - 1, Col: perr.Position.Col, Msg: "front matter is not valid TOML: " + perr.Message}
		}
		return nil, &SyntaxError{Line: firstLine, Col: 1, Msg: "front matter is not valid TOML: " + err.Error()}
	}
	lines := strings.Split(string(raw), "\n")
	root := &Node{Kind: Map, Line: firstLine, Col: 1}
	type entry struct {
		key       string
		line, col int
	}
	var entries []entry
	for key := range values {
		line, col := tomlKeyPosition(lines, key)
		entries = append(entries, entry{key, line, col})
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].line != entries[j].line {
			return entries[i].line < entries[j].line
		}
		return entries[i].key < entries[j].key
	})
	for _, e := range entries {
		line, col := firstLine+e.line-1, e.col
		root.Keys = append(root.Keys, &Node{Kind: Scalar, Value: e.key, Type: "string", Line: line, Col: col})
		v := tomlNode(values[e.key], line, col+len(e.key)+3)
		placeTOMLValue(v, lines, firstLine, e.line-1, e.col-1)
		root.Values = append(root.Values, v)
	}
	return root, nil
}

// placeTOMLValue moves a top-level value, and the items of a list of
// scalars, to where they are written: the value after the "=" that
// follows its key at lines[line] (0-based, key at byte col), each item
// at its text, searched for in order from there, across lines.
func placeTOMLValue(v *Node, lines []string, firstLine, line, col int) {
	if line < 0 || line >= len(lines) || col > len(lines[line]) {
		return
	}
	eq := strings.IndexByte(lines[line][col:], '=')
	if eq < 0 {
		return
	}
	at := col + eq + 1
	for at < len(lines[line]) && (lines[line][at] == ' ' || lines[line][at] == '\t') {
		at++
	}
	position := func(l, c int) (int, int) {
		return firstLine + l, utf8.RuneCountInString(lines[l][:c]) + 1
	}
	v.Line, v.Col = position(line, at)
	if v.Kind != List {
		return
	}
	for _, item := range v.Items {
		if item.Kind != Scalar {
			return
		}
		forms := []string{item.Value}
		if item.Type == "string" {
			forms = []string{strconv.Quote(item.Value), "'" + item.Value + "'", `"` + item.Value + `"`}
		}
		found := false
		for l := line; l < len(lines) && !found; l++ {
			from := 0
			if l == line {
				from = at
			}
			for _, form := range forms {
				if i := strings.Index(lines[l][from:], form); i >= 0 {
					item.Line, item.Col = position(l, from+i)
					line, at, found = l, from+i+len(form), true
					break
				}
			}
		}
		if !found {
			return
		}
	}
}

func tomlKeyPosition(lines []string, key string) (line, col int) {
	for i, text := range lines {
		trimmed := strings.TrimLeft(text, " \t")
		for _, form := range []string{key, `"` + key + `"`, "'" + key + "'", "[" + key + "]"} {
			rest, ok := strings.CutPrefix(trimmed, form)
			if !ok {
				continue
			}
			rest = strings.TrimLeft(rest, " \t")
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(form, "[") {
				return i + 1, len(text) - len(trimmed) + 1
			}
		}
	}
	return 1, 1
}

func tomlNode(v any, line, col int) *Node {
	n := &Node{Kind: Scalar, Line: line, Col: col}
	switch v := v.(type) {
	case string:
		n.Value, n.Type, n.Quoted = v, "string", true
	case int64:
		n.Value, n.Type = strconv.FormatInt(v, 10), "int"
	case float64:
		n.Value, n.Type = strconv.FormatFloat(v, 'g', -1, 64), "float"
	case bool:
		n.Value, n.Type = strconv.FormatBool(v), "bool"
	case time.Time:
		n.Type = "date"
		n.Value = v.Format("2006-01-02")
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 {
			n.Value = v.Format(time.RFC3339)
		}
	case []any:
		n.Kind = List
		for _, item := range v {
			n.Items = append(n.Items, tomlNode(item, line, col))
		}
	case []map[string]any:
		n.Kind = List
		for _, item := range v {
			n.Items = append(n.Items, tomlNode(item, line, col))
		}
	case map[string]any:
		n.Kind = Map
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Keys = append(n.Keys, &Node{Kind: Scalar, Value: k, Type: "string", Line: line, Col: col})
			n.Values = append(n.Values, tomlNode(v[k], line, col))
		}
	default:
		n.Value, n.Type = fmt.Sprint(v), "string"
	}
	return n
}
