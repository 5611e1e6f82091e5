package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestMoveCommand moves a story of the build package's fixture site (the
// command's own fixture has errors on purpose, which mv refuses).
func TestMoveCommand(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "generator", "build", "testdata", "sites", "casebook.txtar"))
	if err != nil {
		t.Fatal(err)
	}
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
	old := "summer-support"
	code, stdout, stderr := run(t, "mv", "-src", dir, old, "renamed-story")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "renamed content/stories/"+old+".md → content/stories/renamed-story.md") {
		t.Errorf("stdout = %q", stdout)
	}
	data, err := os.ReadFile(filepath.Join(dir, "content", "stories", "renamed-story.md"))
	if err != nil || !strings.Contains(string(data), "aliases: ["+old+"]") {
		t.Errorf("moved story: %v\n%s", err, data)
	}
	if code, out, errOut := run(t, "check", "-src", dir); code != exitOK {
		t.Errorf("check after mv: exit %d\n%s%s", code, out, errOut)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown old", []string{old, "x"}, exitContent, "no story has the slug"},
		{"existing new", []string{"renamed-story", old}, exitContent, "its address is taken"},
		{"one argument", []string{"renamed-story"}, exitUsage, "give the story's slug and its new slug"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"mv", "-src", dir}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
}

// TestMoveRefusesBrokenSite changes nothing in a site with errors.
func TestMoveRefusesBrokenSite(t *testing.T) {
	dir := newSite(t)
	code, _, stderr := run(t, "mv", "-src", dir, "good", "better")
	if code != exitContent || !strings.Contains(stderr, "the site has errors") || !strings.Contains(stderr, "nothing was changed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "stories", "good.md")); err != nil {
		t.Error(err)
	}
}
