package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids generates heading IDs that keep letters of every script ("Fàilte" →
// "fàilte"), unlike goldmark's default which drops non-ASCII letters, and
// makes them unique within a page by adding "-1", "-2".
type ids struct {
	used map[string]bool
}

// reservedIDs are element IDs the theme uses on every page; a heading
// with the same text gets a suffix instead, so the skip link and the
// page's own sections keep working.
var reservedIDs = []string{"main", "top", "content", "site-header", "site-footer", "search", "results"}

func newIDs() *ids {
	used := make(map[string]bool, len(reservedIDs))
	for _, id := range reservedIDs {
		used[id] = true
	}
	return &ids{used: used}
}

// Generate implements parser.IDs.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	id := make([]rune, 0, len(value))
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && len(id) > 0 {
				id = append(id, '-')
			}
			dash = false
			id = append(id, unicode.ToLower(r))
		case r == '-' || r == '_' || unicode.IsSpace(r):
			dash = true
		}
	}
	base := string(id)
	if base == "" {
		base = "section"
	}
	result := base
	for i := 1; s.used[result]; i++ {
		result = base + "-" + strconv.Itoa(i)
	}
	s.used[result] = true
	return []byte(result)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
