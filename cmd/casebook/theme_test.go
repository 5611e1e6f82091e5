package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
)

// initSite writes a fresh site with init and returns its folder.
func initSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := run(t, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	return dir
}

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func setTheme(t *testing.T, site, name string) {
	t.Helper()
	path := filepath.Join(site, "site.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set := bytes.Replace(data, []byte(`theme = "default"`), []byte(`theme = "`+name+`"`), 1)
	if bytes.Equal(set, data) {
		t.Fatalf("site.toml has no theme = \"default\" to change:\n%s", data)
	}
	if err := os.WriteFile(path, set, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestThemeExportCopiesTheBuiltInTheme(t *testing.T) {
	site := initSite(t)
	code, stdout, stderr := run(t, "theme", "export", "-src", site, "care")
	if code != exitOK {
		t.Fatalf("theme export: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "themes/care") || !strings.Contains(stdout, `theme = "care"`) {
		t.Errorf("theme export did not say where it wrote and how to use it: %q", stdout)
	}
	got := readTree(t, filepath.Join(site, "themes", "care"))
	want := 0
	err := fs.WalkDir(casebook.DefaultTheme(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want++
		data, _ := fs.ReadFile(casebook.DefaultTheme(), p)
		if !bytes.Equal(got[p], data) {
			t.Errorf("themes/care/%s differs from the built-in file or is missing", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != want || want < 10 {
		t.Errorf("themes/care holds %d files, the built-in theme %d", len(got), want)
	}

	// The copy, used as the site's theme, builds the same site.
	before := filepath.Join(t.TempDir(), "before")
	if code, _, stderr := run(t, "build", "-src", site, "-out", before); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	setTheme(t, site, "care")
	after := filepath.Join(t.TempDir(), "after")
	if code, _, stderr := run(t, "build", "-src", site, "-out", after); code != exitOK {
		t.Fatalf("build with the exported theme: exit %d\n%s", code, stderr)
	}
	a, b := readTree(t, before), readTree(t, after)
	if len(a) != len(b) {
		t.Errorf("the exported theme builds %d files, the built-in %d", len(b), len(a))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs when built with the exported theme", p)
		}
	}

	// A change to the copy shows in the site.
	home := filepath.Join(site, "themes", "care", "templates", "home.html")
	src, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`{{define "main"}}`), []byte(`{{define "main"}}<p id="care-marker">Ours</p>`), 1)
	if err := os.WriteFile(home, src, 0o644); err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(t.TempDir(), "changed")
	if code, _, stderr := run(t, "build", "-src", site, "-out", changed); code != exitOK {
		t.Fatalf("build with a changed theme: exit %d\n%s", code, stderr)
	}
	if page, _ := os.ReadFile(filepath.Join(changed, "index.html")); !bytes.Contains(page, []byte("care-marker")) {
		t.Errorf("the home page does not use the changed home.html")
	}
}

func TestThemeExportRefuses(t *testing.T) {
	site := initSite(t)
	if code, _, stderr := run(t, "theme", "export", "-src", site, "care"); code != exitOK {
		t.Fatalf("theme export: exit %d\n%s", code, stderr)
	}
	marker := filepath.Join(site, "themes", "care", "templates", "home.html")
	if err := os.WriteFile(marker, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	linked := initSite(t)
	if err := os.Symlink(outside, filepath.Join(linked, "themes")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"existing theme", []string{"-src", site, "care"}, exitContent, "already exists"},
		{"path in the name", []string{"-src", site, "../care"}, exitUsage, "theme name"},
		{"upper case name", []string{"-src", site, "Care"}, exitUsage, "theme name"},
		{"no name", []string{"-src", site}, exitUsage, "give the new theme's name"},
		{"two names", []string{"-src", site, "a", "b"}, exitUsage, "give the new theme's name"},
		{"not a site", []string{"-src", t.TempDir(), "care"}, exitContent, "no site.toml"},
		{"themes is a link", []string{"-src", linked, "care"}, exitContent, "not a folder"},
	} {
		code, _, stderr := run(t, append([]string{"theme", "export"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%s: exit %d, want %d saying %q:\n%s", c.name, code, c.code, c.says, stderr)
		}
	}
	if data, _ := os.ReadFile(marker); string(data) != "mine" {
		t.Errorf("export over an existing theme changed it")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("export wrote through a linked themes folder: %v", entries)
	}
	if entries, _ := os.ReadDir(filepath.Join(site, "themes")); len(entries) != 1 {
		t.Errorf("themes/ holds %d entries after refusals, want only care", len(entries))
	}
	if code, _, _ := run(t, "theme", "import", "care"); code != exitUsage {
		t.Errorf("theme import: exit %d, want %d", code, exitUsage)
	}
}
