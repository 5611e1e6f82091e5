package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestCheckOutput(t *testing.T) {
	tests := []struct {
		name    string
		out     func(t *testing.T, src string) string
		wantErr string
	}{
		{"root", func(*testing.T, string) string { return "/" }, "root of the file system"},
		{"site folder", func(_ *testing.T, src string) string { return src }, "holds the site"},
		{"site folder relative", func(_ *testing.T, src string) string { return src + "/content/.." }, "holds the site"},
		{"parent of site", func(_ *testing.T, src string) string { return filepath.Dir(src) }, "holds the site"},
		{"content", func(_ *testing.T, src string) string { return filepath.Join(src, "content") }, "inside content/"},
		{"inside content", func(_ *testing.T, src string) string { return filepath.Join(src, "content", "stories", "out") }, "inside content/"},
		{"symlink to site", func(t *testing.T, src string) string {
			link := filepath.Join(t.TempDir(), "link")
			if err := os.Symlink(src, link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "is a symlink"},
		{"through a symlinked parent", func(t *testing.T, src string) string {
			link := filepath.Join(t.TempDir(), "link")
			if err := os.Symlink(filepath.Dir(src), link); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(link, filepath.Base(src))
		}, "holds the site"},
		{"foreign files", func(_ *testing.T, src string) string {
			write(t, filepath.Join(src, "public", "notes.txt"), "mine")
			return filepath.Join(src, "public")
		}, "not empty and was not created by casebook"},
		{"public with kept files", func(_ *testing.T, src string) string {
			write(t, filepath.Join(src, "public", ".gitignore"), "*")
			write(t, filepath.Join(src, "public", "CNAME"), "example.org")
			return filepath.Join(src, "public")
		}, ""},
		{"previous output", func(_ *testing.T, src string) string {
			write(t, filepath.Join(src, "public", Marker), "")
			write(t, filepath.Join(src, "public", "index.html"), "old")
			return filepath.Join(src, "public")
		}, ""},
		{"not yet there", func(_ *testing.T, src string) string { return filepath.Join(src, "public", "deep") }, ""},
		{"sibling", func(t *testing.T, _ string) string { return filepath.Join(t.TempDir(), "site-out") }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "site")
			write(t, filepath.Join(src, "content", "stories", "a.md"), "x")
			got, err := CheckOutput(src, tt.out(t, src))
			if tt.wantErr == "" {
				if err != nil || !filepath.IsAbs(got) {
					t.Errorf("CheckOutput = %q, %v", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("CheckOutput error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		name, p string
		ok      bool
	}{
		{"plain", "stories/x/index.html", true},
		{"dot segments inside", "a/../b.html", true},
		{"climbs out", "../x", false},
		{"climbs out later", "a/../../x", false},
		{"absolute", "/etc/passwd", false},
		{"empty", "", false},
		{"dot", ".", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Join("/out", tt.p)
			if (err == nil) != tt.ok {
				t.Fatalf("Join(%q) = %q, %v; want ok %v", tt.p, got, err, tt.ok)
			}
			if err == nil && !strings.HasPrefix(got, "/out/") {
				t.Errorf("Join(%q) = %q, outside /out", tt.p, got)
			}
		})
	}
}

func TestStage(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	write(t, filepath.Join(out, ".gitignore"), "*\n")

	// A first build: the .gitignore is kept and the marker written.
	stage, err := Begin(src, out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{"index.html": "one", "stories/a/index.html": "a"} {
		if err := stage.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := stage.Write("../escape.html", []byte("x")); err == nil {
		t.Error("Write outside the staging folder succeeded")
	}
	if err := stage.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".gitignore": "*\n", "index.html": "one", "stories/a/index.html": "a"}
	for p, data := range want {
		got, err := os.ReadFile(filepath.Join(out, p))
		if err != nil || string(got) != data {
			t.Errorf("%s = %q, %v; want %q", p, got, err, data)
		}
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("marker: %v", err)
	}

	// An aborted build leaves the output as it was and no staging folder.
	stage, err = Begin(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := stage.Write("index.html", []byte("two")); err != nil {
		t.Fatal(err)
	}
	stage.Abort()
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "one" {
		t.Errorf("after Abort index.html = %q", got)
	}

	// A second build replaces every file but the kept ones.
	stage, err = Begin(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if err := stage.Write("index.html", []byte("three")); err != nil {
		t.Fatal(err)
	}
	if err := stage.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "stories")); !os.IsNotExist(err) {
		t.Errorf("stale folder from the first build survived: %v", err)
	}
	entries, _ := os.ReadDir(src)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "public" {
		t.Errorf("site folder holds %q, want only public (no staging or old folders)", got)
	}
}

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStageConcurrentWrites writes files into shared, nested folders from
// several goroutines, as rendering does, and replaces a deep tree.
func TestStageConcurrentWrites(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	var paths []string
	for i := range 200 {
		paths = append(paths, fmt.Sprintf("t%d/k%d/page/%d/index.html", i%3, i%7, i))
	}
	for round := range 2 {
		stage, err := Begin(src, out)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, len(paths))
		for _, p := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- stage.Write(p, []byte(p))
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if err := stage.Write("t0/k0/page/0/index.html/x.html", nil); err == nil {
			t.Errorf("round %d: writing below a file succeeded", round)
		}
		if err := stage.Commit(); err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if got, err := os.ReadFile(filepath.Join(out, p)); err != nil || string(got) != p {
				t.Fatalf("round %d: %s = %q, %v", round, p, got, err)
			}
		}
	}
	entries, _ := os.ReadDir(src)
	if len(entries) != 1 {
		t.Errorf("site folder holds %d entries, want only public (no staging or old folders)", len(entries))
	}
}
