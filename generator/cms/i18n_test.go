package cms_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/casebook/casebook/generator/e2e"
)

// languages is the part of admin/config.yml about languages.
type languages struct {
	I18n *struct {
		Structure      string
		Locales        []string
		DefaultLocale  string `yaml:"default_locale"`
		InitialLocales string `yaml:"initial_locales"`
		OmitDefault    bool   `yaml:"omit_default_locale_from_file_path"`
	}
	Collections []struct {
		Name      string
		I18n      *bool
		IndexFile *struct{ Fields []fieldI18n } `yaml:"index_file"`
		Fields    []fieldI18n
	}
}

type fieldI18n struct {
	Name string
	I18n any
}

// translatedFields are the fields a translation writes in its own
// language, by collection; every other field is the original's. They
// are what generator/check accepts in a translation.
var translatedFields = map[string][]string{
	"stories": {"title", "summary", "questions", "outcomes", "setbacks", "place", "period", "partners", "authors", "updated", "draft", "body"},
	"pages":   {"title", "summary", "body"},
	"intro":   {"title", "summary", "body"},
	"term":    {"title", "summary", "body"},
}

// TestConfigLanguages checks the editor's languages: a site with
// [languages.<code>] tables stores translations as Sveltia's
// multiple_files structure with the default language left out of file
// names (<name>.md, <name>.<code>.md, index.<code>.md), each collection
// has them, only the fields a translation may change are translatable,
// and slug, date and taxonomy terms are not; a site in one language has
// no i18n settings at all.
func TestConfigLanguages(t *testing.T) {
	for _, file := range sites {
		f := unpack(t, file)
		t.Run(f.name, func(t *testing.T) {
			_, data := readConfig(t, f.build(t))
			var g languages
			if err := yaml.Unmarshal(data, &g); err != nil {
				t.Fatal(err)
			}
			if len(f.cfg.Editions) == 0 {
				if g.I18n != nil || bytes.Contains(data, []byte("i18n:")) {
					t.Errorf("a site in one language has i18n settings:\n%s", data)
				}
				return
			}
			want := append([]string{f.cfg.Language}, f.cfg.Editions...)
			switch {
			case g.I18n == nil:
				t.Fatalf("a site with languages %v has no i18n settings:\n%s", want, data)
			case g.I18n.Structure != "multiple_files" || !g.I18n.OmitDefault:
				t.Errorf("i18n structure %q, omit_default_locale_from_file_path %v; want multiple_files without the default language in file names", g.I18n.Structure, g.I18n.OmitDefault)
			case !slices.Equal(g.I18n.Locales, want) || g.I18n.DefaultLocale != f.cfg.Language:
				t.Errorf("locales %v, default %q; want %v, default %q", g.I18n.Locales, g.I18n.DefaultLocale, want, f.cfg.Language)
			case g.I18n.InitialLocales != "default":
				t.Errorf("initial_locales %q: a new story would need every translation before it could be saved", g.I18n.InitialLocales)
			}
			if len(g.Collections) == 0 {
				t.Fatal("no collections")
			}
			for _, c := range g.Collections {
				if c.I18n == nil || !*c.I18n {
					t.Errorf("collection %s has no translations (i18n %v)", c.Name, c.I18n)
				}
				kind := c.Name
				if kind != "stories" && kind != "pages" {
					kind = "term"
				}
				checkTranslatable(t, c.Name, c.Fields, translatedFields[kind])
				if c.IndexFile != nil {
					checkTranslatable(t, c.Name+" intro", c.IndexFile.Fields, translatedFields["intro"])
				}
			}
			shared := map[string]bool{"slug": true, "date": true}
			for _, tax := range f.cfg.Taxonomies {
				shared[tax] = true
			}
			for _, fl := range g.Collections[0].Fields {
				if shared[fl.Name] {
					delete(shared, fl.Name)
					if fl.I18n != false {
						t.Errorf("story field %s: i18n %v, want false: a translation shares it with its original", fl.Name, fl.I18n)
					}
				}
			}
			if len(shared) > 0 {
				t.Errorf("no story fields %v", shared)
			}
		})
	}
}

// checkTranslatable checks that exactly the fields named in translated
// are i18n: true and every other is i18n: false.
func checkTranslatable(t *testing.T, where string, fields []fieldI18n, translated []string) {
	t.Helper()
	for _, fl := range fields {
		if want := slices.Contains(translated, fl.Name); fl.I18n != want {
			t.Errorf("%s: field %s has i18n %v, want %v", where, fl.Name, fl.I18n, want)
		}
	}
}

// TestSchemaRefusesBrokenLanguages checks that the Sveltia schema
// refuses the bilingual fixture's config with its i18n settings broken,
// so that its validation in TestConfigValidAgainstSveltiaSchema proves
// something about them.
func TestSchemaRefusesBrokenLanguages(t *testing.T) {
	dir := e2e.SveltiaDir(t)
	sch := compileSchema(t, filepath.Join(dir, "schema", "sveltia-cms.json"))
	f := unpack(t, "testdata/zweisprachig.txtar")
	_, data := readConfig(t, f.build(t))
	if err := sch.Validate(instance(t, data)); err != nil {
		t.Fatalf("admin/config.yml does not match the Sveltia CMS schema:\n%v", err)
	}
	for _, b := range []struct{ old, new string }{
		{"structure: multiple_files", "structure: multiple_file"},
		{"initial_locales: default", "initial_locales: some"},
		{"omit_default_locale_from_file_path: true", "omit_default_locale_from_file_path: yes please"},
		{"i18n: false", "i18n: maybe"},
	} {
		broken := bytes.Replace(data, []byte(b.old), []byte(b.new), 1)
		if err := sch.Validate(instance(t, broken)); bytes.Equal(broken, data) || err == nil {
			t.Errorf("the schema accepts %q in place of %q: the validation proves nothing", b.new, b.old)
		}
	}
}
