package frontmatter

import (
	"errors"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxNodes bounds the number of values a front matter block may expand to.
// YAML aliases can make a few lines expand exponentially (a "billion
// laughs" document); decoding stops as soon as the bound is passed.
const MaxNodes = 10000

// ErrTooComplex is returned for front matter that expands past MaxNodes.
var ErrTooComplex = errors.New("front matter is too large or nests YAML aliases too deeply: write the values out instead of using &anchors and *aliases")

// SyntaxError is a front matter parse error at a position in the file.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Decode parses the front matter of doc into a Node tree whose positions
// count from the start of the file. A document without front matter gives
// an empty map.
func Decode(doc *Document) (*Node, error) {
	if !doc.Found {
		return &Node{Kind: Map, Line: 1, Col: 1}, nil
	}
	if err := CheckLimits(doc.Raw, doc.Format, doc.RawLine, MaxSize, "front matter"); err != nil {
		return nil, err
	}
	switch doc.Format {
	case TOML:
		return decodeTOML(doc.Raw, doc.RawLine)
	case JSON:
		return decodeJSON(doc.Raw, doc.RawLine)
	}
	return decodeYAML(doc.Raw, doc.RawLine)
}

func decodeYAML(raw []byte, firstLine int) (*Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		msg := err.Error()
		line := firstLine
		// yaml.v3 reports syntax errors only as text; its line counts from
		// the start of the block.
		if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
			num, text, _ := strings.Cut(rest, ": ")
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = firstLine+n-1, text
				if isYAMLParserProblem(text) {
					line++
				}
			}
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		return nil, &SyntaxError{Line: line, Col: 1, Msg: "front matter is not valid YAML: " + msg}
	}
	if root.Kind == 0 {
		return &Node{Kind: Map, Line: firstLine, Col: 1}, nil
	}
	budget := MaxNodes
	n, err := convertYAML(&root, firstLine-1, &budget, 0)
	if err != nil {
		return nil, err
	}
	if n.Kind != Map {
		return nil, &SyntaxError{Line: n.Line, Col: n.Col, Msg: "front matter must be a set of `key: value` lines, not " + n.Kind.String()}
	}
	return n, nil
}

// yamlParserProblems are the messages of yaml.v3's parser errors. Unlike
// its scanner errors, it numbers their lines from 0 (and leaves the line
// out when it is the first), so they need one added.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"did not find expected '-' indicator", "did not find expected <document start>",
	"did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive",
	"found duplicate %YAML directive", "found incompatible YAML document",
	"found undefined tag handle",
}

func isYAMLParserProblem(msg string) bool {
	for _, p := range yamlParserProblems {
		if msg == p {
			return true
		}
	}
	return false
}

func convertYAML(y *yaml.Node, lineOffset int, budget *int, depth int) (*Node, error) {
	*budget--
	if *budget < 0 || depth > 100 {
		return nil, &SyntaxError{Line: y.Line + lineOffset, Col: y.Column, Msg: ErrTooComplex.Error()}
	}
	n := &Node{Line: y.Line + lineOffset, Col: y.Column}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &Node{Kind: Map, Line: n.Line, Col: n.Col}, nil
		}
		return convertYAML(y.Content[0], lineOffset, budget, depth+1)
	case yaml.AliasNode:
		target, err := convertYAML(y.Alias, lineOffset, budget, depth+1)
		if err != nil {
			// Report an expansion that went past the budget at the alias
			// that set it off, not inside the anchored value.
			return nil, &SyntaxError{Line: n.Line, Col: n.Col, Msg: ErrTooComplex.Error()}
		}
		// Point at the alias, where the contributor wrote it.
		target.Line, target.Col = n.Line, n.Col
		return target, nil
	case yaml.ScalarNode:
		n.Kind, n.Value = Scalar, y.Value
		n.Quoted = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
		n.Type = yamlType(y)
		if n.Type == "null" {
			n.Kind = Null
		}
	case yaml.SequenceNode:
		n.Kind = List
		for _, c := range y.Content {
			item, err := convertYAML(c, lineOffset, budget, depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, item)
		}
	case yaml.MappingNode:
		n.Kind = Map
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, err := convertYAML(y.Content[i], lineOffset, budget, depth+1)
			if err != nil {
				return nil, err
			}
			v, err := convertYAML(y.Content[i+1], lineOffset, budget, depth+1)
			if err != nil {
				return nil, err
			}
			n.Keys = append(n.Keys, k)
			n.Values = append(n.Values, v)
		}
		if err := checkDuplicateKeys(n); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func yamlType(y *yaml.Node) string {
	switch y.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "bool"
	case "!!int":
		return "int"
	case "!!float":
		return "float"
	case "!!timestamp":
		return "date"
	}
	return "string"
}
