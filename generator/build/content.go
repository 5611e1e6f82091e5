package build

import (
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/lint"
)

// Content is a site's settings and checked content, without pages: what
// the commands that help contributors (new, schema, vocab) work from.
type Content struct {
	Config *config.Config
	// Collection is nil when site.toml has errors.
	Collection *content.Collection
	// Diags holds every problem found by config, load and check.
	Diags diag.List
}

// LoadContent runs config, load and check, and nothing after them. Errors
// in stories still give a Collection, so that one broken story does not
// stop a contributor from scaffolding another. Config is nil, and Diags say
// why, when site.toml is missing or broken.
func LoadContent(opts Options) (*Content, error) {
	res := &Result{}
	cfg, col, err := readContent(opts, res, &caches{})
	return &Content{Config: cfg, Collection: col, Diags: res.Diags.Sort()}, err
}

// lintContent runs the content lint rules: warnings, or errors when strict.
// Only Check calls it, so that builds do not pay for a second parse of
// every body.
func lintContent(cfg *config.Config, col *content.Collection, strict bool) diag.List {
	if cfg == nil || col == nil {
		return nil
	}
	return lint.Diagnostics(lint.Lint(col, lint.Options{Taxonomies: cfg.Taxonomies}), strict)
}
