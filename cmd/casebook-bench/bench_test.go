package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		code  int
		sizes []int
	}{
		{"defaults", nil, -1, []int{1000, 10000}},
		{"large", []string{"-large"}, -1, []int{1000, 10000, 50000}},
		{"huge", []string{"-huge"}, -1, []int{1000, 10000, 100000}},
		{"sizes", []string{"-sizes", "10, 20"}, -1, []int{10, 20}},
		{"help", []string{"-h"}, 0, nil},
		{"bad size", []string{"-sizes", "ten"}, 2, nil},
		{"zero runs", []string{"-runs", "0"}, 2, nil},
		{"argument", []string{"extra"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, code := parseFlags(tt.args, new(bytes.Buffer))
			if code != tt.code {
				t.Fatalf("code = %d, want %d", code, tt.code)
			}
			if code == -1 && !equalInts(opts.sizes, tt.sizes) {
				t.Errorf("sizes = %v, want %v", opts.sizes, tt.sizes)
			}
		})
	}
}

// TestBenchDir checks that $BENCH_DIR, when set, is where everything
// goes unless -dir says otherwise, so that make bench can run on tmpfs.
func TestBenchDir(t *testing.T) {
	t.Setenv("BENCH_DIR", "/dev/shm/casebook-bench")
	if opts, _ := parseFlags(nil, new(bytes.Buffer)); opts.dir != "/dev/shm/casebook-bench" {
		t.Errorf("with BENCH_DIR set, dir = %q", opts.dir)
	}
	if opts, _ := parseFlags([]string{"-dir", "elsewhere"}, new(bytes.Buffer)); opts.dir != "elsewhere" {
		t.Errorf("-dir elsewhere gives dir = %q", opts.dir)
	}
	t.Setenv("BENCH_DIR", "")
	if opts, _ := parseFlags(nil, new(bytes.Buffer)); opts.dir != "bench-out" {
		t.Errorf("without BENCH_DIR, dir = %q", opts.dir)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMedianAndFormat(t *testing.T) {
	tests := []struct {
		name string
		in   []time.Duration
		want time.Duration
	}{
		{"odd", []time.Duration{5, 1, 3}, 3},
		{"even", []time.Duration{4, 1, 3, 2}, 2},
		{"one", []time.Duration{7}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	for n, want := range map[int]string{7: "7", 1000: "1,000", 50000: "50,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func sampleReport() report {
	return report{runs: 5, results: []result{
		{stories: 1000, build: summary{wall: time.Second, cpu: 2 * time.Second, maxRSS: 60e6}, floor: summary{wall: 500 * time.Millisecond}, files: 1200, bytes: 20e6},
		{stories: 10000, build: summary{wall: 13 * time.Second, cpu: 20 * time.Second, maxRSS: 450e6}, floor: summary{wall: 5 * time.Second, cpu: 8 * time.Second}, files: 12000, bytes: 200e6},
		{stories: 100000, build: summary{wall: 130 * time.Second, cpu: 200 * time.Second, maxRSS: 2e9}, floor: summary{wall: 50 * time.Second}, files: 120000, bytes: 2e9},
	}}
}

func TestTargets(t *testing.T) {
	got := sampleReport().targets()
	for _, want := range []string{
		"10,000-story build ÷ floor: 2.60 (target ≤ 2): MISSED",
		"peak RSS at 10,000 stories: 450.00 MB (target ≤ 256 MB): MISSED",
		"10,000-story build ÷ 1,000-story build: 13.00 (target ≤ 12): MISSED",
		"100,000-story build ÷ 10,000-story build: 10.00 (target ≤ 11): met",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("targets lack %q:\n%s", want, got)
		}
	}
	if got := (report{}).targets(); !strings.Contains(got, "No targets apply") {
		t.Errorf("empty report: %q", got)
	}
}

func TestWriteInto(t *testing.T) {
	tests := []struct {
		name, doc string
		ok        bool
	}{
		{"markers", "# Perf\n\nintro\n\n" + beginMarker + "\nold figures\n" + endMarker + "\n\nafter\n", true},
		{"no markers", "# Perf\n", false},
		{"reversed", endMarker + "\n" + beginMarker + "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "perf.md")
			if err := os.WriteFile(file, []byte(tt.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			err := sampleReport().writeInto(file)
			if (err == nil) != tt.ok {
				t.Fatalf("writeInto error = %v, want ok %v", err, tt.ok)
			}
			got, _ := os.ReadFile(file)
			if !tt.ok {
				if string(got) != tt.doc {
					t.Errorf("a failed write changed the file:\n%s", got)
				}
				return
			}
			for _, want := range []string{"# Perf\n\nintro\n\n" + beginMarker, "| 10,000 | 13.00 s | 769 | 5.00 s | 2.60 | 450 MB | 20.00 s | 8.00 s | 2.50 | 12,000 | 200.0 MB |", endMarker + "\n\nafter\n"} {
				if !strings.Contains(string(got), want) {
					t.Errorf("file lacks %q:\n%s", want, got)
				}
			}
			if strings.Contains(string(got), "old figures") {
				t.Errorf("old figures kept:\n%s", got)
			}
		})
	}
}
