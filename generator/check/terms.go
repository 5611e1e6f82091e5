package check

import (
	"sort"

	"github.com/casebook/casebook/generator/colour"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/load"
)

func (c *checker) term(f *load.File) {
	fl := c.fields(f)
	t := &content.Term{Path: f.Path, Taxonomy: f.Section, Key: f.Key, Body: body(f), Hash: f.Hash}
	t.Title = fl.text("title", true, "the name of the term as readers see it")
	t.Summary = fl.text("summary", true, "one sentence describing the term, shown on cards and in lists")
	t.Order = fl.integer("order")
	t.Colour = fl.colour("colour")
	t.AskQuestions = fl.boolean("ask_questions")
	aliases := fl.list("aliases")
	fl.unknownKeys([]string{"title", "summary", "aliases", "order", "colour", "ask_questions"})
	if !slugPattern.MatchString(t.Key) {
		c.diags.Errorf(f.Path, 1, 1, "term file name %q is not a valid key: use lowercase letters, digits and '-' only, such as %q", t.Key, content.Slugify(t.Key))
		return
	}
	v := c.vocab[f.Section]
	if other, ok := v.byName[t.Key]; ok {
		c.diags.Errorf(f.Path, 1, 1, "term %q is also an alias of %q in %s", t.Key, other, f.Section)
	}
	v.byName[t.Key] = t.Key
	for _, a := range aliases {
		if other, ok := v.byName[a.Value]; ok && other != t.Key {
			c.diags.Errorf(f.Path, a.Pos.Line, a.Pos.Col, "alias %q is already used by %q in %s", a.Value, other, f.Section)
			continue
		}
		v.byName[a.Value] = t.Key
		t.Aliases = append(t.Aliases, a.Value)
	}
	v.keys = append(v.keys, t.Key)
	c.col.Terms[f.Section] = append(c.col.Terms[f.Section], t)
}

// finishVocabulary sorts terms by order, then key, and reports empty
// taxonomies.
func (c *checker) finishVocabulary() {
	for _, name := range c.opts.Taxonomies {
		terms := c.col.Terms[name]
		sort.SliceStable(terms, func(i, j int) bool {
			if terms[i].Order != terms[j].Order {
				return terms[i].Order < terms[j].Order
			}
			return terms[i].Key < terms[j].Key
		})
		sort.Strings(c.vocab[name].keys)
		if len(terms) == 0 {
			c.diags.Errorf("content/"+name, 0, 0, "taxonomy %q has no terms: add one file per allowed term, such as content/%s/<key>.md with a title and summary", name, name)
		}
	}
}

// colour decodes a term's colour, #rrggbb, which the theme draws text
// in: it must reach WCAG AA contrast on the theme's light surfaces (the
// theme derives a lighter one for its dark scheme). It returns "" when the
// colour is absent or refused.
func (f *fields) colour(key string) string {
	n := f.get(key)
	if n == nil {
		return ""
	}
	if n.Kind != frontmatter.Scalar {
		f.errorf(n, "%s must be a single colour such as \"#0b5ea8\", not %s", key, n.Kind)
		return ""
	}
	c, err := colour.Parse(n.Value)
	if err != nil {
		f.errorf(n, "%s %v (quote it: a # starts a comment in YAML)", key, err)
		return ""
	}
	if ratio := colour.Contrast(c, colour.Light); ratio < colour.AA {
		f.errorf(n, "%s %s is too light for text: its contrast with the theme's light background is %.1f:1, and WCAG AA needs %.1f:1; a darker one such as %q would pass",
			key, c, ratio, colour.AA, darkEnough(c).String())
		return ""
	}
	return c.String()
}

// darkEnough is c darkened by the smallest step of 5% that reaches AA on
// the light background.
func darkEnough(c colour.RGB) colour.RGB {
	for step := 1; step <= 20; step++ {
		if d := c.Mix(colour.RGB{}, float64(step)/20); colour.Contrast(d, colour.Light) >= colour.AA+0.05 {
			return d
		}
	}
	return colour.RGB{}
}
