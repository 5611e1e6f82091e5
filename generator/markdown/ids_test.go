package markdown

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
)

func TestHeadingIDsAvoidTheThemesIDs(t *testing.T) {
	tests := []struct{ heading, id string }{
		{"Questions heading", "questions-heading-1"},
		{"Pairs title", "pairs-title-1"},
		{"Mark any", "h-mark-any"},
		{"Search status", "h-search-status"},
		{"F scale", "h-f-scale"},
		{"Search", "search-1"},
		{"Top", "top-1"},
		{"Headings", "headings"},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			res := New().Convert("x.md", "content/stories", content.Body{Source: []byte("## " + tt.heading + "\n"), Line: 1}, stubResolver{})
			if want := `<h2 id="` + tt.id + `">`; !strings.Contains(string(res.HTML), want) {
				t.Errorf("got %s, want %s", res.HTML, want)
			}
		})
	}
}

// TestThemeIDsAreReserved holds the built-in theme to the IDs that
// headings never take: every id="…" in its templates is reserved, by name
// or by the pattern of its fixed part.
func TestThemeIDsAreReserved(t *testing.T) {
	idAttr := regexp.MustCompile(`\bid="([^"]*)"`)
	action := regexp.MustCompile(`\{\{[^}]*\}\}`)
	theme := casebook.DefaultTheme()
	found := 0
	err := fs.WalkDir(theme, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
			found++
			id := m[1]
			if !strings.Contains(id, "{{") {
				if !reservedID(id) {
					t.Errorf("%s: id %q can be taken by a heading; add it to reservedIDs or name it by a pattern of reservedID", p, id)
				}
				continue
			}
			// A templated id: its fixed start or end must be a pattern.
			parts := action.Split(id, -1)
			if !hasReservedPrefix(parts[0]+"x") && !reservedID("x"+parts[len(parts)-1]) {
				t.Errorf("%s: templated id %q matches no reserved pattern", p, id)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 10 {
		t.Fatalf("found only %d ids in the theme's templates; is the walk right?", found)
	}
}

func TestManySameHeadings(t *testing.T) {
	src := strings.Repeat("## Notes\n\n", 20000)
	res := New().Convert("x.md", "content/stories", content.Body{Source: []byte(src), Line: 1}, stubResolver{})
	html := string(res.HTML)
	for _, want := range []string{`<h2 id="notes">`, `<h2 id="notes-1">`, `<h2 id="notes-19999">`} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s", want)
		}
	}
}
