package check

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
)

// fields decodes the front matter of one file, reporting each problem at
// the offending value.
type fields struct {
	path  string
	front *frontmatter.Node
	// start is where "missing field" problems are reported: the line that
	// opens the front matter.
	start int
	diags *diag.List
	seen  map[string]bool
}

func (f *fields) errorf(n *frontmatter.Node, format string, args ...any) {
	f.diags.Errorf(f.path, n.Line, n.Col, format, args...)
}

func (f *fields) get(key string) *frontmatter.Node {
	f.seen[key] = true
	v, _ := f.front.Get(key)
	if v != nil && v.Kind == frontmatter.Null {
		return nil
	}
	return v
}

// missing reports a required field that is absent.
func (f *fields) missing(key, hint string) {
	f.diags.Errorf(f.path, f.start, 1, "%s is required: %s", key, hint)
}

// text decodes a single string value; required fields report absence.
func (f *fields) text(key string, required bool, hint string) string {
	n := f.get(key)
	if n == nil {
		if required {
			f.missing(key, hint)
		}
		return ""
	}
	if n.Kind != frontmatter.Scalar {
		f.errorf(n, "%s must be a single piece of text, not %s", key, n.Kind)
		return ""
	}
	v := f.visible(key, n, strings.TrimSpace(n.Value))
	if v == "" && required {
		f.errorf(n, "%s is empty: %s", key, hint)
	}
	return v
}

// visible reports the characters of a value that a reader cannot see or
// that reorder the text around them, and returns the value without them.
func (f *fields) visible(key string, n *frontmatter.Node, v string) string {
	if r, hidden := content.HiddenRune(v); hidden {
		f.errorf(n, "%s holds an invisible or direction-changing character (%U): delete it", key, r)
		return content.WithoutHiddenRunes(v)
	}
	return v
}

// list decodes a list of strings; a single string is a list of one.
func (f *fields) list(key string) []content.Text {
	n := f.get(key)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case frontmatter.Scalar:
		if strings.TrimSpace(n.Value) == "" {
			return nil
		}
		return []content.Text{{Value: f.visible(key, n, strings.TrimSpace(n.Value)), Pos: f.pos(n)}}
	case frontmatter.List:
		var out []content.Text
		for _, item := range n.Items {
			if item.Kind != frontmatter.Scalar {
				f.errorf(item, "each entry of %s must be a piece of text, not %s", key, item.Kind)
				continue
			}
			if v := f.visible(key, item, strings.TrimSpace(item.Value)); v != "" {
				out = append(out, content.Text{Value: v, Pos: f.pos(item)})
			}
		}
		return out
	}
	f.errorf(n, "%s must be a list such as [a, b], not %s", key, n.Kind)
	return nil
}

func (f *fields) strings(key string) []string {
	var out []string
	for _, t := range f.list(key) {
		out = append(out, t.Value)
	}
	return out
}

func (f *fields) pos(n *frontmatter.Node) content.Pos {
	return content.Pos{Path: f.path, Line: n.Line, Col: n.Col}
}

// date decodes a YYYY-MM-DD calendar date.
func (f *fields) date(key string, required bool) (time.Time, *frontmatter.Node) {
	n := f.get(key)
	if n == nil {
		if required {
			f.missing(key, "the date the story was published, as YYYY-MM-DD, such as 2019-08-30")
		}
		return time.Time{}, nil
	}
	if n.Kind != frontmatter.Scalar {
		f.errorf(n, "%s must be a date such as 2019-08-30, not %s", key, n.Kind)
		return time.Time{}, nil
	}
	v := strings.TrimSpace(n.Value)
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		if len(v) > 10 {
			if t2, err2 := time.Parse(time.DateOnly, v[:10]); err2 == nil && (v[10] == 'T' || v[10] == ' ') {
				f.errorf(n, "%s %q has a time in it; write only the date, %s", key, v, t2.Format(time.DateOnly))
				return t2, n
			}
		}
		f.errorf(n, "%s %q is not a real calendar date in the form YYYY-MM-DD%s", key, v, dateHint(v))
		return time.Time{}, nil
	}
	if t.Year() < minYear || t.Year() > maxYear {
		// 0001-01-01 is Go's zero time, which later stages read as "no
		// date"; 9999-12-31 would pin a story to the top of every list.
		f.errorf(n, "%s %q is outside the years %d to %d", key, v, minYear, maxYear)
		return time.Time{}, nil
	}
	return t, n
}

// The years a story's dates may fall in.
const (
	minYear = 1900
	maxYear = 2099
)

// dateHint suggests the YYYY-MM-DD form of a date written day first.
func dateHint(v string) string {
	for _, layout := range []string{"02/01/2006", "2/1/2006", "02.01.2006", "02-01-2006", "2 January 2006", "January 2, 2006", "2006/01/02", "2006-1-2"} {
		if t, err := time.Parse(layout, v); err == nil {
			return " (did you mean " + t.Format(time.DateOnly) + "?)"
		}
	}
	var y, m, d int
	if n, _ := fmt.Sscanf(v, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(v) == 10 {
		if m < 1 || m > 12 {
			return fmt.Sprintf(" (month %d does not exist: the month comes second, as in 2019-08-30)", m)
		}
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return fmt.Sprintf(" (%s %d has %d days)", time.Month(m), y, last)
	}
	return " (such as 2019-08-30)"
}

// boolean decodes true/false.
func (f *fields) boolean(key string) bool {
	n := f.get(key)
	if n == nil {
		return false
	}
	if n.Kind == frontmatter.Scalar && !n.Quoted {
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b
		}
	}
	f.errorf(n, "%s must be true or false, without quotes", key)
	return false
}

// integer decodes a whole number.
func (f *fields) integer(key string) int {
	n := f.get(key)
	if n == nil {
		return 0
	}
	if n.Kind == frontmatter.Scalar {
		if i, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil {
			return i
		}
	}
	f.errorf(n, "%s must be a whole number such as 1", key)
	return 0
}

// unknownKeys warns about keys nobody read, with the nearest known key.
func (f *fields) unknownKeys(known []string) {
	for _, k := range f.front.Keys {
		if f.seen[k.Value] {
			continue
		}
		f.diags.Warnf(f.path, k.Line, k.Col, "unknown front matter key %q is ignored%s", k.Value, hintOrList(k.Value, known))
	}
}
