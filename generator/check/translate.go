package check

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/suggest"
)

// A translation (<name>.<code>.md beside <name>.md) has its own title,
// summary, body and the texts readers see; it shares everything else with
// its original. translatedStoryKeys are the fields it may set;
// sharedStoryKeys those it may repeat only with the original's value.
var (
	translatedStoryKeys = []string{"title", "summary", "questions", "outcomes", "setbacks", "place", "period", "partners", "authors", "updated", "draft"}
	sharedStoryKeys     = []string{"slug", "date"}
)

// originalPath is the path of the file that the translation f translates.
func originalPath(f *load.File) string {
	name := path.Base(f.Path)
	stem := strings.TrimSuffix(name, ".md")
	stem = strings.TrimSuffix(stem, "."+f.Lang)
	return path.Join(path.Dir(f.Path), stem+".md")
}

// translations makes the editions of the collection, one per further
// language, from the translation files among files. originals holds the
// path of every original file loaded, decoded or not, so that the
// translation of a file with errors is not also called an orphan.
func (c *checker) translations(files []*load.File) {
	originals := map[string]bool{}
	for _, f := range files {
		if f.Lang == "" {
			originals[f.Path] = true
		}
	}
	stories := map[string]*content.Story{}
	for _, s := range c.col.Stories {
		stories[s.Path] = s
	}
	terms := map[string]*content.Term{}
	for _, list := range c.col.Terms {
		for _, t := range list {
			terms[t.Path] = t
		}
	}
	pages := map[string]*content.Page{}
	for _, p := range c.col.Pages {
		pages[p.Path] = p
	}
	for _, p := range c.col.Intros {
		pages[p.Path] = p
	}
	// by language, the translation of each original, by the original's path
	type translated struct {
		stories map[*content.Story]*content.Story
		terms   map[*content.Term]*content.Term
		pages   map[*content.Page]*content.Page
	}
	byLang := map[string]*translated{}
	for _, code := range c.opts.Languages {
		byLang[code] = &translated{map[*content.Story]*content.Story{}, map[*content.Term]*content.Term{}, map[*content.Page]*content.Page{}}
	}
	for _, f := range files {
		if f.Lang == "" {
			continue
		}
		tr := byLang[f.Lang]
		if tr == nil {
			c.diags.Errorf(f.Path, 1, 1, "%s is named as a translation into %q, but site.toml has no [languages.%s] table%s",
				f.Path, f.Lang, f.Lang, languageHint(f.Lang, c.opts.Languages))
			continue
		}
		orig := originalPath(f)
		if !originals[orig] {
			c.diags.Errorf(f.Path, 1, 1, "translation without an original: there is no %s for it to translate%s; name a translation after its original, as <name>.%s.md beside <name>.md",
				orig, suggest.Hint(orig, slices.Sorted(maps.Keys(originals))), f.Lang)
			continue
		}
		switch f.Kind {
		case load.Story:
			if s := stories[orig]; s != nil {
				if t := c.translateStory(f, s); t != nil {
					tr.stories[s] = t
				}
			}
		case load.Term:
			if t := terms[orig]; t != nil {
				tr.terms[t] = c.translateTerm(f, t)
			}
		case load.Page, load.Intro:
			if p := pages[orig]; p != nil {
				tr.pages[p] = c.translatePage(f, p)
			}
		}
	}
	for _, code := range c.opts.Languages {
		tr := byLang[code]
		ed := &content.Collection{Lang: code, Terms: map[string][]*content.Term{}, Intros: map[string]*content.Page{}, Drafts: c.col.Drafts}
		for _, s := range c.col.Stories {
			ed.Stories = append(ed.Stories, cmpOr(tr.stories[s], s))
		}
		for name, list := range c.col.Terms {
			for _, t := range list {
				ed.Terms[name] = append(ed.Terms[name], cmpOr(tr.terms[t], t))
			}
		}
		for _, p := range c.col.Pages {
			ed.Pages = append(ed.Pages, cmpOr(tr.pages[p], p))
		}
		for section, p := range c.col.Intros {
			ed.Intros[section] = cmpOr(tr.pages[p], p)
		}
		c.col.Editions = append(c.col.Editions, ed)
	}
}

// cmpOr returns translation when there is one, else original.
func cmpOr[T any](translation, original *T) *T {
	if translation != nil {
		return translation
	}
	return original
}

// languageHint suggests the nearest further language of the site, or
// lists them.
func languageHint(code string, languages []string) string {
	if h := suggest.Hint(code, languages); h != "" {
		return h
	}
	if len(languages) == 0 {
		return "; add one to site.toml to publish translations"
	}
	return "; the site's further languages are " + strings.Join(languages, ", ")
}

// translateStory decodes the translation f of s. It returns nil when the
// translation is a draft left out of the build.
func (c *checker) translateStory(f *load.File, s *content.Story) *content.Story {
	fl := c.fields(f)
	t := *s
	t.Path, t.Dir, t.Body, t.Hash, t.Lang, t.Original = f.Path, f.Dir, body(f), f.Hash, f.Lang, s
	t.Front = map[string]content.Pos{}
	for i, k := range f.Front.Keys {
		t.Front[k.Value] = content.Pos{Path: f.Path, Line: f.Front.Values[i].Line, Col: f.Front.Values[i].Col}
	}
	t.Title = fl.text("title", true, "the title in this language")
	t.Summary = fl.text("summary", true, "one or two sentences in this language, used in lists, search and previews")
	if fl.get("place") != nil {
		t.Place = fl.text("place", false, "")
	}
	if fl.get("period") != nil {
		t.Period = fl.text("period", false, "")
	}
	for _, field := range []struct {
		key string
		to  *[]string
	}{{"questions", &t.Questions}, {"outcomes", &t.Outcomes}, {"setbacks", &t.Setbacks}, {"partners", &t.Partners}, {"authors", &t.Authors}} {
		if fl.get(field.key) != nil {
			*field.to = fl.strings(field.key)
		}
	}
	if fl.get("updated") != nil {
		t.Updated, _ = fl.date("updated", false)
	}
	if date, n := fl.date("date", false); n != nil && !date.IsZero() && !date.Equal(s.Date) {
		fl.errorf(n, "a translation has the date of its original, %s (%s): remove date: here or make it the same", s.Date.Format("2006-01-02"), s.Path)
	}
	if n := fl.get("slug"); n != nil {
		if slug := fl.text("slug", false, ""); slug != s.Slug {
			fl.errorf(n, "a translation has the slug of its original, %q (%s): remove slug: here; the translation's address is /%s/stories/%s/", s.Slug, s.Path, f.Lang, s.Slug)
		}
	}
	for _, name := range c.opts.Taxonomies {
		if n := fl.get(name); n != nil {
			keys := c.storyTerms(fl, name)
			if !sameSet(keys, s.Terms[name]) {
				fl.errorf(n, "a translation has the %s of its original (%s: %s): remove %s: here and change them in %s",
					name, name, strings.Join(s.Terms[name], ", "), name, s.Path)
			}
		}
	}
	draft := fl.boolean("draft")
	known := append(append(append([]string{}, translatedStoryKeys...), sharedStoryKeys...), c.opts.Taxonomies...)
	for _, k := range f.Front.Keys {
		if contains(storyKeys, k.Value) && !contains(known, k.Value) {
			p := t.Front[k.Value]
			c.diags.Errorf(p.Path, p.Line, p.Col, "%s belongs to the original story, %s, and a translation shares it: remove it here", k.Value, s.Path)
		}
	}
	fl.unknownKeys(append(append([]string{}, storyKeys...), c.opts.Taxonomies...))
	if draft && !c.opts.Drafts {
		return nil
	}
	t.Draft = s.Draft || draft
	return &t
}

// translateTerm decodes the translation f of the term t: its own title,
// summary and description; key, order, colour and aliases are t's.
func (c *checker) translateTerm(f *load.File, t *content.Term) *content.Term {
	fl := c.fields(f)
	tr := *t
	tr.Path, tr.Body, tr.Hash, tr.Lang, tr.Original = f.Path, body(f), f.Hash, f.Lang, t
	tr.Title = fl.text("title", true, "the name of the term in this language")
	tr.Summary = fl.text("summary", true, "one sentence in this language describing the term")
	for _, k := range []string{"aliases", "order", "colour"} {
		if n := fl.get(k); n != nil {
			fl.errorf(n, "%s belongs to the original term, %s, and a translation shares it: remove it here", k, t.Path)
		}
	}
	fl.unknownKeys([]string{"title", "summary", "aliases", "order", "colour"})
	return &tr
}

// translatePage decodes the translation f of a page or intro p.
func (c *checker) translatePage(f *load.File, p *content.Page) *content.Page {
	fl := c.fields(f)
	tr := *p
	tr.Path, tr.Body, tr.Hash, tr.Lang, tr.Original = f.Path, body(f), f.Hash, f.Lang, p
	tr.Title = fl.text("title", f.Kind == load.Page, "the page title in this language")
	tr.Summary = fl.text("summary", false, "")
	if n := fl.get("slug"); n != nil {
		fl.errorf(n, "a translation has the slug of its original, %q (%s): remove slug: here", p.Slug, p.Path)
	}
	fl.unknownKeys([]string{"title", "summary", "slug"})
	return &tr
}

// sameSet reports whether a and b hold the same keys, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, k := range a {
		if !slices.Contains(b, k) {
			return false
		}
	}
	return true
}
