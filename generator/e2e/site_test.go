package e2e_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/casebook/casebook/generator/e2e"
)

// TestServe checks the test server: folders serve their index.html, and
// missing paths get the site's 404.html with status 404.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "home",
		"404.html":             "not here",
		"stories/a/index.html": "story a",
		"style.css":            "body{}",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := e2e.Serve(t, dir)
	tests := []struct {
		name, path string
		status     int
		body       string
	}{
		{"home", "", 200, "home"},
		{"folder", "stories/a/", 200, "story a"},
		{"file", "style.css", 200, "body{}"},
		{"missing page", "stories/b/", 404, "not here"},
		{"folder without index", "stories/", 404, "not here"},
		{"escape attempt", "../../etc/passwd", 404, "not here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(base + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || string(body) != tt.body {
				t.Errorf("GET /%s = %d %q, want %d %q", tt.path, resp.StatusCode, body, tt.status, tt.body)
			}
		})
	}
}
