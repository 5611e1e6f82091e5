package build_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
)

// TestSites builds every whole-site fixture in testdata/sites. Each fixture
// is a txtar archive: its files are the site, and its comment holds the
// build options and the assertions, one a line:
//
//	option drafts               build with -drafts
//	option base-url URL         build with -base-url URL
//	option minify               minify the output (fixtures are unminified)
//	exists PATH                 the output file exists
//	!exists PATH                it does not
//	contains PATH TEXT          the output file holds TEXT (rest of the line)
//	!contains PATH TEXT         it does not
//	order PATH A | B | C        the texts occur in PATH in this order
//	diag TEXT                   some diagnostic's "path:line:col: severity: message" holds TEXT
//	nodiag                      the build reports no diagnostic at all
//
// Every fixture must build without errors, and every fixture's HTML must
// only link inside the base URL's path prefix, to files that exist.
func TestSites(t *testing.T) {
	forEachArchive(t, "testdata/sites", func(t *testing.T, ar *txtar.Archive) {
		src := unpackSite(t, ar)
		opts, checks := parseScript(t, string(ar.Comment))
		opts.Src = src
		res := buildOK(t, opts)
		out := res.Out
		for _, c := range checks {
			c.run(t, out, res.Diags)
		}
		checkOutputList(t, res)
		checkInternalLinks(t, out, res.Site.Config.Prefix())
	})
}

// forEachArchive runs test, as a parallel subtest named after the file,
// on every txtar archive in dir; a dir without one fails.
func forEachArchive(t *testing.T, dir string, test func(t *testing.T, ar *txtar.Archive)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no txtar archives in %s: %v", dir, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			test(t, ar)
		})
	}
}

// unpackSite writes the archive's files into a new temporary folder.
func unpackSite(t *testing.T, ar *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// unpackFixture unpacks testdata/sites/<name>.txtar and returns the site
// folder.
func unpackFixture(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "sites", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return unpackSite(t, ar)
}

// buildOK builds with opts, unminified unless the options say otherwise,
// and fails the test on any error.
func buildOK(t *testing.T, opts build.Options) *build.Result {
	t.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Src, "public")
	}
	res, err := build.Build(opts)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build reported errors:\n%s", diagText(res))
	}
	return res
}

func diagText(res *build.Result) string {
	if res == nil {
		return ""
	}
	var b bytes.Buffer
	_ = diag.Write(&b, res.Diags, diag.FormatText)
	return b.String()
}

type siteCheck struct {
	line int
	verb string
	path string
	arg  string
}

func parseScript(t *testing.T, script string) (build.Options, []siteCheck) {
	t.Helper()
	opts := build.Options{NoMinify: true}
	var checks []siteCheck
	sc := bufio.NewScanner(strings.NewReader(script))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		switch verb {
		case "option":
			name, value, _ := strings.Cut(rest, " ")
			switch name {
			case "drafts":
				opts.Drafts = true
			case "base-url":
				opts.BaseURL = value
			case "minify":
				opts.NoMinify = false
			default:
				t.Fatalf("script line %d: unknown option %q", n, name)
			}
		case "exists", "!exists", "contains", "!contains", "order":
			p, arg, _ := strings.Cut(rest, " ")
			checks = append(checks, siteCheck{n, verb, p, arg})
		case "diag", "nodiag":
			checks = append(checks, siteCheck{line: n, verb: verb, arg: rest})
		default:
			t.Fatalf("script line %d: unknown verb %q", n, verb)
		}
	}
	return opts, checks
}

func (c siteCheck) run(t *testing.T, out string, diags diag.List) {
	t.Helper()
	switch c.verb {
	case "diag":
		for _, d := range diags {
			if strings.Contains(d.String(), c.arg) {
				return
			}
		}
		t.Errorf("script line %d: no diagnostic holds %q; got:\n%v", c.line, c.arg, diags)
		return
	case "nodiag":
		if len(diags) > 0 {
			t.Errorf("script line %d: want no diagnostics, got:\n%v", c.line, diags)
		}
		return
	}
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.path)))
	switch c.verb {
	case "exists":
		if err != nil {
			t.Errorf("script line %d: %s: %v", c.line, c.path, err)
		}
		return
	case "!exists":
		if err == nil {
			t.Errorf("script line %d: %s exists, want it absent", c.line, c.path)
		}
		return
	}
	if err != nil {
		t.Errorf("script line %d: %v", c.line, err)
		return
	}
	switch c.verb {
	case "contains":
		if !bytes.Contains(data, []byte(c.arg)) {
			t.Errorf("script line %d: %s does not contain %q", c.line, c.path, c.arg)
		}
	case "!contains":
		if bytes.Contains(data, []byte(c.arg)) {
			t.Errorf("script line %d: %s contains %q", c.line, c.path, c.arg)
		}
	case "order":
		at := 0
		for _, text := range strings.Split(c.arg, " | ") {
			i := bytes.Index(data[at:], []byte(text))
			if i < 0 {
				t.Errorf("script line %d: %s lacks %q after offset %d", c.line, c.path, text, at)
				return
			}
			at += i + len(text)
		}
	}
}

// outputFiles reads every file under dir into a map keyed by slash path.
func outputFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameFiles reports every difference between two sets of files.
func sameFiles(t *testing.T, what string, want, got map[string][]byte) {
	t.Helper()
	for _, p := range sortedPaths(want) {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s is missing", what, p)
		case !bytes.Equal(want[p], g):
			t.Errorf("%s: %s differs:\nwant %.300q\ngot  %.300q", what, p, want[p], g)
		}
	}
	for _, p := range sortedPaths(got) {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: unexpected file %s", what, p)
		}
	}
}

func sortedPaths(files map[string][]byte) []string {
	var out []string
	for p := range files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// checkInternalLinks fails on any URL attribute of any HTML page that
// starts with "/" but not with prefix, and on any link under the prefix
// that does not lead to a file of the output.
func checkInternalLinks(t *testing.T, out, prefix string) {
	t.Helper()
	for _, msg := range internalLinkProblems(outputFiles(t, out), prefix) {
		t.Error(msg)
	}
}

func internalLinkProblems(files map[string][]byte, prefix string) []string {
	var problems []string
	for _, p := range sortedPaths(files) {
		if path.Ext(p) != ".html" {
			continue
		}
		for _, tag := range scanTags(files[p]) {
			for _, a := range tag.attrs {
				if !isURLAttr(a.name) {
					continue
				}
				for _, u := range urlsOf(a) {
					if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
						continue
					}
					if !strings.HasPrefix(u, prefix) {
						problems = append(problems, fmt.Sprintf("%s: <%s %s=%q> lacks the base path %q", p, tag.name, a.name, u, prefix))
						continue
					}
					target := strings.TrimPrefix(u, prefix)
					target, _, _ = strings.Cut(target, "#")
					target, _, _ = strings.Cut(target, "?")
					if target == "" || strings.HasSuffix(target, "/") {
						target += "index.html"
					}
					if _, ok := files[target]; !ok {
						problems = append(problems, fmt.Sprintf("%s: <%s %s=%q> leads to no file of the output", p, tag.name, a.name, u))
					}
				}
			}
		}
	}
	return problems
}

func TestInternalLinkProblems(t *testing.T) {
	tests := []struct {
		name string
		page string
		want int
	}{
		{"prefixed and present", `<a href="/cb/">h</a><link href="/cb/style.css"><a href="/cb/x/#top">x</a><a href="https://e.org/">e</a><a href="#a">a</a>`, 0},
		{"missing prefix", `<a href="/x/">x</a>`, 1},
		{"missing file", `<img src="/cb/nope.png"><a href=/cb/y/>y</a>`, 2},
		{"srcset", `<img srcset="/cb/style.css 1x, /other.png 2x">`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{"index.html": []byte(tt.page), "style.css": nil, "x/index.html": nil}
			if got := internalLinkProblems(files, "/cb/"); len(got) != tt.want {
				t.Errorf("problems %q, want %d", got, tt.want)
			}
		})
	}
}

func isURLAttr(name string) bool {
	switch name {
	case "href", "src", "action", "srcset", "poster", "formaction", "data", "cite":
		return true
	}
	return false
}

// urlsOf splits a srcset into its URLs; other attributes hold one URL.
func urlsOf(a attr) []string {
	if a.name != "srcset" {
		return []string{strings.TrimSpace(a.value)}
	}
	var out []string
	for _, part := range strings.Split(a.value, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}
