// Package config reads site.toml, the settings of a site:
//
//	title = "Care Stories Cymru"
//	description = "Practice stories from our programme"
//	base_url = "https://example.org/casebook/"   # a path prefix is honoured in every link
//	language = "en-GB"
//	theme = "default"
//	taxonomies = ["principles", "sectors", "themes"]
//	optional_taxonomies = ["themes"]   # taxonomies a story may leave out
//
// Unknown keys, wrong types and syntax errors are diagnostics at their line
// in site.toml. The first taxonomy is the primary one: the site is organised
// around it (in the sample site, the four principles).
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/suggest"
)

// File is the name of the settings file in the site folder.
const File = "site.toml"

// MaxSize is the largest site.toml accepted: 256 KiB.
const MaxSize = 256 << 10

// Config holds a site's settings after validation.
type Config struct {
	Title       string   `toml:"title"`
	Description string   `toml:"description"`
	BaseURL     string   `toml:"base_url"`
	Language    string   `toml:"language"`
	Theme       string   `toml:"theme"`
	Taxonomies  []string `toml:"taxonomies"`
	// OptionalTaxonomies are the taxonomies a story may leave out: a
	// subset of Taxonomies.
	OptionalTaxonomies []string `toml:"optional_taxonomies"`
	// Style is the site's own look ([style]; see style.go).
	Style Style `toml:"style"`
	// Languages are the further languages of the site, by BCP 47 code
	// ([languages.<code>] tables); Editions lists their codes in the
	// order of the file.
	Languages map[string]Language `toml:"languages"`
	Editions  []string            `toml:"-"`
	// Root is the settings of the site in its default language when these
	// are those of a further language (see Edition); nil otherwise.
	Root *Config `toml:"-"`
	// CMS is the [cms] table, nil without one.
	CMS *CMS `toml:"cms"`

	// Base is BaseURL parsed, always with a trailing slash in its path.
	Base *url.URL `toml:"-"`
}

var knownKeys = []string{"title", "description", "base_url", "language", "theme", "taxonomies", "optional_taxonomies", "style", "languages", "cms"}

var taxonomyName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// Parse decodes site.toml. baseURL, when not empty, overrides base_url (the
// -base-url flag). The returned list holds every problem found; the Config
// is usable only when the list has no errors.
func Parse(data []byte, baseURL string) (*Config, diag.List) {
	var diags diag.List
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cfg := &Config{Language: "en", Theme: "default"}
	// The TOML decoder's time and memory grow with the square of the
	// nesting depth: measure it before decoding.
	if err := frontmatter.CheckLimits(data, frontmatter.TOML, 1, MaxSize, File); err != nil {
		var serr *frontmatter.SyntaxError
		errors.As(err, &serr)
		diags.Errorf(File, serr.Line, serr.Col, "%s", serr.Msg)
		return cfg, diags
	}
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		var perr toml.ParseError
		switch {
		case errors.As(err, &perr):
			diags.Errorf(File, perr.Position.Line, perr.Position.Col, "not valid TOML: %s", perr.Message)
		case !typeErrors(data, &diags) && !cmsTypeErrors(data, &diags):
			diags.Errorf(File, 0, 0, "%v", err)
		}
		return cfg, diags
	}
	for _, key := range topmostUndecoded(md.Undecoded()) {
		name, known := key.String(), knownKeys
		if len(key) == 2 && key[0] == "style" {
			name, known = key[1], styleKeys
		}
		line, col := keyPathPosition(data, key)
		if len(key) == 3 && key[0] == "languages" {
			name, known = key[2], languageKeys
			diags.Errorf(File, line, col, "unknown setting %q in [languages.%s]%s; known settings are %s", name, key[1],
				suggest.Hint(name, known), strings.Join(known, ", "))
			continue
		}
		if len(key) == 2 && key[0] == "cms" {
			diags.Errorf(File, line, col, "unknown [cms] setting %q%s; known [cms] settings are %s", key[1],
				suggest.Hint(key[1], cmsKeys), strings.Join(cmsKeys, ", "))
			continue
		}
		diags.Errorf(File, line, col, "unknown setting %q%s; known settings are %s", name,
			suggest.Hint(name, known), strings.Join(known, ", "))
	}
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	cfg.validate(data, md, &diags)
	return cfg, diags
}

func (cfg *Config) validate(data []byte, md toml.MetaData, diags *diag.List) {
	if strings.TrimSpace(cfg.Title) == "" {
		line, col := keyPosition(data, "title")
		diags.Errorf(File, line, col, "title is required: the name of the site, shown in every page header")
	}
	if !md.IsDefined("taxonomies") {
		cfg.Taxonomies = []string{"principles", "sectors", "themes"}
	}
	seen := map[string]bool{}
	for _, name := range cfg.Taxonomies {
		line, col := keyPosition(data, "taxonomies")
		switch {
		case !taxonomyName.MatchString(name) || name == "stories" || name == "pages" || name == "search":
			diags.Errorf(File, line, col, "taxonomy %q is not a valid name: use lowercase letters, digits and '-', and not stories, pages or search", name)
		case seen[name]:
			diags.Errorf(File, line, col, "taxonomy %q is listed twice", name)
		}
		seen[name] = true
	}
	if len(cfg.Taxonomies) == 0 {
		line, col := keyPosition(data, "taxonomies")
		diags.Errorf(File, line, col, "taxonomies must list at least one taxonomy, such as \"principles\"")
	}
	cfg.validateOptional(data, diags)
	cfg.validateStyle(data, diags)
	cfg.validateLanguages(data, md, diags)
	cfg.validateCMS(data, md, diags)
	raw := cfg.BaseURL
	if raw == "" {
		raw = "http://localhost/"
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		line, col := keyPosition(data, "base_url")
		diags.Errorf(File, line, col, "base_url %q must be an absolute http or https URL such as \"https://example.org/casebook/\"", cfg.BaseURL)
		u, _ = url.Parse("http://localhost/")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	cfg.Base = u
	cfg.BaseURL = u.String()
}

// typeErrors reports settings whose value has the wrong type, at their
// line, and whether it found any. The TOML decoder reports a type mismatch
// only as text.
func typeErrors(data []byte, diags *diag.List) bool {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return false
	}
	found := false
	for _, key := range knownKeys {
		v, ok := raw[key]
		if !ok || key == "cms" {
			continue
		}
		want, good := "a piece of text in quotes", true
		if key == "style" {
			found = styleTypeErrors(data, v, diags) || found
			continue
		}
		if key == "languages" {
			tables, isMap := v.(map[string]any)
			good = isMap
			for _, table := range tables {
				fields, isTable := table.(map[string]any)
				for _, f := range fields {
					_, isString := f.(string)
					good = good && isString
				}
				good = good && isTable
			}
			if !good {
				line, col := keyPosition(data, key)
				if line == 0 {
					line, col = tablePosition(data, key)
				}
				diags.Errorf(File, line, col, "languages must be tables such as [languages.cy] with title and description in quotes")
				found = true
			}
			continue
		}
		if key == "taxonomies" || key == "optional_taxonomies" {
			want = `a list of names such as ["principles", "sectors", "themes"]`
			list, isList := v.([]any)
			for _, item := range list {
				_, isString := item.(string)
				good = good && isString
			}
			good = good && isList
		} else {
			_, good = v.(string)
		}
		if !good {
			line, col := keyPosition(data, key)
			diags.Errorf(File, line, col, "%s must be %s", key, want)
			found = true
		}
	}
	return found
}

// keyPosition finds where key is assigned in data, for diagnostics about
// values the TOML decoder accepted but casebook does not. BurntSushi/toml
// keeps no positions for decoded keys.
func keyPosition(data []byte, key string) (line, col int) {
	for i, text := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(text, " \t")
		rest, ok := strings.CutPrefix(trimmed, key)
		if !ok {
			rest, ok = strings.CutPrefix(trimmed, `"`+key+`"`)
		}
		if ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
			return i + 1, len(text) - len(trimmed) + 1
		}
	}
	return 0, 0
}

// validateOptional reports optional taxonomies that are not taxonomies of
// the site, or listed twice, at the line of optional_taxonomies.
func (cfg *Config) validateOptional(data []byte, diags *diag.List) {
	seen := map[string]bool{}
	for _, name := range cfg.OptionalTaxonomies {
		line, col := keyPosition(data, "optional_taxonomies")
		switch {
		case !slices.Contains(cfg.Taxonomies, name):
			diags.Errorf(File, line, col, "optional taxonomy %q is not one of the taxonomies%s; taxonomies are %s",
				name, suggest.Hint(name, cfg.Taxonomies), strings.Join(cfg.Taxonomies, ", "))
		case seen[name]:
			diags.Errorf(File, line, col, "optional taxonomy %q is listed twice", name)
		}
		seen[name] = true
	}
}

// Optional reports whether stories may leave out the taxonomy name.
func (cfg *Config) Optional(name string) bool { return slices.Contains(cfg.OptionalTaxonomies, name) }

// Prefix is the path of the base URL, such as "/" or "/casebook/"; every
// generated internal link starts with it.
func (cfg *Config) Prefix() string { return cfg.Base.Path }

// Abs turns a site path such as "stories/x/" into an absolute URL under the
// base URL, for feeds, sitemaps and canonical links.
func (cfg *Config) Abs(sitePath string) string {
	return cfg.Base.Scheme + "://" + cfg.Base.Host + cfg.Base.Path + sitePath
}

// Rel turns a site path such as "stories/x/" into a link from any page:
// the base URL's path prefix followed by the site path.
func (cfg *Config) Rel(sitePath string) string { return cfg.Base.Path + sitePath }

// String gives a short description for logs.
func (cfg *Config) String() string { return fmt.Sprintf("%s (%s)", cfg.Title, cfg.BaseURL) }
