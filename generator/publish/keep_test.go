package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeep publishes files of the previous output by hard link when the
// caller accepts their first bytes, and refuses everything else: a file
// the caller rejects, a symlink that leads out of the output folder, a
// folder, a missing file, and any file of an output casebook did not write.
func TestKeep(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	outside := filepath.Join(t.TempDir(), "secret.png")
	write(t, outside, "PNG secret")
	first, err := Begin(src, out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{"stories/a/card.png": "PNG a " + strings.Repeat("x", 2*HeadSize), "stories/b/card.png": "PNG b"} {
		if err := first.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "stories", "evil.png")); err != nil {
		t.Fatal(err)
	}
	png := func(head []byte) bool { return strings.HasPrefix(string(head), "PNG") }

	stage, err := Begin(src, out)
	if err != nil {
		t.Fatal(err)
	}
	var heads []int
	size, ok := stage.Keep("stories/a/card.png", func(head []byte) bool { heads = append(heads, len(head)); return png(head) })
	if !ok || size != int64(6+2*HeadSize) {
		t.Fatalf("Keep of an accepted file = %d, %v; want %d, true", size, ok, 6+2*HeadSize)
	}
	if len(heads) != 1 || heads[0] != HeadSize {
		t.Errorf("same saw heads of %v bytes, want one of %d", heads, HeadSize)
	}
	for _, p := range []string{"stories/b/card.png", "stories/evil.png", "stories/a", "stories/missing.png", "../public/stories/b/card.png"} {
		accept := png
		if p == "stories/b/card.png" {
			accept = func([]byte) bool { return false }
		}
		if _, ok := stage.Keep(p, accept); ok {
			t.Errorf("Keep(%q) = true, want false", p)
		}
	}
	if err := stage.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "stories", "a", "card.png"))
	if err != nil || !strings.HasPrefix(string(got), "PNG a ") {
		t.Errorf("kept card = %.10q, %v", got, err)
	}
	for _, p := range []string{"stories/b/card.png", "stories/evil.png"} {
		if _, err := os.Lstat(filepath.Join(out, filepath.FromSlash(p))); !os.IsNotExist(err) {
			t.Errorf("%s is in the new output (%v); a refused Keep must publish nothing", p, err)
		}
	}
	if data, _ := os.ReadFile(outside); string(data) != "PNG secret" {
		t.Errorf("the file outside the output changed: %q", data)
	}

	// An output folder without the marker is not casebook's: nothing kept.
	if err := os.Remove(filepath.Join(out, Marker)); err != nil {
		t.Fatal(err)
	}
	foreign := &Stage{out: out, staging: t.TempDir()}
	if _, ok := foreign.Keep("stories/a/card.png", png); ok {
		t.Error("Keep from an output casebook did not write = true")
	}
	foreign.closePrevious()
}
