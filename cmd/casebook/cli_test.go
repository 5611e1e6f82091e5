package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden (and the vocabulary table of CONTRIBUTING.md)")

// fixtureSite is a small site with one problem of each kind.
const fixtureSite = "testdata/site"

// run runs the command line and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/casebook -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/casebook -update if the change is intended)\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestGoldenOutputs(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		golden   string
	}{
		{"check text", []string{"check", "-src", fixtureSite}, exitContent, "check.txt"},
		{"check github", []string{"check", "-src", fixtureSite, "-format", "github"}, exitContent, "check.github"},
		{"check json", []string{"check", "-src", fixtureSite, "-format", "json"}, exitContent, "check.json"},
		{"check strict", []string{"check", "-src", fixtureSite, "-strict"}, exitContent, "check-strict.txt"},
		{"schema", []string{"schema", "-src", fixtureSite}, exitOK, "schema.json"},
		{"vocab", []string{"vocab", "-src", fixtureSite}, exitOK, "vocab.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			golden(t, tt.golden, stdout)
		})
	}
}

// TestLintRulesReachCheck makes sure the golden check output holds one
// finding of every lint rule, so that the fixture keeps covering them.
func TestLintRulesReachCheck(t *testing.T) {
	_, stdout, _ := run(t, "check", "-src", fixtureSite)
	for _, want := range []string{
		"content/principles/emergent.md:1:1: warning: no story is tagged",
		"content/stories/good.md:2:8: warning: title",
		"content/stories/problems.md:3:10: warning: summary is only 10 characters",
		"content/stories/problems.md:5:10: warning: updated 2020-04-01 is before date 2020-05-01",
		"content/stories/problems.md:6:13: warning: the story shows \"Inquiry\"",
		"content/stories/problems.md:10:1: warning: a top-level heading",
		"content/stories/problems.md:12:1: warning: image has no alt text",
		"content/stories/problems.md:14:15: warning: link text \"here\"",
		"content/stories/twin.md:11:1: warning: heading skips from level 2 to level 4",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestStrictTurnsWarningsIntoErrors(t *testing.T) {
	clean := t.TempDir()
	copyTree(t, fixtureSite, clean)
	// Without the two stories holding errors, only lint warnings remain.
	for _, name := range []string{"twin.md", "problems.md"} {
		if err := os.Remove(filepath.Join(clean, "content", "stories", name)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"warnings pass", []string{"check", "-src", clean}, exitOK, "0 errors, 1 warning"},
		{"strict fails", []string{"check", "-src", clean, "-strict"}, exitContent, "1 error, 0 warnings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, _ := run(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, output:\n%s\nwant exit %d and %q", code, stdout, tt.wantCode, tt.want)
			}
		})
	}
}

func TestSampleSiteIsClean(t *testing.T) {
	code, stdout, stderr := run(t, "check", "-src", "../..", "-strict")
	if code != exitOK || strings.TrimSpace(stdout) != "no problems" {
		t.Errorf("check -strict of the sample site: exit %d\n%s%s", code, stdout, stderr)
	}
}

// copyTree copies the files under src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
