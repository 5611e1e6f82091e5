package markdown

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
	"github.com/yuin/goldmark/ast"
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

// TestManySameHeadings gives 20,000 headings "Notes" their ids, as the
// ids of one page: each is unique, and the last is found at once rather
// than after trying "-1" to "-19998" (bodies are capped at MaxHeadings,
// the ids are not).
func TestManySameHeadings(t *testing.T) {
	s := newIDs()
	seen := map[string]bool{}
	last := ""
	for i := 0; i < 20000; i++ {
		last = string(s.Generate([]byte("Notes"), ast.KindHeading))
		if seen[last] {
			t.Fatalf("id %q given twice", last)
		}
		seen[last] = true
	}
	if last != "notes-19999" || !seen["notes"] || !seen["notes-1"] {
		t.Errorf("last id %q, want notes-19999 after notes and notes-1", last)
	}
	if n := s.next["notes"]; n != 20000 {
		t.Errorf("next suffix for notes is %d, want 20000: the search for a free suffix starts over", n)
	}
}
