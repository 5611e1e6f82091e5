package check

import (
	"github.com/casebook/casebook/generator/content"
)

// aliases decodes a story's earlier slugs. Each must be shaped like a
// slug, since it names the folder of a redirect page; one written twice
// counts once.
func (f *fields) aliases() []content.Text {
	var out []content.Text
	seen := map[string]bool{}
	for _, a := range f.list("aliases") {
		if !slugPattern.MatchString(a.Value) {
			f.diags.Errorf(a.Pos.Path, a.Pos.Line, a.Pos.Col, "alias %q is not a valid slug: an alias is an earlier slug of the story, such as %q", a.Value, content.Slugify(a.Value))
			continue
		}
		if !seen[a.Value] {
			seen[a.Value] = true
			out = append(out, a)
		}
	}
	return out
}

// checkAliases reports story aliases that clash with a live URL: the
// story's own slug, another story's slug (drafts included, so that
// publishing a draft never takes an alias's place), or an alias of
// another story. These are errors, so no redirect page is ever written
// over a page.
func (c *checker) checkAliases() {
	slugs := map[string]string{}
	for _, s := range c.col.Stories {
		slugs[s.Slug] = s.Path
	}
	for p, slug := range c.col.Drafts {
		slugs[slug] = p
	}
	taken := map[string]string{}
	for _, s := range c.col.Stories {
		for _, a := range s.Aliases {
			switch other, isSlug := slugs[a.Value]; {
			case a.Value == s.Slug:
				c.diags.Errorf(a.Pos.Path, a.Pos.Line, a.Pos.Col, "alias %q is the story's own slug; remove it from aliases", a.Value)
			case isSlug:
				c.diags.Errorf(a.Pos.Path, a.Pos.Line, a.Pos.Col, "alias %q is the slug of another story, %s: its redirect would replace that story; remove the alias or rename the story", a.Value, other)
			case taken[a.Value] != "":
				c.diags.Errorf(a.Pos.Path, a.Pos.Line, a.Pos.Col, "alias %q is also an alias of %s; an old address can lead to one story only", a.Value, taken[a.Value])
			default:
				taken[a.Value] = s.Path
			}
		}
	}
}
