package config

import (
	"fmt"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/suggest"
)

// Language is one further language of a site: a [languages.<code>] table
// of site.toml. Title and Description replace the site's in that language;
// empty ones keep the site's.
type Language struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
}

var languageKeys = []string{"title", "description"}

// Edition returns the settings of the site in its further language code:
// the same site with that language, its title and description, and a base
// URL one folder deeper (/<code>/), under which Rel and Abs then put every
// page. Root-level files that all languages share (style sheets, scripts,
// robots.txt) are reached with RootRel and RootAbs. Edition returns nil
// when code is not one of cfg.Editions.
func (cfg *Config) Edition(code string) *Config {
	lang, ok := cfg.Languages[code]
	if !ok || cfg.Root != nil {
		return nil
	}
	ed := *cfg
	ed.Language = code
	ed.Languages, ed.Editions = nil, nil
	ed.Root = cfg
	ed.Title = firstText(lang.Title, cfg.Title)
	ed.Description = firstText(lang.Description, cfg.Description)
	base := *cfg.Base
	base.Path += code + "/"
	ed.Base = &base
	ed.BaseURL = base.String()
	return &ed
}

// EditionPrefix is the folder of the output that holds the pages in cfg's
// language: "" for the default language, "<code>/" for the others.
func (cfg *Config) EditionPrefix() string {
	if cfg.Root == nil {
		return ""
	}
	return cfg.Language + "/"
}

// RootRel is Rel for a file that every language shares, at the root of
// the output folder.
func (cfg *Config) RootRel(sitePath string) string { return cfg.root().Rel(sitePath) }

// RootAbs is Abs for a file that every language shares.
func (cfg *Config) RootAbs(sitePath string) string { return cfg.root().Abs(sitePath) }

func (cfg *Config) root() *Config {
	if cfg.Root != nil {
		return cfg.Root
	}
	return cfg
}

func firstText(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// validateLanguages checks language and every [languages.<code>] table:
// each code must be a well-formed BCP 47 tag (a language name such as
// "Welsh" is an error that suggests "cy"), and none may repeat the default
// language. It lists the further languages in cfg.Editions, in the order
// of the file.
func (cfg *Config) validateLanguages(data []byte, md toml.MetaData, diags *diag.List) {
	if md.IsDefined("language") {
		line, col := keyPosition(data, "language")
		if tag, msg := checkTag(cfg.Language); msg != "" {
			diags.Errorf(File, line, valueColumn(data, line, col), "language %s", msg)
		} else {
			cfg.Language = tag
		}
	}
	if t := md.Type("languages"); t != "" && t != "Hash" {
		line, col := keyPosition(data, "languages")
		diags.Errorf(File, line, col, "languages must be tables such as [languages.cy] with title and description in quotes")
		return
	}
	seen := map[string]bool{}
	for _, key := range md.Keys() {
		if len(key) != 2 || key[0] != "languages" {
			continue
		}
		code := key[1]
		line, col := keyPathPosition(data, key)
		if i := strings.Index(lineText(data, line), code); i >= 0 {
			col = i + 1
		}
		tag, msg := checkTag(code)
		switch {
		case msg != "":
			diags.Errorf(File, line, col, "[languages.%s]: %s", code, msg)
			continue
		case tag != code:
			diags.Errorf(File, line, col, "[languages.%s]: write the language code as %q: it is also the folder /%s/ of the site", code, tag, tag)
			continue
		case strings.EqualFold(tag, cfg.Language):
			diags.Errorf(File, line, col, "[languages.%s] is the default language of the site (language = %q); list only the further languages", code, cfg.Language)
			continue
		case seen[strings.ToLower(tag)]:
			continue
		}
		seen[strings.ToLower(tag)] = true
		cfg.Editions = append(cfg.Editions, tag)
	}
}

// checkTag parses a BCP 47 tag. It returns the tag in its canonical form,
// or a message saying what is wrong with it, with a suggestion.
func checkTag(s string) (string, string) {
	tag, err := language.Parse(s)
	if err == nil && s != "" && !strings.EqualFold(s, "und") {
		// language.Parse accepts any case; the canonical form has the
		// language in lowercase and a region in capitals.
		return canonicalCase(s, tag), ""
	}
	msg := fmt.Sprintf("%q is not a BCP 47 language tag such as \"en-GB\", \"cy\" or \"gd\"", s)
	if code := codeForName(s); code != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", code)
	}
	return "", msg
}

// canonicalCase keeps the subtags the contributor wrote (language.Tag's
// String may replace deprecated ones) but in the case BCP 47 recommends.
func canonicalCase(s string, tag language.Tag) string {
	parts := strings.Split(strings.ReplaceAll(s, "_", "-"), "-")
	for i, p := range parts {
		switch {
		case i == 0:
			parts[i] = strings.ToLower(p)
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		case len(p) == 4:
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	out := strings.Join(parts, "-")
	if _, err := language.Parse(out); err != nil {
		return tag.String()
	}
	return out
}

// languageNames maps the English and the native names of languages
// ("welsh", "cymraeg") to their two-letter codes, for suggestions.
var languageNames = sync.OnceValue(func() map[string]string {
	names := map[string]string{}
	english := display.English.Languages()
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			base, err := language.ParseBase(code)
			if err != nil {
				continue
			}
			tag := language.Make(base.String())
			if tag.String() != code {
				continue
			}
			for _, name := range []string{english.Name(tag), display.Self.Name(tag)} {
				if name != "" {
					if _, taken := names[strings.ToLower(name)]; !taken {
						names[strings.ToLower(name)] = code
					}
				}
			}
		}
	}
	return names
})

// codeForName returns the code of the language called name, in English or
// in itself, or of the nearest such name; "" when none is near.
func codeForName(name string) string {
	names := languageNames()
	key := strings.ToLower(strings.TrimSpace(name))
	if code, ok := names[key]; ok {
		return code
	}
	known := make([]string, 0, len(names))
	for n := range names {
		known = append(known, n)
	}
	if near := suggest.Nearest(key, known); near != "" {
		return names[near]
	}
	return ""
}

// valueColumn is the column where the value of the key at line, col
// starts (after "= " and an opening quote), for diagnostics about values.
func valueColumn(data []byte, line, col int) int {
	text := lineText(data, line)
	if i := strings.IndexByte(text, '='); i >= 0 {
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '"' || text[j] == '\'') {
			j++
		}
		return j + 1
	}
	return col
}

func lineText(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// AllLanguages returns every language of the site, the default first.
func (cfg *Config) AllLanguages() []string {
	return append([]string{cfg.Language}, cfg.Editions...)
}

// tablePosition finds the first table header of key ("[languages.cy]" for
// "languages").
func tablePosition(data []byte, key string) (line, col int) {
	for i, text := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(text, " \t")
		if strings.HasPrefix(trimmed, "["+key) {
			return i + 1, len(text) - len(trimmed) + 1
		}
	}
	return 0, 0
}
