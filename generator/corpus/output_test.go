package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOutputFolder(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		wantErr bool
	}{
		{"new folder", func(t *testing.T, dir string) {}, false},
		{"empty folder", func(t *testing.T, dir string) { mkdir(t, dir) }, false},
		{"non-empty folder", func(t *testing.T, dir string) {
			mkdir(t, dir)
			writeFile(t, filepath.Join(dir, "notes.txt"), "mine")
		}, true},
		{"earlier corpus", func(t *testing.T, dir string) {
			if err := Generate(dir, 30, ""); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "content", "stories", "stale.md"), "old")
			mkdir(t, filepath.Join(dir, stagingPrefix+"123"))
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			tt.setup(t, dir)
			err := Generate(dir, 10, "")
			if (err != nil) != tt.wantErr {
				t.Fatalf("Generate: err = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			compareDirs(t, dir, generate(t, 10, ""))
		})
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
