package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// Kinds of page, each rendered by the template of the same name.
var kinds = []string{"home", "stories", "story", "taxonomy", "term", "page", "404", "search"}

// Theme is a parsed set of templates and static files.
type Theme struct {
	templates map[string]*template.Template
	// Static maps paths under static/ to their bytes.
	Static map[string][]byte
}

// LoadTheme reads a theme from builtin, with files of override (a site's
// own themes/<name>/ folder, may be nil) replacing single templates and
// static files of the same name. A theme holds templates/base.html,
// templates/partials.html and one templates/<kind>.html per page kind,
// and any files under static/.
func LoadTheme(builtin, override fs.FS) (*Theme, error) {
	files := map[string][]byte{}
	origin := map[string]string{}
	for _, src := range []struct {
		fsys fs.FS
		name string
	}{{builtin, "built-in theme"}, {override, "site theme"}} {
		if src.fsys == nil {
			continue
		}
		err := fs.WalkDir(src.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src.fsys, p)
			if err != nil {
				return err
			}
			files[p], origin[p] = data, src.name
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("reading %s: %w", src.name, err)
		}
	}
	th := &Theme{templates: map[string]*template.Template{}, Static: map[string][]byte{}}
	for p, data := range files {
		if rest, ok := strings.CutPrefix(p, "static/"); ok {
			th.Static[rest] = data
		}
	}
	base := template.New("theme").Funcs(funcs)
	for _, name := range []string{"base.html", "partials.html"} {
		src, ok := files["templates/"+name]
		if !ok {
			return nil, fmt.Errorf("theme has no templates/%s", name)
		}
		if _, err := base.New(name).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("%s: %w", origin["templates/"+name], err)
		}
	}
	for _, kind := range kinds {
		p := "templates/" + kind + ".html"
		src, ok := files[p]
		if !ok {
			return nil, fmt.Errorf("theme has no %s", p)
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(kind + ".html").Parse(string(src)); err != nil {
			return nil, fmt.Errorf("%s: %w", origin[p], err)
		}
		th.templates[kind] = t
	}
	return th, nil
}

// StaticPaths returns the static files' paths, sorted.
func (th *Theme) StaticPaths() []string {
	var out []string
	for p := range th.Static {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

var funcs = template.FuncMap{
	// date formats a date for readers: "30 August 2019".
	"date": func(t time.Time) string { return t.Format("2 January 2006") },
	// isodate formats a date for machines: "2019-08-30".
	"isodate": func(t time.Time) string { return t.Format(time.DateOnly) },
	// join joins strings with ", ".
	"join": func(list []string) string { return strings.Join(list, ", ") },
	// plural picks the singular or plural word for n.
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
	"base": path.Base,
}
