package search

import "testing"

// TestCompact checks which output files skip the minifier: the search
// index files of every language, and nothing a page of a taxonomy, term
// or story could be, whatever its name.
func TestCompact(t *testing.T) {
	for path, want := range map[string]bool{
		"search/index.json":       true,
		"search/d/12.json":        true,
		"search/x/3.txt":          true,
		"search/index.html":       false,
		"cy/search/index.json":    true,
		"cy/search/t/afon.json":   true,
		"gd/search/x/0.txt":       true,
		"pt-BR/search/d/1.json":   true,
		"cy/search/index.html":    false,
		"cy/index.html":           false,
		"stories.json":            false,
		"cy/stories.json":         false,
		"stories/search/cite.ris": false,
		"gd/search/feed.xml":      false, // a taxonomy gd's term search
		"themes/search/feed.xml":  false,
	} {
		if got := Compact(path); got != want {
			t.Errorf("Compact(%q) = %v, want %v", path, got, want)
		}
	}
}
