package i18n

import (
	"strings"

	"github.com/casebook/casebook/generator/diag"
)

// Set is a theme's strings in every language it has, with a site's own
// strings laid over them.
type Set struct {
	// langs maps a language code, lowercased, to its messages.
	langs map[string]map[string]Message
	// most is, per key, the largest placeholder number the theme's own
	// files use (see File.CheckAgainst).
	most map[string]int
}

// NewSet makes a Set of a theme's files, each named <code>.toml, in the
// order given: a later file's keys replace an earlier one's of the same
// language (a site's theme folder over the built-in theme).
func NewSet(files []*File) *Set {
	s := &Set{langs: map[string]map[string]Message{}, most: map[string]int{}}
	for _, f := range files {
		s.add(f)
		for k, m := range f.Msgs {
			if n, ok := s.most[k]; !ok || maxPlaceholder(m) > n {
				s.most[k] = maxPlaceholder(m)
			}
		}
	}
	return s
}

func (s *Set) add(f *File) {
	code := strings.ToLower(LangOf(f.Path))
	msgs := s.langs[code]
	if msgs == nil {
		msgs = map[string]Message{}
		s.langs[code] = msgs
	}
	for k, m := range f.Msgs {
		msgs[k] = m
	}
}

// LangOf is the language code of a strings file's path: "cy" for
// "i18n/cy.toml".
func LangOf(path string) string {
	name := path[strings.LastIndexByte(path, '/')+1:]
	return strings.TrimSuffix(name, ".toml")
}

// Override lays a site's own strings files over the theme's, and
// returns a new Set; problems are reported at their lines, and files
// with errors are left out.
func (s *Set) Override(files []*File) (*Set, diag.List) {
	var diags diag.List
	out := &Set{langs: map[string]map[string]Message{}, most: s.most}
	for code, msgs := range s.langs {
		out.langs[code] = msgs
	}
	ref := s.langs[Reference]
	for _, f := range files {
		d := f.CheckAgainst(ref, s.most)
		diags.Add(d...)
		if d.HasErrors() {
			continue
		}
		code := strings.ToLower(LangOf(f.Path))
		merged := map[string]Message{}
		for k, m := range out.langs[code] {
			merged[k] = m
		}
		for k, m := range f.Msgs {
			merged[k] = m
		}
		out.langs[code] = merged
	}
	return out, diags
}

// Catalog returns the strings for lang, a BCP 47 code such as "cy" or
// "en-GB": those of the code itself, or else of its language alone ("en"),
// or else English, each with English for what it lacks. Region files lay
// over the language's own: en-GB.toml over en.toml.
func (s *Set) Catalog(lang string) *Catalog {
	code := strings.ToLower(lang)
	base, _, _ := strings.Cut(code, "-")
	msgs := map[string]Message{}
	for _, c := range []string{base, code} {
		for k, m := range s.langs[c] {
			msgs[k] = m
		}
	}
	return NewCatalog(lang, msgs, s.langs[Reference])
}

// Keys returns the reference language's keys.
func (s *Set) Keys() []string { return sortedNames(s.langs[Reference]) }

// Languages returns the codes of the languages the set has strings for.
func (s *Set) Languages() []string { return sortedNames(s.langs) }
