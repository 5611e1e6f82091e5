// Package frontmatter splits a Markdown file into its front matter and body
// and decodes the front matter into a tree of Nodes that keep the line and
// column of every key and value in the file, front matter lines included.
//
// Three forms are accepted, as in Hugo and Zola: YAML between "---" lines
// (the documented form), TOML between "+++" lines, and a JSON object whose
// braces stand on their own lines. Splitting is done by
// github.com/adrg/frontmatter; decoding is done here because that library's
// decoders do not keep positions.
//
// A UTF-8 byte order mark is dropped and CRLF line ends are read as LF, so
// such files give the same result, positions included, as plain LF files.
package frontmatter

import "fmt"

// Kind is the shape of a Node.
type Kind int

// The kinds of node.
const (
	Null Kind = iota
	Scalar
	List
	Map
)

func (k Kind) String() string {
	switch k {
	case Scalar:
		return "a single value"
	case List:
		return "a list"
	case Map:
		return "a set of keys"
	}
	return "empty"
}

// Node is one value of the front matter with its position in the file.
type Node struct {
	Kind Kind
	// Value is the text of a scalar, as written (without quotes).
	Value string
	// Quoted reports whether a YAML or TOML scalar was a quoted string, so
	// that `date: "2019-01-01"` and `draft: "no"` can be told apart from
	// their unquoted forms.
	Quoted bool
	// Type is the scalar's type as the format sees it: "string", "int",
	// "float", "bool", "date" or "null".
	Type string
	Line int
	Col  int
	// Items holds the elements of a list.
	Items []*Node
	// Keys and Values hold the entries of a map, in the order written.
	Keys   []*Node
	Values []*Node
}

// Get returns the value of key in a map node and the key node itself, or
// nils when the key is absent.
func (n *Node) Get(key string) (value, keyNode *Node) {
	if n == nil || n.Kind != Map {
		return nil, nil
	}
	for i, k := range n.Keys {
		if k.Value == key {
			return n.Values[i], k
		}
	}
	return nil, nil
}

// checkDuplicateKeys refuses a map that gives a key twice: YAML and JSON
// decoders keep the last value silently, so the first one would be lost
// without a word (TOML's decoder refuses them itself).
func checkDuplicateKeys(n *Node) error {
	if len(n.Keys) < 2 {
		return nil
	}
	first := make(map[string]*Node, len(n.Keys))
	for _, k := range n.Keys {
		if k.Value == "<<" {
			continue // a YAML merge key may be repeated
		}
		if prev, ok := first[k.Value]; ok {
			return &SyntaxError{Line: k.Line, Col: k.Col, Msg: fmt.Sprintf("key %q is given twice (first on line %d): keep one", k.Value, prev.Line)}
		}
		first[k.Value] = k
	}
	return nil
}
