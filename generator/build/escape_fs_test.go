package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/build"
)

// outsideTheme makes a theme folder outside the site whose base template
// would mark every page it rendered.
func outsideTheme(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "default", "templates", "base.html"), "OUTSIDE-THEME")
	return dir
}

func TestThemeSymlinkLeavingTheSiteIsRefused(t *testing.T) {
	tests := []struct {
		name string
		link func(t *testing.T, src, outside string) error
	}{
		{"themes/default", func(t *testing.T, src, outside string) error {
			_ = os.RemoveAll(filepath.Join(src, "themes", "default"))
			_ = os.MkdirAll(filepath.Join(src, "themes"), 0o755)
			return os.Symlink(filepath.Join(outside, "default"), filepath.Join(src, "themes", "default"))
		}},
		{"themes", func(t *testing.T, src, outside string) error {
			_ = os.RemoveAll(filepath.Join(src, "themes"))
			return os.Symlink(outside, filepath.Join(src, "themes"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := unpackFixture(t, "casebook")
			if err := tt.link(t, src, outsideTheme(t)); err != nil {
				t.Fatal(err)
			}
			res, err := build.Build(build.Options{Src: src, NoMinify: true})
			if err == nil && !res.Diags.HasErrors() {
				home, _ := os.ReadFile(filepath.Join(res.Out, "index.html"))
				t.Fatalf("build succeeded; home page starts %q", home[:min(len(home), 40)])
			}
			msg := ""
			if err != nil {
				msg = err.Error()
			} else {
				msg = res.Diags.Err().Error()
			}
			if !strings.Contains(msg, "outside the site folder") {
				t.Errorf("error %q does not say the theme leaves the site folder", msg)
			}
			// check refuses it too, at the folder, so that a pull request
			// adding the symlink fails its check.
			res, err = build.Check(build.Options{Src: src})
			if err != nil {
				t.Fatal(err)
			}
			if msg := res.Diags.Err(); msg == nil || !strings.Contains(msg.Error(), "themes/default: error:") || !strings.Contains(msg.Error(), "outside the site folder") {
				t.Errorf("check says %v, want an error at themes/default saying it leaves the site folder", msg)
			}
		})
	}
}

func TestOutputFolderSymlinkIsRefused(t *testing.T) {
	src := unpackFixture(t, "casebook")
	elsewhere := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(elsewhere, out); err != nil {
		t.Fatal(err)
	}
	_, err := build.Build(build.Options{Src: src, Out: out, NoMinify: true})
	if err == nil || !strings.Contains(err.Error(), "symlink") {
		t.Errorf("Build error = %v, want the symlinked output folder refused", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("the build wrote %d entries into the symlink's target", len(entries))
	}
}

func TestKeptFilesAreNotReadThroughSymlinks(t *testing.T) {
	src := unpackFixture(t, "casebook")
	res := buildOK(t, build.Options{Src: src, NoMinify: true})
	secret := filepath.Join(t.TempDir(), "secret")
	writeFile(t, secret, "SECRET")
	for _, name := range []string{"CNAME", ".gitignore", ".nojekyll"} {
		if err := os.Symlink(secret, filepath.Join(res.Out, name)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(res.Out, ".gitkeep"), "")
	res = buildOK(t, build.Options{Src: src, NoMinify: true})
	for _, name := range []string{"CNAME", ".gitignore", ".nojekyll"} {
		info, err := os.Lstat(filepath.Join(res.Out, name))
		if err == nil && info.Mode()&os.ModeSymlink != 0 {
			t.Errorf("%s is still a symlink", name)
		}
		if data, err := os.ReadFile(filepath.Join(res.Out, name)); err == nil && strings.Contains(string(data), "SECRET") {
			t.Errorf("%s was read through its symlink and copied in", name)
		}
	}
	if _, err := os.Stat(filepath.Join(res.Out, ".gitkeep")); err != nil {
		t.Errorf("a regular kept file was dropped: %v", err)
	}
}

func TestThemeFIFOIsRefused(t *testing.T) {
	src := unpackFixture(t, "casebook")
	dir := filepath.Join(src, "themes", "default", "static")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.css"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := build.Build(build.Options{Src: src, NoMinify: true})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("Build error = %v, want the named pipe refused", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Build hangs on a named pipe in the theme")
	}
}
