package scaffold

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/suggest"
)

// Vocabulary is a site's taxonomies with the keys and aliases of their
// terms, for checking the terms given to `casebook new`.
type Vocabulary struct {
	taxonomies []string
	optional   []string
	keys       map[string][]string          // taxonomy → keys in display order
	names      map[string][]string          // taxonomy → keys then aliases
	byName     map[string]map[string]string // taxonomy → key or alias → key
}

// NewVocabulary builds a Vocabulary from checked terms, per taxonomy.
func NewVocabulary(taxonomies []string, terms map[string][]*content.Term) *Vocabulary {
	v := &Vocabulary{taxonomies: taxonomies, keys: map[string][]string{}, names: map[string][]string{}, byName: map[string]map[string]string{}}
	for _, name := range taxonomies {
		v.byName[name] = map[string]string{}
		var aliases []string
		for _, t := range terms[name] {
			v.keys[name] = append(v.keys[name], t.Key)
			v.byName[name][t.Key] = t.Key
			for _, a := range t.Aliases {
				v.byName[name][a] = t.Key
				aliases = append(aliases, a)
			}
		}
		v.names[name] = append(append([]string{}, v.keys[name]...), aliases...)
	}
	return v
}

// SetOptional names the taxonomies that stories may leave out.
func (v *Vocabulary) SetOptional(names []string) { v.optional = names }

// Optional reports whether stories may leave the taxonomy out.
func (v *Vocabulary) Optional(taxonomy string) bool { return slices.Contains(v.optional, taxonomy) }

// Taxonomies returns the taxonomy names in site.toml order.
func (v *Vocabulary) Taxonomies() []string { return v.taxonomies }

// Keys returns the keys of a taxonomy's terms in display order.
func (v *Vocabulary) Keys(taxonomy string) []string { return v.keys[taxonomy] }

// Has reports whether the site has the taxonomy.
func (v *Vocabulary) Has(taxonomy string) bool { return v.byName[taxonomy] != nil }

// Resolve maps names written for a taxonomy (keys or aliases, any case) to
// term keys, in the order given and without repeats. An unknown name is an
// error naming the nearest allowed key and listing them all.
func (v *Vocabulary) Resolve(taxonomy string, names []string) ([]string, error) {
	byName, ok := v.byName[taxonomy]
	if !ok {
		return nil, fmt.Errorf("this site has no taxonomy %q; its taxonomies are %s", taxonomy, strings.Join(v.taxonomies, ", "))
	}
	var keys []string
	for _, name := range names {
		key, ok := byName[name]
		if !ok {
			key, ok = byName[strings.ToLower(name)]
		}
		if !ok {
			return nil, fmt.Errorf("unknown %s %q%s; allowed: %s", content.Singular(taxonomy), name,
				suggest.Hint(name, v.names[taxonomy]), strings.Join(v.keys[taxonomy], ", "))
		}
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys, nil
}
