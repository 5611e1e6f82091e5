package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids generates heading IDs that keep letters of every script ("Fàilte" →
// "fàilte"), unlike goldmark's default which drops non-ASCII letters, and
// makes them unique within a page by adding "-1", "-2".
type ids struct {
	used map[string]bool
	// next holds, for each base that has been used, the first suffix not
	// yet tried, so that a page of 20,000 headings "Notes" takes linear
	// time rather than trying "-1" to "-19999" for the last one.
	next map[string]int
}

// reservedIDs are element IDs the theme uses; a heading with the same
// text gets a suffix instead, so that the skip link, the page's own
// sections and the labels of its controls keep working. The theme keeps to
// these names and to the patterns of reservedID; a test holds it to them.
var reservedIDs = []string{"main", "top", "content", "site-header", "site-footer", "search", "results"}

// reservedSuffixes and reservedPrefixes are the patterns of the theme's
// other IDs: section headings ("questions-heading"), titles of figures
// ("pairs-title"), patterns ("…-gap"), symbols ("mark-…"), filter boxes
// ("f-…") and the search form ("search-…").
var (
	reservedSuffixes = []string{"-heading", "-title", "-gap"}
	reservedPrefixes = []string{"mark-", "f-", "search-"}
)

// reservedID reports whether id is the theme's or matches one of its
// patterns.
func reservedID(id string) bool {
	for _, r := range reservedIDs {
		if id == r {
			return true
		}
	}
	for _, suffix := range reservedSuffixes {
		if strings.HasSuffix(id, suffix) {
			return true
		}
	}
	return hasReservedPrefix(id)
}

func hasReservedPrefix(id string) bool {
	for _, prefix := range reservedPrefixes {
		if strings.HasPrefix(id, prefix) {
			return true
		}
	}
	return false
}

func newIDs() *ids {
	return &ids{used: map[string]bool{}, next: map[string]int{}}
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
	if hasReservedPrefix(base) {
		// No suffix takes "mark-…" out of the theme's names.
		base = "h-" + base
	}
	result := base
	if s.used[result] || reservedID(result) {
		i := max(s.next[base], 1)
		for s.used[base+"-"+strconv.Itoa(i)] {
			i++
		}
		result = base + "-" + strconv.Itoa(i)
		s.next[base] = i + 1
	}
	s.used[result] = true
	return []byte(result)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
