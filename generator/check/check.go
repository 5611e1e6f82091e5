// Package check turns loaded files into the typed content of a site and
// reports every problem with it at once: missing or mistyped fields, dates
// that are not calendar dates, terms outside the controlled vocabulary
// (with the nearest allowed key suggested), unknown keys, bad or duplicate
// slugs, and pinned related stories that do not exist.
//
// Links inside bodies are checked later, by package link, which is the
// stage that resolves them.
package check

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/suggest"
)

// Options control checking.
type Options struct {
	// Taxonomies are the taxonomy names from site.toml, in order.
	Taxonomies []string
	// Optional are the taxonomies stories may leave out (a subset of
	// Taxonomies); a story must name a term of every other one.
	Optional []string
	// Drafts keeps stories marked draft: true.
	Drafts bool
	// Cache, when set, keeps decoded stories between checks; see Cache.
	Cache *Cache
	// Languages are the site's further languages; a file named
	// <name>.<code>.md translates <name>.md into one of them.
	Languages []string
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedSlugs are top-level output folders a page slug must not take.
var reservedSlugs = []string{"stories", "search", "feed.xml", "sitemap.xml", "404", "robots.txt", "live"}

var storyKeys = []string{"title", "summary", "date", "updated", "place", "partners", "period",
	"questions", "outcomes", "setbacks", "related", "authors", "source", "aliases", "draft", "slug"}

// Check decodes and validates every loaded file.
func Check(files []*load.File, opts Options) (*content.Collection, diag.List) {
	c := &checker{opts: opts, col: &content.Collection{
		Terms:  map[string][]*content.Term{},
		Intros: map[string]*content.Page{},
		Drafts: map[string]string{},
	}}
	c.vocab = map[string]*vocabulary{}
	for _, t := range opts.Taxonomies {
		c.vocab[t] = &vocabulary{byName: map[string]string{}}
	}
	for _, f := range files {
		if f.Kind == load.Term && f.Lang == "" {
			c.term(f)
		}
	}
	c.finishVocabulary()
	if opts.Cache != nil {
		c.vocabKey = c.vocabVersion()
	}
	for _, f := range files {
		if f.Lang != "" {
			continue
		}
		switch f.Kind {
		case load.Story:
			c.story(f)
		case load.Page, load.Intro:
			c.page(f)
		}
	}
	c.checkSlugs()
	c.checkRelated()
	c.checkAliases()
	c.translations(files)
	return c.col, c.diags
}

type checker struct {
	opts  Options
	col   *content.Collection
	vocab map[string]*vocabulary
	diags diag.List
	// storyPos and slugPos remember where each slug came from.
	storyPos map[*content.Story]content.Pos
	// vocabKey is vocabVersion, when a cache is in use.
	vocabKey uint64
}

// vocabulary is one taxonomy's allowed keys and aliases.
type vocabulary struct {
	keys   []string
	byName map[string]string // key or alias → key
}

func (c *checker) fields(f *load.File) *fields {
	start := 1
	if f.Doc != nil && f.Doc.Found {
		start = max(f.Doc.RawLine-1, 1)
	}
	return &fields{path: f.Path, front: f.Front, start: start, diags: &c.diags, seen: map[string]bool{}}
}

func body(f *load.File) content.Body {
	return content.Body{Source: f.Doc.Body, Line: f.Doc.BodyLine}
}

func (c *checker) story(f *load.File) {
	if e, ok := c.opts.Cache.lookup(f.Path, f.Hash, c.vocabKey, c.opts.Drafts); ok {
		c.diags.Add(e.diags...)
		// The story handed out last time, so that later stages see an
		// unchanged story as the same value; a copy with the new assets
		// when the bundle's other files changed.
		s := e.story
		if !sameAssets(s.Assets, f.Assets) {
			story := *s
			story.Assets = assets(f)
			s = &story
			e.story = s
			c.opts.Cache.store(f.Path, e)
		}
		c.place(s, f, e.slugPos)
		return
	}
	mark := len(c.diags)
	s, slugPos := c.decodeStory(f)
	s.Assets = assets(f)
	if c.opts.Cache != nil {
		c.opts.Cache.store(f.Path, cachedStory{hash: f.Hash, vocab: c.vocabKey, drafts: c.opts.Drafts,
			story: s, slugPos: slugPos, diags: append(diag.List(nil), c.diags[mark:]...)})
	}
	c.place(s, f, slugPos)
}

// sameAssets reports whether a story's assets are the bundle files of a
// load, byte for byte.
func sameAssets(have []content.Asset, files []load.Asset) bool {
	if len(have) != len(files) {
		return false
	}
	for i, a := range files {
		if h := have[i]; h.Path != a.Path || h.Name != a.Name || !bytes.Equal(h.Data, a.Data) {
			return false
		}
	}
	return true
}

func assets(f *load.File) []content.Asset {
	var out []content.Asset
	for _, a := range f.Assets {
		out = append(out, content.Asset{Path: a.Path, Name: a.Name, Data: a.Data})
	}
	return out
}

// decodeStory decodes a story's front matter, reporting problems.
func (c *checker) decodeStory(f *load.File) (*content.Story, content.Pos) {
	fl := c.fields(f)
	s := &content.Story{Path: f.Path, Dir: f.Dir, Slug: f.Key, Body: body(f), Hash: f.Hash, Terms: map[string][]string{}, Front: map[string]content.Pos{}}
	for i, k := range f.Front.Keys {
		s.Front[k.Value] = content.Pos{Path: f.Path, Line: f.Front.Values[i].Line, Col: f.Front.Values[i].Col}
	}
	s.Title = fl.text("title", true, "a short, specific title such as \"Summer holiday support for families\"")
	s.Summary = fl.text("summary", true, "one or two sentences used in lists, search and previews")
	s.Date, _ = fl.date("date", true)
	s.Updated, _ = fl.date("updated", false)
	s.Place = fl.text("place", false, "")
	s.Period = fl.text("period", false, "")
	s.Partners = fl.strings("partners")
	s.Questions = fl.strings("questions")
	s.Outcomes = fl.strings("outcomes")
	s.Setbacks = fl.strings("setbacks")
	s.Authors = fl.strings("authors")
	s.Source = fl.source()
	s.Aliases = fl.aliases()
	s.Related = fl.list("related")
	s.Draft = fl.boolean("draft")
	for _, name := range c.opts.Taxonomies {
		s.Terms[name] = c.storyTerms(fl, name)
	}
	slugPos := content.Pos{Path: f.Path, Line: 1, Col: 1}
	if n := fl.get("slug"); n != nil {
		s.Slug = fl.text("slug", false, "")
		slugPos = fl.pos(n)
	}
	fl.unknownKeys(append(append([]string{}, storyKeys...), c.opts.Taxonomies...))
	return s, slugPos
}

// place adds a decoded story to the collection, or to the drafts, or
// reports its slug.
func (c *checker) place(s *content.Story, f *load.File, slugPos content.Pos) {
	if len(s.Slug) > content.MaxSlugLength {
		c.diags.Errorf(slugPos.Path, slugPos.Line, slugPos.Col, "slug %q is %d characters long, more than the %d allowed: shorten it (rename the file or set slug:)", s.Slug, len(s.Slug), content.MaxSlugLength)
		return
	}
	if !slugPattern.MatchString(s.Slug) {
		c.diags.Errorf(slugPos.Path, slugPos.Line, slugPos.Col, "slug %q is not valid: use lowercase letters, digits and single '-' only, such as %q (rename the file or set slug:)", s.Slug, content.Slugify(s.Slug))
		return
	}
	if s.Draft && !c.opts.Drafts {
		c.col.Drafts[f.Path] = s.Slug
		return
	}
	if c.storyPos == nil {
		c.storyPos = map[*content.Story]content.Pos{}
	}
	c.storyPos[s] = slugPos
	c.col.Stories = append(c.col.Stories, s)
}

// storyTerms decodes one taxonomy field of a story and maps aliases.
func (c *checker) storyTerms(fl *fields, name string) []string {
	v := c.vocab[name]
	values := fl.list(name)
	if len(values) == 0 && contains(c.opts.Optional, name) {
		return nil
	}
	if len(values) == 0 {
		if n := fl.get(name); n != nil {
			// A value of the wrong shape has had its error from list.
			if n.Kind == frontmatter.List || n.Kind == frontmatter.Scalar {
				fl.errorf(n, "%s needs at least one term; allowed: %s", name, strings.Join(v.keys, ", "))
			}
		} else {
			fl.missing(name, "list at least one of "+strings.Join(v.keys, ", "))
		}
		return nil
	}
	var keys []string
	for _, t := range values {
		key, ok := v.byName[t.Value]
		if !ok {
			key, ok = v.byName[strings.ToLower(t.Value)]
		}
		if !ok {
			c.diags.Errorf(t.Pos.Path, t.Pos.Line, t.Pos.Col, "unknown %s %q%s; allowed: %s",
				content.Singular(name), t.Value, suggest.Hint(t.Value, v.allNames()), strings.Join(v.keys, ", "))
			continue
		}
		if !contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys
}

func (v *vocabulary) allNames() []string {
	names := append([]string{}, v.keys...)
	var aliases []string
	for name, key := range v.byName {
		if name != key {
			aliases = append(aliases, name)
		}
	}
	sort.Strings(aliases)
	return append(names, aliases...)
}

func (c *checker) page(f *load.File) {
	fl := c.fields(f)
	p := &content.Page{Path: f.Path, Dir: f.Dir, Slug: f.Key, Body: body(f), Hash: f.Hash}
	p.Title = fl.text("title", f.Kind == load.Page, "the page title")
	p.Summary = fl.text("summary", false, "")
	if n := fl.get("slug"); n != nil && f.Kind == load.Page {
		p.Slug = fl.text("slug", false, "")
	}
	fl.unknownKeys([]string{"title", "summary", "slug"})
	if f.Kind == load.Intro {
		c.col.Intros[f.Section] = p
		return
	}
	if !slugPattern.MatchString(p.Slug) || len(p.Slug) > content.MaxSlugLength || contains(reservedSlugs, p.Slug) || c.vocab[p.Slug] != nil {
		c.diags.Errorf(f.Path, 1, 1, "page slug %q is not valid or is taken by a section of the site; rename the file", p.Slug)
		return
	}
	c.col.Pages = append(c.col.Pages, p)
}

// checkSlugs reports stories and pages that share a slug, naming both files.
func (c *checker) checkSlugs() {
	first := map[string]*content.Story{}
	for _, s := range c.col.Stories {
		if other, ok := first[s.Slug]; ok {
			p := c.storyPos[s]
			c.diags.Errorf(p.Path, p.Line, p.Col, "slug %q is used by two stories: %s and %s; rename one of them", s.Slug, other.Path, s.Path)
			op := c.storyPos[other]
			c.diags.Errorf(op.Path, op.Line, op.Col, "slug %q is used by two stories: %s and %s; rename one of them", s.Slug, other.Path, s.Path)
			continue
		}
		first[s.Slug] = s
	}
	pages := map[string]string{}
	for _, p := range c.col.Pages {
		if other, ok := pages[p.Slug]; ok {
			c.diags.Errorf(p.Path, 1, 1, "page slug %q is used by two pages: %s and %s", p.Slug, other, p.Path)
		}
		pages[p.Slug] = p.Path
	}
}

// checkRelated reports pinned related stories that do not exist.
func (c *checker) checkRelated() {
	slugs := map[string]bool{}
	var all []string
	for _, s := range c.col.Stories {
		slugs[s.Slug] = true
		all = append(all, s.Slug)
	}
	drafts := map[string]bool{}
	for _, slug := range c.col.Drafts {
		drafts[slug] = true
	}
	for _, s := range c.col.Stories {
		for _, r := range s.Related {
			switch {
			case drafts[r.Value]:
				c.diags.Errorf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "related story %q is a draft; drafts are not published, so it cannot be related yet", r.Value)
			case !slugs[r.Value]:
				c.diags.Errorf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "related story %q does not exist%s", r.Value, suggest.Hint(r.Value, all))
			case r.Value == s.Slug:
				c.diags.Warnf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "a story cannot be related to itself")
			}
		}
	}
}

func hintOrList(word string, known []string) string {
	if h := suggest.Hint(word, known); h != "" {
		return h
	}
	return "; known keys: " + strings.Join(known, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
