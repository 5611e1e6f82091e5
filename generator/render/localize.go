package render

import (
	"fmt"
	"html/template"
	"os"
	"sort"
	"strings"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
)

// localized is a theme's templates for one language: their t, date and
// readingTime functions speak it, and its story cards are its own.
type localized struct {
	// plain holds the templates as written, for builds that record
	// nothing; sets hold a copy of the templates for each of the theme's
	// accessors (Theme.access), whose functions are bound to it.
	plain map[string]*template.Template
	sets  []map[string]*template.Template
	cards *cardStore
	cat   *i18n.Catalog
	// fast runs the plain templates, and setFast[i] those of sets[i]
	// (see fast.go); nil when ReferenceTemplatesEnv is set.
	fast    *fastTemplates
	setFast []*fastTemplates
}

// localFuncs are the template functions that depend on the language:
//
//	{{t "nav.stories"}}                  a string of the theme's i18n files
//	{{t "count.stories" 3}}              with values; a number picks the plural form
//	{{date .Date}}                       "3 November 2020", "3 Tachwedd 2020"
//	{{readingTime .ReadingMinutes}}      "6 min read", "6 munud o ddarllen"
//	{{cardHTML .}}                       a story's card, rendered once per build
//	{{langName "en-GB"}}                 "English", "Saesneg": a language's name
//	{{pageLang}}                         the code of the page's language
//
// They also hold the functions bound to one accessor, which read entities
// and record what they read: the field chains of the rewritten templates
// (see rewrite.go), cardHTML, and tone and mark, which read a term's
// place in its taxonomy.
func localFuncs(cat *i18n.Catalog, cards *cardStore, acc *accessor, set map[string]*template.Template, fast *fastTemplates) template.FuncMap {
	return template.FuncMap{
		getFunc:       acc.get,
		callFunc:      acc.call,
		"tone":        func(v any) string { acc.noteTerm(v); return toneClass(v) },
		"mark":        func(v any) string { acc.noteTerm(v); return markID(v) },
		"langName":    func(code string) string { return languageName(cat, code) },
		"pageLang":    func() string { return cat.Lang },
		"t":           cat.T,
		"date":        cat.Date,
		"readingTime": func(minutes int) string { return cat.S("count.reading", minutes) },
		"cardHTML": func(s *link.Story) (template.HTML, error) {
			return cards.html(s, set["stories"], acc, fast)
		},
	}
}

// isStrings reports whether the theme file at p is a strings file.
func isStrings(p string) bool {
	return strings.HasPrefix(p, "i18n/") && strings.HasSuffix(p, ".toml") && strings.Count(p, "/") == 1
}

// Localize lays a site's own strings files (i18n/<code>.toml of the site
// folder) over the theme's. A key the theme does not have is an error at
// its line; a file with errors is left out. It must be called before the
// theme renders anything.
func (th *Theme) Localize(files []*i18n.File) diag.List {
	set, diags := th.strings.Override(files)
	th.mu.Lock()
	defer th.mu.Unlock()
	th.strings, th.langs = set, nil
	h := digest(th.hash)
	for _, f := range files {
		h.strs(f.Path)
		for _, k := range sortedNames(f.Msgs) {
			m := f.Msgs[k]
			h.strs(k, m.Text, strings.Join(m.List, "\x00"))
			for _, form := range i18n.Forms {
				h.strs(m.Plural[form])
			}
		}
	}
	th.hash = uint64(h)
	return diags
}

// Strings returns the catalog of lang: the theme's strings in it, with
// the site's own.
func (th *Theme) Strings(lang string) *i18n.Catalog { return th.strings.Catalog(lang) }

// localized returns the templates of lang, copying them from the parsed
// ones on first use.
func (th *Theme) localized(lang string) (*localized, error) {
	th.mu.Lock()
	defer th.mu.Unlock()
	if l := th.langs[lang]; l != nil {
		return l, nil
	}
	cat := th.strings.Catalog(lang)
	l := &localized{cards: &cardStore{}, cat: cat, plain: map[string]*template.Template{}}
	reference := os.Getenv(ReferenceTemplatesEnv) != ""
	// newFast returns what runs the templates bound to fm, which it
	// needs to be made first; nil with the reference templates.
	newFast := func() *fastTemplates {
		if reference {
			return nil
		}
		return &fastTemplates{}
	}
	l.fast = newFast()
	fm := localFuncs(cat, l.cards, &accessor{}, l.plain, l.fast)
	if l.fast != nil {
		l.fast.funcs = []template.FuncMap{funcs, fm}
	}
	for kind, t := range th.plain {
		c, err := t.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme templates for %s: %w", lang, err)
		}
		l.plain[kind] = c.Funcs(fm)
	}
	for _, acc := range th.access {
		set, fast := map[string]*template.Template{}, newFast()
		fm := localFuncs(cat, l.cards, acc, set, fast)
		if fast != nil {
			fast.funcs = []template.FuncMap{funcs, fm}
		}
		l.setFast = append(l.setFast, fast)
		for kind, t := range th.templates {
			c, err := t.Clone()
			if err != nil {
				return nil, fmt.Errorf("theme templates for %s: %w", lang, err)
			}
			set[kind] = c.Funcs(fm)
		}
		l.sets = append(l.sets, set)
	}
	if th.langs == nil {
		th.langs = map[string]*localized{}
	}
	th.langs[lang] = l
	return l, nil
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
