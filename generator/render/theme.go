package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
)

// Kinds of page, each rendered by the template of the same name.
var kinds = []string{"home", "stories", "story", "taxonomy", "term", "page", "404", "search", "intersection", "redirect", "print"}

// Theme is a parsed set of templates and static files.
type Theme struct {
	// plain are the templates as written, for builds that record nothing;
	// templates are the same rewritten to record what they read.
	plain     map[string]*template.Template
	templates map[string]*template.Template
	// Static maps paths under static/ to their bytes.
	Static map[string][]byte
	// hash identifies the theme's files and strings, for records (see
	// record.go).
	hash uint64
	// own is set when the site has templates of its own (any file under
	// templates/ whose bytes differ from the built-in theme's). Those may
	// show any story's body on any page, so a one-shot build keeps every
	// body until the end (Options.Release does not apply); the built-in
	// templates show a body on its story's page and its terms' packs only.
	own bool
	// compact is set when the templates were minified as they loaded.
	compact bool
	// access holds one accessor per rendering goroutine: each language's
	// templates have a copy bound to each (see localized). A Theme
	// renders one site at a time.
	access []*accessor
	// strings are the theme's user-interface strings, with the site's
	// own laid over them (see Localize).
	strings *i18n.Set
	// mu guards langs, the templates of each language, made on first use.
	mu    sync.Mutex
	langs map[string]*localized
}

// LoadTheme reads a theme from builtin, with files of override (a site's
// own themes/<name>/ folder, may be nil) replacing single templates and
// static files of the same name. A theme holds templates/base.html,
// templates/partials.html and one templates/<kind>.html per page kind,
// and any files under static/.
func LoadTheme(builtin, override fs.FS) (*Theme, error) {
	return loadTheme(builtin, override, nil)
}

// LoadMinifiedTheme is LoadTheme with the HTML templates minified by
// minify as they load, when that is safe (see MinifyTemplate and
// Compact); when it is not, the theme is loaded as written.
func LoadMinifiedTheme(builtin, override fs.FS, minify MinifyTemplate) (*Theme, error) {
	return loadTheme(builtin, override, minify)
}

func loadTheme(builtin, override fs.FS, minify MinifyTemplate) (*Theme, error) {
	files := map[string][]byte{}
	origin := map[string]string{}
	// Strings files lay over each other key by key, the site theme's
	// over the built-in one's, so they are kept apart from files.
	var stringFiles []*i18n.File
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
			if info, err := fs.Stat(src.fsys, p); err != nil || !info.Mode().IsRegular() {
				// Reading a named pipe would wait for a writer forever.
				return cmp.Or(err, fmt.Errorf("%s is not a regular file", p))
			}
			data, err := fs.ReadFile(src.fsys, p)
			if err != nil {
				return err
			}
			if prev, ok := files[p]; ok && bytes.Equal(prev, data) {
				// An unchanged copy of a built-in file (such as one
				// `casebook theme export` wrote) is still the built-in one.
				return nil
			}
			if isStrings(p) {
				f, diags := i18n.Parse(p, data)
				if diags.HasErrors() {
					return fmt.Errorf("%s: %w", src.name, diags.Err())
				}
				stringFiles = append(stringFiles, f)
			}
			files[p], origin[p] = data, src.name
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("reading %s: %w", src.name, err)
		}
	}
	th := &Theme{templates: map[string]*template.Template{}, Static: map[string][]byte{}, strings: i18n.NewSet(stringFiles)}
	th.bundleStatic(files)
	th.hash = hashFiles(files)
	th.own = ownTemplates(origin)
	for range max(1, runtime.GOMAXPROCS(0)) {
		th.access = append(th.access, &accessor{})
	}
	for _, name := range []string{"base.html", "partials.html"} {
		if _, ok := files["templates/"+name]; !ok {
			return nil, fmt.Errorf("theme has no templates/%s", name)
		}
	}
	if minify != nil {
		if small, ok := compactTemplates(files, minify); ok && th.parseAll(small, origin) == nil {
			th.compact = true
			th.hash ^= compactSalt
			return th, nil
		}
	}
	if err := th.parseAll(files, origin); err != nil {
		return nil, err
	}
	return th, nil
}

// compactSalt tells a minified theme's records from those of the same
// theme as written.
const compactSalt = 0x6a09e667f3bcc908

// parseAll parses the templates twice, as written and recording.
func (th *Theme) parseAll(files map[string][]byte, origin map[string]string) error {
	var err error
	if th.plain, err = th.parse(files, origin, false); err != nil {
		return err
	}
	th.templates, err = th.parse(files, origin, true)
	return err
}

// Compact reports whether the theme's templates were minified as it
// loaded (see LoadMinifiedTheme): its pages are then minified as they
// render, and need no minifying after.
func (th *Theme) Compact() bool { return th.compact }

// parse parses the templates of every page kind; with record, they are
// rewritten so that what they read is recorded while they run (see
// rewrite.go). The templates parsed here are never executed: each
// language gets a copy with its own strings (see localized), which
// html/template allows only of templates not yet executed.
func (th *Theme) parse(files map[string][]byte, origin map[string]string, record bool) (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	base := template.New("theme").Funcs(funcs).Funcs(localFuncs(th.strings.Catalog(i18n.Reference), &cardStore{}, &accessor{}, nil, nil))
	// Every template that is not a page kind is a partial shared by all.
	for _, p := range sortedKeys(files) {
		name, ok := strings.CutPrefix(p, "templates/")
		if !ok || !strings.HasSuffix(name, ".html") || isKind(strings.TrimSuffix(name, ".html")) {
			continue
		}
		if _, err := base.New(name).Parse(string(files[p])); err != nil {
			return nil, fmt.Errorf("%s: %w", origin[p], err)
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
		for _, x := range t.Templates() {
			rewrite(x.Tree, !record)
		}
		out[kind] = t
	}
	return out, nil
}

// bundleStatic copies static files into the theme, joining every
// top-level stylesheet into style.css and every top-level script into
// site.js (in file name order, style.css and site.js first), so that a page
// makes at most two requests for them whatever the theme splits them into.
func (th *Theme) bundleStatic(files map[string][]byte) {
	bundles := map[string]*[]byte{".css": new([]byte), ".js": new([]byte)}
	names := map[string]string{".css": "style.css", ".js": "site.js"}
	keys := sortedKeys(files)
	sort.SliceStable(keys, func(i, j int) bool {
		return isBundleHead(keys[i]) && !isBundleHead(keys[j])
	})
	for _, p := range keys {
		rest, ok := strings.CutPrefix(p, "static/")
		if !ok {
			continue
		}
		if b, ok := bundles[path.Ext(rest)]; ok && !strings.Contains(rest, "/") {
			*b = append(append(*b, files[p]...), '\n')
			continue
		}
		th.Static[rest] = files[p]
	}
	for ext, b := range bundles {
		if len(*b) > 0 {
			th.Static[names[ext]] = *b
		}
	}
}

func isBundleHead(p string) bool { return p == "static/style.css" || p == "static/site.js" }

func isKind(name string) bool {
	for _, k := range kinds {
		if k == name {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
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
	// tone names the colour class of a term of the primary taxonomy
	// ("tone-3", "" for other terms); mark names its SVG symbol ("mark-3",
	// or "mark-any"). Both take the term (see tones.go).
	"tone": toneClass,
	"mark": markID,
	// primaryTerms returns a story's terms in the first taxonomy (the
	// principles, in the sample site), which the theme shows as badges.
	"primaryTerms": func(groups []link.TermGroup) []*link.Term {
		if len(groups) == 0 {
			return nil
		}
		return groups[0].Terms
	},
	// lower lowercases text. The built-in theme shows titles as written
	// ("NHS Wales"); lower is kept for site themes that use it.
	"lower": strings.ToLower,
	// scopeIDs prefixes the ids in a story's body with its slug, for
	// pages that show many stories in full (see print.go).
	"scopeIDs": scopeIDs,
}

// ownTemplates reports whether any template comes from the site's theme
// (an unchanged copy of a built-in file counts as built-in; see LoadTheme).
func ownTemplates(origin map[string]string) bool {
	for p, from := range origin {
		if from == "site theme" && strings.HasPrefix(p, "templates/") {
			return true
		}
	}
	return false
}

// hashFiles fingerprints a set of files by name and content.
func hashFiles(files map[string][]byte) uint64 {
	var h digest
	for _, name := range sortedKeys(files) {
		h.strs(name, string(files[name]))
	}
	return uint64(h)
}
