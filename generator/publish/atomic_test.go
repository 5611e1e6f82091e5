package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	tests := []struct {
		name     string
		existing string // "" for no file
	}{
		{"new file", ""},
		{"replaces a file", "old contents that are longer than the new ones"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "page.html")
			if tt.existing != "" {
				if err := os.WriteFile(p, []byte(tt.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteFileAtomic(p, []byte("new")); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(p)
			if err != nil || string(got) != "new" {
				t.Fatalf("file holds %q, %v; want %q", got, err, "new")
			}
			if info, _ := os.Stat(p); info.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want 0644", info.Mode().Perm())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("folder holds %d entries, want only the file (no temporary left)", len(entries))
			}
		})
	}
	t.Run("missing folder fails", func(t *testing.T) {
		if err := WriteFileAtomic(filepath.Join(t.TempDir(), "no", "page.html"), []byte("x")); err == nil {
			t.Fatal("want an error for a missing folder")
		}
	})
	// The temporary file is written before the rename fails (a folder
	// with something in it stands where the file goes), so this checks
	// that a failed write takes its temporary file away.
	t.Run("failed rename leaves no temporary file", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "page.html")
		if err := os.MkdirAll(filepath.Join(p, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := WriteFileAtomic(p, []byte("x")); err == nil {
			t.Fatal("want an error when a folder stands in the way")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 || entries[0].Name() != "page.html" {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("folder holds %q, want only page.html (no temporary file left)", names)
		}
	})
}
