package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/suggest"
)

// MaxSize is the largest strings file accepted: 256 KiB.
const MaxSize = 256 << 10

// File is one parsed strings file: its messages and, for diagnostics,
// where each key is written.
type File struct {
	Path string
	Msgs map[string]Message
	data []byte
}

// Parse reads the strings file at path (for diagnostics) holding data.
// Every problem is a diagnostic at its line: TOML syntax, a value that is
// neither text, a table of plural forms nor (for date.months) a list of
// twelve names.
func Parse(path string, data []byte) (*File, diag.List) {
	var diags diag.List
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	f := &File{Path: path, Msgs: map[string]Message{}, data: data}
	if err := frontmatter.CheckLimits(data, frontmatter.TOML, 1, MaxSize, path); err != nil {
		var serr *frontmatter.SyntaxError
		if errors.As(err, &serr) {
			diags.Errorf(path, serr.Line, serr.Col, "%s", serr.Msg)
		} else {
			diags.Errorf(path, 0, 0, "%v", err)
		}
		return f, diags
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			diags.Errorf(path, perr.Position.Line, perr.Position.Col, "not valid TOML: %s", perr.Message)
		} else {
			diags.Errorf(path, 0, 0, "not valid TOML: %v", err)
		}
		return f, diags
	}
	f.walk(nil, raw, &diags)
	return f, diags
}

// walk adds the messages of table, whose key path is prefix.
func (f *File) walk(prefix []string, table map[string]any, diags *diag.List) {
	for _, name := range sortedNames(table) {
		path := append(slices.Clone(prefix), name)
		key := strings.Join(path, ".")
		switch v := table[name].(type) {
		case string:
			f.Msgs[key] = Message{Text: v}
		case []any:
			var list []string
			for _, item := range v {
				if s, ok := item.(string); ok {
					list = append(list, s)
				}
			}
			if key != "date.months" || len(list) != 12 || len(v) != 12 {
				f.errorf(diags, path, "%s must be a piece of text in quotes%s", key, listHint(key))
				continue
			}
			f.Msgs[key] = Message{List: list}
		case map[string]any:
			if !isPlural(v) {
				f.walk(path, v, diags)
				continue
			}
			forms := map[string]string{}
			for form, text := range v {
				s, ok := text.(string)
				if !ok {
					f.errorf(diags, append(path, form), "the %s form of %s must be a piece of text in quotes", form, key)
				}
				forms[form] = s
			}
			if forms["other"] == "" {
				f.errorf(diags, path, "%s needs an \"other\" form, used for every number the other forms do not cover", key)
				continue
			}
			f.Msgs[key] = Message{Plural: forms}
		default:
			f.errorf(diags, path, "%s must be a piece of text in quotes", key)
		}
	}
}

func listHint(key string) string {
	if key == "date.months" {
		return ", or for date.months a list of the twelve month names"
	}
	return ""
}

// isPlural reports whether a table is the plural forms of one string: its
// keys are all plural form names.
func isPlural(table map[string]any) bool {
	if len(table) == 0 {
		return false
	}
	for k, v := range table {
		if _, isTable := v.(map[string]any); isTable || !slices.Contains(Forms, k) {
			return false
		}
	}
	return true
}

func (f *File) errorf(diags *diag.List, path []string, format string, args ...any) {
	line, col := config.KeyPosition(f.data, path)
	diags.Errorf(f.Path, line, col, format, args...)
}

// CheckAgainst reports, at their lines, the keys of f that reference (the
// theme's reference strings) does not have, with the nearest known key,
// and strings that use more values than the theme gives them (most holds
// the largest placeholder number any of the theme's languages uses).
func (f *File) CheckAgainst(reference map[string]Message, most map[string]int) diag.List {
	var diags diag.List
	known := make([]string, 0, len(reference))
	for k := range reference {
		known = append(known, k)
	}
	sort.Strings(known)
	for _, key := range sortedNames(f.Msgs) {
		ref, ok := reference[key]
		path := strings.Split(key, ".")
		if !ok {
			f.errorf(&diags, path, "unknown string %q%s; the theme's strings are listed in its i18n/%s.toml", key, suggest.Hint(key, known), Reference)
			continue
		}
		m := f.Msgs[key]
		if (ref.List != nil) != (m.List != nil) {
			f.errorf(&diags, path, "%s must be %s", key, shape(ref))
			continue
		}
		if n := maxPlaceholder(m); n > most[key] {
			f.errorf(&diags, path, "%s uses {%d}, but it is given %s", key, n, values(most[key]+1))
		}
	}
	return diags
}

func shape(m Message) string {
	if m.List != nil {
		return "a list of the twelve month names"
	}
	return "a piece of text in quotes, or a table of plural forms"
}

func values(n int) string {
	switch n {
	case 0:
		return "no values"
	case 1:
		return "only {0}"
	}
	return fmt.Sprintf("only {0} to {%d}", n-1)
}

// maxPlaceholder is the largest placeholder number that m uses, or -1.
func maxPlaceholder(m Message) int {
	n := placeholders(m.Text)
	for _, text := range m.Plural {
		n = max(n, placeholders(text))
	}
	return n
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
