package e2e_test

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// tag is a start tag of a built page with its attributes, unquoted.
type tag struct {
	Name  string
	Attrs map[string]string
}

// scanTags returns the start tags of an HTML document, in order. Tags
// inside inline SVG are not reported.
func scanTags(t *testing.T, name string, data []byte) []tag {
	t.Helper()
	l := html.NewLexer(parse.NewInputBytes(data))
	var tags []tag
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			if err := l.Err(); err != io.EOF {
				t.Fatalf("%s: %v", name, err)
			}
			return tags
		case html.StartTagToken:
			tags = append(tags, tag{Name: string(l.Text()), Attrs: map[string]string{}})
		case html.AttributeToken:
			if len(tags) > 0 {
				val := string(l.AttrVal())
				if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') {
					val = val[1 : len(val)-1]
				}
				tags[len(tags)-1].Attrs[strings.ToLower(string(l.AttrKey()))] = val
			}
		}
	}
}

// htmlPages returns the HTML files under dir, keyed by slash path.
func htmlPages(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		pages[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("no HTML pages in %s", dir)
	}
	return pages
}

// headingLevel returns 1 to 6 for h1 to h6 and 0 for other tags.
func headingLevel(name string) int {
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
		return int(name[1] - '0')
	}
	return 0
}
