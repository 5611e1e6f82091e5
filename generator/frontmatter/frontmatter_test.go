package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		format   Format
		rawLine  int
		bodyLine int
		body     string
		err      error
	}{
		{"yaml", "---\ntitle: A\n---\nBody\n", YAML, 2, 4, "Body\n", nil},
		{"toml", "+++\ntitle = \"A\"\n+++\n\nBody\n", TOML, 2, 4, "\nBody\n", nil},
		{"json", "{\n  \"title\": \"A\"\n}\nBody\n", JSON, 1, 4, "Body\n", nil},
		{"blank lines before", "\n\n---\ntitle: A\n---\nBody\n", YAML, 4, 6, "Body\n", nil},
		{"no front matter", "# Heading\n\nText\n", "", 0, 1, "# Heading\n\nText\n", nil},
		{"empty front matter", "---\n---\nBody\n", YAML, 2, 3, "Body\n", nil},
		{"unclosed yaml", "---\ntitle: A\nBody\n", "", 0, 0, "", ErrUnclosed},
		{"unclosed toml", "+++\ntitle = 1\n", "", 0, 0, "", ErrUnclosed},
		{"unclosed json", "{\n  \"title\": \"A\"\n} x\n", "", 0, 0, "", ErrUnclosed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Split([]byte(tt.src))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Split error = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format || doc.BodyLine != tt.bodyLine || string(doc.Body) != tt.body {
				t.Errorf("Split = format %q body line %d body %q, want %q %d %q", doc.Format, doc.BodyLine, doc.Body, tt.format, tt.bodyLine, tt.body)
			}
			if doc.Found && doc.RawLine != tt.rawLine {
				t.Errorf("RawLine = %d, want %d", doc.RawLine, tt.rawLine)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"lf", "a\nb\n", "a\nb\n"},
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"cr", "a\rb\r", "a\nb\n"},
		{"bom", "\xef\xbb\xbfa\n", "a\n"},
		{"bom crlf", "\xef\xbb\xbfa\r\nb", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Normalize([]byte(tt.in))); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// describe flattens a node tree as "key=value@line:col" entries.
func describe(n *Node) string {
	var parts []string
	for i, k := range n.Keys {
		v := n.Values[i]
		switch v.Kind {
		case List:
			var items []string
			for _, it := range v.Items {
				items = append(items, fmt.Sprintf("%s@%d:%d", it.Value, it.Line, it.Col))
			}
			parts = append(parts, fmt.Sprintf("%s@%d:%d=[%s]", k.Value, k.Line, k.Col, strings.Join(items, " ")))
		case Map:
			parts = append(parts, fmt.Sprintf("%s@%d:%d={%s}", k.Value, k.Line, k.Col, describe(v)))
		default:
			parts = append(parts, fmt.Sprintf("%s@%d:%d=%s:%s@%d:%d", k.Value, k.Line, k.Col, v.Type, v.Value, v.Line, v.Col))
		}
	}
	return strings.Join(parts, " ")
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"yaml positions count from the file",
			"---\ntitle: A\ndate: 2019-08-30\nprinciples: [systems, inquiry]\n---\n",
			"title@2:1=string:A@2:8 date@3:1=date:2019-08-30@3:7 principles@4:1=[systems@4:14 inquiry@4:23]"},
		{"yaml block list and quoted",
			"\n---\ndraft: \"no\"\nthemes:\n  - poverty\n---\n",
			"draft@3:1=string:no@3:8 themes@4:1=[poverty@5:5]"},
		{"yaml alias points at the alias",
			"---\na: &x one\nb: *x\n---\n",
			"a@2:1=string:one@2:4 b@3:1=string:one@3:4"},
		{"yaml empty", "---\n---\n", ""},
		{"toml", "+++\ntitle = \"A\"\ndate = 2019-08-30\nprinciples = [\"systems\"]\n+++\n",
			"title@2:1=string:A@2:9 date@3:1=date:2019-08-30@3:8 principles@4:1=[systems@4:15]"},
		{"toml values found where written", "+++\ntitle=\"Fàilte\"\nsectors = [\n  \"nhs\",\n  'police', \"nhs\"\n]\ndraft =   true\n+++\n",
			"title@2:1=string:Fàilte@2:7 sectors@3:1=[nhs@4:3 police@5:3 nhs@5:13] draft@7:1=bool:true@7:11"},
		{"json", "{\n  \"title\": \"A\",\n  \"n\": 3,\n  \"principles\": [\"systems\", \"inquiry\"]\n}\n",
			"title@2:3=string:A@2:12 n@3:3=int:3@3:8 principles@4:3=[systems@4:18 inquiry@4:29]"},
		{"no front matter", "Body\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Split([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			n, err := Decode(doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(n); got != tt.want {
				t.Errorf("Decode =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	bomb := "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		prev := string(rune('a' + i))
		bomb += name + ": &" + name + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]\n"
	}
	bomb += "---\n"
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"yaml parser error", "---\ntitle: A\nprinciples: [systems\n---\n", 3, 1, "did not find expected ',' or ']'"},
		{"yaml scanner error", "---\ntitle: A\nsummary: a: b\n---\n", 3, 1, "mapping values are not allowed"},
		{"yaml not a map", "---\n- a\n- b\n---\n", 2, 1, "must be a set of `key: value` lines"},
		{"yaml alias bomb", bomb, 5, 36, ErrTooComplex.Error()},
		{"yaml deep nesting", "---\na: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n---\n", 2, 19, "nests lists or tables more than 16 levels deep"},
		{"toml syntax", "+++\ntitle = \"A\"\ndate = \n+++\n", 3, 0, "not valid TOML"},
		{"json syntax", "{\n  \"title\": \"A\",\n  \"x\": ]\n}\n", 3, 0, "not valid JSON"},
		{"yaml duplicate key", "---\ntitle: A\nsummary: S\ntitle: B\n---\n", 4, 1, `key "title" is given twice (first on line 2)`},
		{"yaml duplicate nested key", "---\nsource:\n  title: A\n  title: B\n---\n", 4, 3, `key "title" is given twice (first on line 3)`},
		{"json duplicate key", "{\n  \"title\": \"A\",\n  \"title\": \"B\"\n}\n", 3, 3, `key "title" is given twice (first on line 2)`},
		{"json trailing text", "{\n  \"title\": \"A\"}\n{\"x\": 1\n}\n", 3, 1, "text after the closing brace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Split([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Decode(doc)
			var serr *SyntaxError
			if !errors.As(err, &serr) {
				t.Fatalf("Decode error = %v, want a SyntaxError", err)
			}
			if serr.Line != tt.line || (tt.col != 0 && serr.Col != tt.col) || !strings.Contains(serr.Msg, tt.msg) {
				t.Errorf("Decode error at %d:%d %q, want %d:%d %q", serr.Line, serr.Col, serr.Msg, tt.line, tt.col, tt.msg)
			}
		})
	}
}
