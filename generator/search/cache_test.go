package search_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/casebook/casebook/generator/search"
)

// TestCachedBuildsMatchFreshOnes edits, swaps and removes stories between
// builds that share a Cache and checks every build against a fresh one:
// the patched inverted index and the cached scores must never leak an old
// version of a story into the output.
func TestCachedBuildsMatchFreshOnes(t *testing.T) {
	base := func() []search.Doc {
		var docs []search.Doc
		for i := range 40 {
			d := doc(fmt.Sprintf("Story %d about families", i), "A summary of support.", fmt.Sprintf("Body %d mentions housing and transport.", i), "inquiry")
			d.Key = uint64(1000 + i)
			docs = append(docs, d)
		}
		return docs
	}
	docs := base()
	steps := []struct {
		name string
		edit func([]search.Doc) []search.Doc
	}{
		{"first build", func(d []search.Doc) []search.Doc { return d }},
		{"unchanged", func(d []search.Doc) []search.Doc { return d }},
		{"one body edited", func(d []search.Doc) []search.Doc {
			d[3].Body, d[3].Key = "Now it talks about hunger and gardens.", 5003
			return d
		}},
		{"a new word in another story", func(d []search.Doc) []search.Doc {
			d[10].Title, d[10].Key = "Story ten about zebras", 5010
			return d
		}},
		{"the first edit undone", func(d []search.Doc) []search.Doc {
			d[3] = base()[3]
			return d
		}},
		{"a story removed", func(d []search.Doc) []search.Doc { return append(d[:5:5], d[6:]...) }},
		{"many stories edited", func(d []search.Doc) []search.Doc {
			for i := range d {
				d[i].Summary, d[i].Key = "Rewritten summary.", d[i].Key+10000
			}
			return d
		}},
	}
	cache := search.NewCache()
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			docs = step.edit(docs)
			cached, err := search.Build(search.Input{Taxonomies: taxonomies, Docs: docs, Cache: cache})
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := search.Build(search.Input{Taxonomies: taxonomies, Docs: docs})
			if err != nil {
				t.Fatal(err)
			}
			if len(cached.Files) != len(fresh.Files) {
				t.Fatalf("cached build has %d files, fresh build %d", len(cached.Files), len(fresh.Files))
			}
			for i := range fresh.Files {
				c, f := cached.Files[i], fresh.Files[i]
				if c.Path != f.Path || !bytes.Equal(c.Data, f.Data) {
					t.Errorf("%s differs from a fresh build:\ncached %s\nfresh  %s", f.Path, c.Data, f.Data)
				}
			}
		})
	}
}
