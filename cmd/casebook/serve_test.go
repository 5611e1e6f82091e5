package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer collects a command's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWatchAndServeStopOnSignal runs each long-running command on a small
// site, waits until it is up, sends the process SIGINT or SIGTERM, and
// expects a clean exit with status 0.
func TestWatchAndServeStopOnSignal(t *testing.T) {
	tests := []struct {
		name   string
		args   func(src string) []string
		ready  string
		signal syscall.Signal
	}{
		{"serve/SIGINT", func(src string) []string { return []string{"serve", "-src", src, "-addr", "127.0.0.1:0"} }, "serving ", syscall.SIGINT},
		{"serve/SIGTERM", func(src string) []string { return []string{"serve", "-src", src, "-addr", "127.0.0.1:0", "-poll"} }, "serving ", syscall.SIGTERM},
		{"watch/SIGINT", func(src string) []string {
			return []string{"watch", "-src", src, "-out", filepath.Join(src, "public")}
		}, "watching ", syscall.SIGINT},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := t.TempDir()
			files := map[string]string{
				"site.toml":                     "title = \"T\"\nbase_url = \"https://example.org/\"\ntaxonomies = [\"principles\"]\n",
				"content/principles/inquiry.md": "---\ntitle: Inquiry\nsummary: Asking first.\n---\n",
				"content/stories/a.md":          "---\ntitle: A\nsummary: A story.\ndate: 2020-01-02\nprinciples: [inquiry]\n---\nBody.\n",
			}
			for name, data := range files {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr lockedBuffer
			done := make(chan int, 1)
			go func() { done <- Run(tc.args(src), &stdout, &stderr) }()
			deadline := time.Now().Add(30 * time.Second)
			for !strings.Contains(stdout.String(), tc.ready) {
				if time.Now().After(deadline) {
					t.Fatalf("not ready within 30s; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			if err := syscall.Kill(os.Getpid(), tc.signal); err != nil {
				t.Fatal(err)
			}
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("exit status %d, want 0; stderr:\n%s", code, stderr.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the command did not stop after the signal")
			}
		})
	}
}

func TestWatchAndServeUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"serve with an argument", []string{"serve", "extra"}},
		{"serve with an unknown flag", []string{"serve", "-port", "1"}},
		{"watch with an unknown flag", []string{"watch", "-addr", "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr lockedBuffer
			if code := Run(tc.args, &stdout, &stderr); code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
		})
	}
}

func TestWatchRefusesForeignOutput(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, out string)
	}{
		{"non-empty folder not made by casebook", func(t *testing.T, out string) {
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "mine.txt"), []byte("keep"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			tc.setup(t, out)
			var stdout, stderr lockedBuffer
			if code := Run([]string{"watch", "-src", t.TempDir(), "-out", out}, &stdout, &stderr); code != exitContent {
				t.Errorf("exit status %d, want %d", code, exitContent)
			}
			if !strings.Contains(stderr.String(), "refusing") {
				t.Errorf("stderr does not say why: %s", stderr.String())
			}
		})
	}
}
