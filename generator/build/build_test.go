package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/publish"
)

// TestLineEndings builds one site with its text files saved with a byte
// order mark, with CRLF line ends, and with both, and wants output
// identical byte for byte to the plain LF build.
func TestLineEndings(t *testing.T) {
	lf := unpackFixture(t, "casebook")
	want := outputFiles(t, buildOK(t, build.Options{Src: lf}).Out)
	tests := []struct {
		name    string
		convert func([]byte) []byte
	}{
		{"bom", func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }},
		{"crlf", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }},
		{"bom and crlf", func(b []byte) []byte {
			return append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))...)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := unpackFixture(t, "casebook")
			converted := 0
			err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || (filepath.Ext(p) != ".md" && filepath.Ext(p) != ".toml") {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				converted++
				return os.WriteFile(p, tt.convert(data), 0o644)
			})
			if err != nil || converted < 15 {
				t.Fatalf("converted %d files: %v", converted, err)
			}
			res := buildOK(t, build.Options{Src: src})
			if len(res.Diags) > 0 {
				t.Errorf("diagnostics: %v", res.Diags)
			}
			sameFiles(t, tt.name, want, outputFiles(t, res.Out))
		})
	}
}

// TestDeterministic builds the sample site and a fixture twice each into
// two folders and wants the same bytes.
func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"sample site", filepath.Join("..", "..")},
		{"fixture", unpackFixture(t, "casebook")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var outs []map[string][]byte
			for _, dir := range []string{"one", "two"} {
				res := buildOK(t, build.Options{Src: tt.src, Out: filepath.Join(t.TempDir(), dir)})
				outs = append(outs, outputFiles(t, res.Out))
			}
			if len(outs[0]) < 20 {
				t.Fatalf("only %d files built", len(outs[0]))
			}
			sameFiles(t, "second build", outs[0], outs[1])
		})
	}
}

// TestOutputFolderSafety refuses output folders a build must not replace
// and accepts an empty one, one holding only a .gitignore (which it
// keeps), and a previous output.
func TestOutputFolderSafety(t *testing.T) {
	tests := []struct {
		name    string
		out     func(t *testing.T, src string) string
		wantErr string
	}{
		{"root", func(*testing.T, string) string { return "/" }, "root of the file system"},
		{"site folder", func(_ *testing.T, src string) string { return src }, "holds the site"},
		{"site folder with dot", func(_ *testing.T, src string) string { return filepath.Join(src, "content", "..") }, "holds the site"},
		{"content", func(_ *testing.T, src string) string { return filepath.Join(src, "content") }, "content/"},
		{"inside content", func(_ *testing.T, src string) string { return filepath.Join(src, "content", "out") }, "content/"},
		{"parent of site", func(_ *testing.T, src string) string { return filepath.Dir(src) }, "holds the site"},
		{"non-empty foreign folder", func(t *testing.T, _ string) string {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "notes.txt"), "mine")
			return dir
		}, "not empty"},
		{"empty folder", func(t *testing.T, _ string) string { return t.TempDir() }, ""},
		{"missing folder", func(t *testing.T, _ string) string { return filepath.Join(t.TempDir(), "a", "b") }, ""},
		{"public with gitignore", func(_ *testing.T, src string) string {
			writeFile(t, filepath.Join(src, "public", ".gitignore"), "*\n!.gitignore\n")
			return filepath.Join(src, "public")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := unpackFixture(t, "casebook")
			out := tt.out(t, src)
			before := outputFiles(t, src)
			res, err := build.Build(build.Options{Src: src, Out: out, NoMinify: true})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Build with -out %s: error %v, want one containing %q", out, err, tt.wantErr)
				}
				sameFiles(t, "site folder after a refused build", before, outputFiles(t, src))
				return
			}
			if err != nil || res.Diags.HasErrors() {
				t.Fatalf("Build with -out %s: %v %v", out, err, res.Diags)
			}
			for _, name := range []string{"index.html", publish.Marker} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Errorf("after build: %v", err)
				}
			}
			if tt.name == "public with gitignore" {
				data, err := os.ReadFile(filepath.Join(out, ".gitignore"))
				if err != nil || string(data) != "*\n!.gitignore\n" {
					t.Errorf(".gitignore after build: %q, %v", data, err)
				}
			}
			// A second build replaces the first: the marker makes it ours.
			if _, err := build.Build(build.Options{Src: src, Out: out, NoMinify: true}); err != nil {
				t.Errorf("rebuilding into our own output: %v", err)
			}
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*.staging-*"))
			old, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*.old-*"))
			if len(leftovers)+len(old) > 0 {
				t.Errorf("staging folders left behind: %v %v", leftovers, old)
			}
		})
	}
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkOutputList wants every page of DESIGN.md's output list for the
// site that was built: the fixed files, and a page for every story,
// taxonomy, term (with its feed) and plain page.
func checkOutputList(t *testing.T, res *build.Result) {
	t.Helper()
	want := []string{"index.html", "stories/index.html", "search/index.html", "feed.xml", "sitemap.xml", "404.html", "robots.txt", "style.css"}
	for _, s := range res.Site.Stories {
		want = append(want, "stories/"+s.Slug+"/index.html")
	}
	for _, tax := range res.Site.Taxonomies {
		want = append(want, tax.Name+"/index.html")
		for _, term := range tax.Terms {
			want = append(want, tax.Name+"/"+term.Key+"/index.html", tax.Name+"/"+term.Key+"/feed.xml")
		}
	}
	for _, p := range res.Site.Pages {
		want = append(want, p.Slug+"/index.html")
	}
	for _, p := range want {
		info, err := os.Stat(filepath.Join(res.Out, filepath.FromSlash(p)))
		if err != nil || info.Size() == 0 {
			t.Errorf("output list: %s missing or empty (%v)", p, err)
		}
	}
}

// TestSampleSite builds the sample site of the repository: it must build
// without errors, with every page of the output list and no broken
// internal link.
func TestSampleSite(t *testing.T) {
	res := buildOK(t, build.Options{Src: filepath.Join("..", ".."), Out: filepath.Join(t.TempDir(), "public")})
	if len(res.Site.Stories) < 8 || len(res.Site.Taxonomies) != 3 || len(res.Site.Pages) < 1 {
		t.Fatalf("sample site has %d stories, %d taxonomies, %d pages", len(res.Site.Stories), len(res.Site.Taxonomies), len(res.Site.Pages))
	}
	for _, name := range []string{"about/index.html"} {
		if _, err := os.Stat(filepath.Join(res.Out, name)); err != nil {
			t.Error(err)
		}
	}
	checkOutputList(t, res)
	checkInternalLinks(t, res.Out, res.Site.Config.Prefix())
}
