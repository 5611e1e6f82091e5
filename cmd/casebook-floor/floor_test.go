package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/casebook/casebook/generator/corpus"
)

var vocab = filepath.Join("..", "..", "content")

func TestFloor(t *testing.T) {
	site := t.TempDir()
	if err := corpus.Generate(site, 20, vocab); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			n, err := Floor(site, out, workers)
			if err != nil {
				t.Fatal(err)
			}
			if n != 20 {
				t.Errorf("Floor wrote %d stories, want 20", n)
			}
			pages, _ := filepath.Glob(filepath.Join(out, "stories", "*", "index.html"))
			if len(pages) != 20 {
				t.Fatalf("got %d pages, want 20", len(pages))
			}
			page, err := os.ReadFile(pages[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"<h1>", "<h2", "<p>"} {
				if !bytes.Contains(page, []byte(want)) {
					t.Errorf("%s lacks %q:\n%s", pages[0], want, page)
				}
			}
		})
	}
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no out", nil, 2},
		{"bad workers", []string{"-out", "x", "-j", "0"}, 2},
		{"extra argument", []string{"-out", "x", "y"}, 2},
		{"missing site", []string{"-src", filepath.Join(t.TempDir(), "none"), "-out", filepath.Join(t.TempDir(), "out")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("run(%q) = %d, want %d; stderr: %s", tt.args, code, tt.code, stderr.String())
			}
		})
	}
}

var (
	benchOnce sync.Once
	benchSite string
	benchErr  error
)

// BenchmarkFloor is the floor on 1,000 stories, beside the stage
// benchmarks of generator/build.
func BenchmarkFloor(b *testing.B) {
	benchOnce.Do(func() {
		benchSite, benchErr = os.MkdirTemp("", "casebook-floor-")
		if benchErr == nil {
			benchErr = corpus.Generate(benchSite, 1000, vocab)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	out := filepath.Join(benchSite, "out")
	for b.Loop() {
		if _, err := Floor(benchSite, out, runtime.GOMAXPROCS(0)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(1000*float64(b.N)/b.Elapsed().Seconds(), "stories/s")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchSite != "" {
		os.RemoveAll(benchSite)
	}
	os.Exit(code)
}
