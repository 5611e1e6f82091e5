// Package starter writes a new casebook site into an empty folder, for
// `casebook init`: site.toml, one term per taxonomy, an example story, the
// about, contribute and accessibility pages, CONTRIBUTING.md, .gitignore,
// editor settings and a GitHub workflow that checks pull requests and
// publishes main to GitHub Pages. The site checks and builds at once.
//
// The files live under files/; a name ending in .tmpl is a text/template
// that sees a Data value, and the file gitignore is written as .gitignore
// (a file of that name would ignore files of this package).
package starter

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"time"
	"unicode"
)

//go:embed all:files
var files embed.FS

// Module is the path `go install` takes casebook from.
const Module = "github.com/casebook/casebook/cmd/casebook"

// Options say what the new site is called and which casebook it uses.
type Options struct {
	Title    string
	Language string
	// Version is the version of the running casebook, such as v1.2.0;
	// "" (or anything that is not a module version) makes the workflow
	// install @latest, with a comment saying to pin a release.
	Version string
	// Date is the date of the example story.
	Date time.Time
}

// Data is what the templates of files/ see.
type Data struct {
	Title, TitleTOML, LanguageTOML string
	Date                           string
	Version                        string
	Latest                         bool
}

// ErrNotEmpty is returned when the folder already holds something.
var ErrNotEmpty = errors.New("the folder is not empty")

var versionPattern = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$`)

// Write writes the new site into dir, creating dir when it does not
// exist. It refuses, changing nothing, a dir that holds any file or
// folder; when writing fails half way it removes what it wrote.
func Write(dir string, opts Options) (written []string, err error) {
	if err := validTitle(opts.Title); err != nil {
		return nil, err
	}
	data := Data{Title: opts.Title, TitleTOML: tomlString(opts.Title), LanguageTOML: tomlString(opts.Language),
		Date: opts.Date.Format(time.DateOnly), Version: opts.Version}
	data.Latest = !versionPattern.MatchString(opts.Version)
	out, err := render(data)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%w: %s holds %s; choose a new or empty folder", ErrNotEmpty, dir, entries[0].Name())
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	for _, name := range sortedNames(out) {
		if err := writeFile(root, name, out[name]); err != nil {
			for i := len(written) - 1; i >= 0; i-- {
				root.Remove(written[i])
			}
			removeEmptyDirs(root, written)
			return nil, err
		}
		written = append(written, name)
	}
	return written, nil
}

// render fills every file of files/ in, keyed by its path in the site.
func render(data Data) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "files/")
		if name == "gitignore" {
			name = ".gitignore"
		}
		if base, ok := strings.CutSuffix(name, ".tmpl"); ok {
			t, err := template.New(name).Option("missingkey=error").Parse(string(src))
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := t.Execute(&b, data); err != nil {
				return err
			}
			name, src = base, b.Bytes()
		}
		out[name] = src
		return nil
	})
	return out, err
}

func writeFile(root *os.Root, name string, data []byte) error {
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeEmptyDirs removes the folders Write made for files it has taken
// back, deepest first; folders that still hold something stay.
func removeEmptyDirs(root *os.Root, names []string) {
	seen := map[string]bool{}
	var dirs []string
	for _, n := range names {
		for d := path.Dir(n); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		root.Remove(dirs[i])
	}
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// validTitle refuses a title that is empty or holds control characters,
// which have no place in a page header.
func validTitle(title string) error {
	if strings.TrimSpace(title) == "" {
		return errors.New("the title is empty")
	}
	for _, r := range title {
		if unicode.IsControl(r) {
			return fmt.Errorf("the title holds a control character (%U)", r)
		}
	}
	return nil
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
