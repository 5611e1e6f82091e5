package cms

import (
	"github.com/casebook/casebook/generator/config"
)

// i18nOptions are the editor's languages when the site has
// [languages.<code>] tables. casebook keeps a translation beside its
// original as <name>.<code>.md (a bundle's index.<code>.md, an intro's
// _index.<code>.md) and the default language's file has no code in its
// name: Sveltia's multiple_files structure with the default locale left
// out of file paths is exactly that.
type i18nOptions struct {
	Structure     string   `yaml:"structure"`
	Locales       []string `yaml:"locales"`
	DefaultLocale string   `yaml:"default_locale"`
	// InitialLocales is "default": a new story starts in the default
	// language alone, since casebook lists a story that is not yet
	// translated in every language; its translations are added when
	// someone writes them.
	InitialLocales string `yaml:"initial_locales"`
	OmitDefault    bool   `yaml:"omit_default_locale_from_file_path"`
}

// i18nOf returns the editor's languages for cfg, or nil for a site in
// one language. The locales are the codes of the file names: the site's
// language (never in a file name), then each [languages.<code>].
func i18nOf(cfg *config.Config) *i18nOptions {
	if len(cfg.Editions) == 0 {
		return nil
	}
	return &i18nOptions{
		Structure:      "multiple_files",
		Locales:        append([]string{cfg.Language}, cfg.Editions...),
		DefaultLocale:  cfg.Language,
		InitialLocales: "default",
		OmitDefault:    true,
	}
}

// Fields that a translation writes in its own language, by kind of
// file, as check accepts them (generator/check, translate.go). Every
// other field belongs to the original and is not translatable
// (i18n: false): the editor leaves it out of the translation's file,
// which then shares it. That includes the slug, the date and the
// taxonomy terms, which a translation may not change: casebook refuses a
// translation with another date or other terms, and a copy in the
// translation (Sveltia's duplicate) would turn into that error as soon as
// the original's were changed by hand.
var translated = map[string][]string{
	"story": {"title", "summary", "questions", "outcomes", "setbacks", "place", "period", "partners", "authors", "updated", "draft", "body"},
	"term":  {"title", "summary", "body"},
	"page":  {"title", "summary", "body"},
	"intro": {"title", "summary", "body"},
}

// translatable marks c as having translations and each of its fields
// (and its index file's) as translated or not, for a multilingual site.
func translatable(c *collection, kind string) {
	c.I18n = true
	mark(c.Fields, translated[kind])
	if c.IndexFile != nil {
		mark(c.IndexFile.Fields, translated["intro"])
	}
}

func mark(fields []*field, names []string) {
	for _, f := range fields {
		f.I18n = false
		for _, n := range names {
			if f.Name == n {
				f.I18n = true
			}
		}
	}
}
