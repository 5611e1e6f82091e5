// Package i18n holds the user-interface strings of a theme in each
// language, and formats them: navigation, headings, buttons, dates,
// reading times and the messages of the theme's scripts.
//
// A theme keeps its strings in i18n/<code>.toml, one file per language
// (the built-in theme ships en, cy and gd). Keys may be grouped in tables;
// a key's full name joins the tables with dots:
//
//	[nav]
//	stories = "Stories"                         # "nav.stories"
//	[count]
//	stories = { one = "{0} story", other = "{0} stories" }
//
// {0}, {1} … are the values a string is given, in order. A string that
// depends on a number is a table of CLDR plural forms (zero, one, two,
// few, many, other; other is required): the first value picks the form by
// the language's plural rules, so Welsh can say "2 stori" and Gaelic
// "3 sgeulachdan". date.format and date.months say how dates read.
//
// English (en.toml) is the reference: it names every key, and any string
// another language lacks is taken from it. A site overrides strings in
// its own i18n/<code>.toml; a key that the theme does not have there is an
// error at its line, with the nearest known key as a suggestion.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Reference is the language whose file names every key.
const Reference = "en"

// Message is one string: Text, or, when it depends on a number, one text
// per plural form; or, for date.months, a list.
type Message struct {
	Text   string
	Plural map[string]string
	List   []string
}

// Catalog is the strings of one language, with the reference language's
// for what it lacks. It is read-only and safe for concurrent use.
type Catalog struct {
	// Lang is the language's code as the site writes it ("cy", "en-GB").
	Lang     string
	tag      language.Tag
	msgs     map[string]Message
	fallback map[string]Message
}

// NewCatalog returns the catalog of lang made of msgs, falling back to
// reference for missing keys (reference may be nil).
func NewCatalog(lang string, msgs, reference map[string]Message) *Catalog {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	return &Catalog{Lang: lang, tag: tag, msgs: msgs, fallback: reference}
}

// Has reports whether the catalog, or its reference, has key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.lookup(key)
	return ok
}

func (c *Catalog) lookup(key string) (Message, bool) {
	if m, ok := c.msgs[key]; ok {
		return m, true
	}
	m, ok := c.fallback[key]
	return m, ok
}

// T formats the string key with args: {0} is args[0] and so on. When the
// string has plural forms, the first argument, a number, picks one. An
// unknown key is an error, so that a theme's typo fails its build.
func (c *Catalog) T(key string, args ...any) (string, error) {
	m, ok := c.lookup(key)
	if !ok {
		return "", fmt.Errorf("no user-interface string %q in the theme's i18n/%s.toml", key, Reference)
	}
	text := m.Text
	if m.Plural != nil {
		n := 0
		if len(args) > 0 {
			n, _ = toInt(args[0])
		}
		text = m.Plural[c.Form(n)]
		if text == "" {
			text = m.Plural["other"]
		}
	}
	return fill(text, args), nil
}

// S is T for strings that Go code asks for by a fixed key: an unknown key
// gives the key itself, which tests catch.
func (c *Catalog) S(key string, args ...any) string {
	s, err := c.T(key, args...)
	if err != nil {
		return key
	}
	return s
}

// Form names the plural form of n in the catalog's language: "zero",
// "one", "two", "few", "many" or "other", by CLDR's rules.
func (c *Catalog) Form(n int) string {
	if n < 0 {
		n = -n
	}
	f := plural.Cardinal.MatchPlural(c.tag, n, 0, 0, 0, 0)
	return formNames[f]
}

var formNames = map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many"}

// Forms are the names of the plural forms a string may have.
var Forms = []string{"zero", "one", "two", "few", "many", "other"}

// Date formats a date for readers: "3 November 2020", "3 Tachwedd 2020".
func (c *Catalog) Date(t time.Time) string {
	months, _ := c.lookup("date.months")
	month := t.Month().String()
	if len(months.List) == 12 {
		month = months.List[t.Month()-1]
	}
	format, ok := c.lookup("date.format")
	if !ok {
		return t.Format("2 January 2006")
	}
	return fill(format.Text, []any{t.Day(), month, t.Year()})
}

// Messages returns the strings whose keys start with prefix, without it,
// each as a text or a map of plural forms: what the theme's scripts get.
func (c *Catalog) Messages(prefix string) map[string]any {
	out := map[string]any{}
	for _, src := range []map[string]Message{c.fallback, c.msgs} {
		for k, m := range src {
			name, ok := strings.CutPrefix(k, prefix)
			if !ok {
				continue
			}
			switch {
			case m.Plural != nil:
				out[name] = m.Plural
			case m.List != nil:
				out[name] = m.List
			default:
				out[name] = m.Text
			}
		}
	}
	return out
}

// fill replaces {0}, {1} … in text with args; a brace that is not a
// placeholder stays as written.
func fill(text string, args []any) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}')
		n, err := strconv.Atoi(text[i+1 : i+max(j, 1)])
		if j < 0 || err != nil || n < 0 || n >= len(args) {
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		fmt.Fprint(&b, args[n])
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return b.String()
}

// placeholders returns the largest placeholder number in text, or -1.
func placeholders(text string) int {
	most := -1
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return most
		}
		text = text[i+1:]
		j := strings.IndexByte(text, '}')
		if j < 0 {
			return most
		}
		if n, err := strconv.Atoi(text[:j]); err == nil && n >= 0 {
			most = max(most, n)
		}
	}
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case uint64:
		return int(n), true
	}
	return 0, false
}
