package content

import "strings"

// Param returns the URL query parameter that filters by the taxonomy
// called name: its singular ("principles" → "principle", "categories" →
// "category"), and "q-term" for a taxonomy whose singular is "q", the
// query's own parameter.
func Param(name string) string {
	p := Singular(name)
	if p == "q" {
		p = "q-term"
	}
	return p
}

// Singular turns a taxonomy name into the word for one of its terms, for
// messages and URL parameters: "principles" → "principle", "categories" →
// "category". A name that is not an English plural is returned unchanged.
func Singular(taxonomy string) string {
	switch {
	case strings.HasSuffix(taxonomy, "ies") && len(taxonomy) > 3:
		return strings.TrimSuffix(taxonomy, "ies") + "y"
	case strings.HasSuffix(taxonomy, "s") && len(taxonomy) > 1:
		return strings.TrimSuffix(taxonomy, "s")
	}
	return taxonomy
}
