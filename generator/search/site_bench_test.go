package search_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/casebook/casebook/generator/check"
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/corpus"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/markdown"
	"github.com/casebook/casebook/generator/search"
)

// corpusStories is the size of the generated site of the site benchmarks:
// CASEBOOK_SEARCH_STORIES, or BenchStories.
func corpusStories() int {
	if n, err := strconv.Atoi(os.Getenv("CASEBOOK_SEARCH_STORIES")); err == nil && n > 0 {
		return n
	}
	return BenchStories
}

var (
	corpusOnce sync.Once
	corpusSite *link.Site
	corpusErr  error
)

// linkedCorpus generates a benchmark corpus (generator/corpus) once per
// test binary and returns it linked.
func linkedCorpus(tb testing.TB) *link.Site {
	tb.Helper()
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "casebook-search-bench-")
		if err != nil {
			corpusErr = err
			return
		}
		defer os.RemoveAll(dir)
		if err := corpus.Generate(dir, corpusStories(), filepath.Join("..", "..", "content")); err != nil {
			corpusErr = err
			return
		}
		data, err := os.ReadFile(filepath.Join(dir, config.File))
		if err != nil {
			corpusErr = err
			return
		}
		cfg, diags := config.Parse(data, "")
		if diags.HasErrors() {
			corpusErr = diags.Err()
			return
		}
		loaded := load.Load(os.DirFS(dir), cfg.Taxonomies)
		col, diags := check.Check(loaded.Files, check.Options{Taxonomies: cfg.Taxonomies})
		if diags.HasErrors() {
			corpusErr = diags.Err()
			return
		}
		corpusSite, diags = link.Link(cfg, col, markdown.New())
		if diags.HasErrors() {
			corpusErr = diags.Err()
		}
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpusSite
}

// editBody gives the story a new body in place, as link.Site.ReplaceBody
// does: a new content.Story with another hash, new HTML, and new keys for
// them (any values not used before; FromSiteCached compares only keys).
func editBody(s *link.Story, html string, hash uint64) {
	story := *s.Story
	story.Hash = hash
	s.Story = &story
	s.HTML = html
	s.Key, s.HTMLKey = hash, ^hash
}

// BenchmarkRebuildOneStory is what watch mode does for the search index
// after one story's body was edited, on a generated corpus of BenchStories
// stories (CASEBOOK_SEARCH_STORIES=N picks another size): FromSiteCached
// and Stream with a warm cache, emit discarding the files. Each iteration
// edits another story, as link.Site.ReplaceBody would: "sentence" adds a
// paragraph, "body" gives it the body of another story.
func BenchmarkRebuildOneStory(b *testing.B) {
	site := linkedCorpus(b)
	for _, kind := range []string{"sentence", "body"} {
		b.Run(kind, func(b *testing.B) {
			cache := search.NewCache()
			if _, err := search.Stream(search.FromSiteCached(site, cache), discard); err != nil {
				b.Fatal(err)
			}
			type saved struct {
				s    *link.Story
				html string
				hash uint64
			}
			var undo []saved
			defer func() {
				for _, u := range slices.Backward(undo) {
					editBody(u.s, u.html, u.hash)
				}
			}()
			n := 0
			for b.Loop() {
				s := site.Stories[(n*7919)%len(site.Stories)]
				undo = append(undo, saved{s, s.HTML, s.Hash})
				if kind == "body" {
					editBody(s, string(site.Stories[(n*7919+1)%len(site.Stories)].HTML), uint64(n)<<1|1)
				} else {
					editBody(s, string(s.HTML)+fmt.Sprintf("<p>An edit to the body, number %d.</p>", n), uint64(n)<<1|1)
				}
				n++
				if _, err := search.Stream(search.FromSiteCached(site, cache), discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
