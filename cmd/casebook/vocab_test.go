package main

import (
	"os"
	"strings"
	"testing"
)

const contributingPath = "../../CONTRIBUTING.md"

// The vocabulary table of CONTRIBUTING.md sits between these markers.
const (
	vocabBegin = "<!-- vocab:begin"
	vocabEnd   = "<!-- vocab:end -->"
)

// TestContributingVocabularyIsCurrent fails when the table in
// CONTRIBUTING.md differs from `casebook vocab` on the sample site, so the
// guide never lists terms that are gone or misses new ones. Run
// go test ./cmd/casebook -update to rewrite it.
func TestContributingVocabularyIsCurrent(t *testing.T) {
	code, table, stderr := run(t, "vocab", "-src", "../..")
	if code != exitOK {
		t.Fatalf("casebook vocab: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(contributingPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	begin := strings.Index(doc, vocabBegin)
	end := strings.Index(doc, vocabEnd)
	if begin < 0 || end < begin {
		t.Fatalf("CONTRIBUTING.md has no %q ... %q section", vocabBegin, vocabEnd)
	}
	start := begin + strings.Index(doc[begin:], "\n") + 1
	current := doc[start:end]
	if current == table {
		return
	}
	if *update {
		if err := os.WriteFile(contributingPath, []byte(doc[:start]+table+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the vocabulary table in CONTRIBUTING.md is out of date; paste the output of `go run ./cmd/casebook vocab` between the markers, or run go test ./cmd/casebook -update\n got:\n%s\nwant:\n%s", current, table)
}

func TestVocabUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"extra argument", []string{"vocab", "principles"}, exitUsage, `unexpected argument "principles"`},
		{"no site", []string{"vocab", "-src", "testdata/nowhere"}, exitContent, "opening the site folder"},
		{"folder without site.toml", []string{"schema", "-src", "testdata"}, exitContent, "has no site.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, stdout, stderr, tt.wantCode, tt.wantErr)
			}
		})
	}
}
