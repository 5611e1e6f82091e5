package search_test

// Benchmarks of the index build on synthetic stories:
//
//	go test ./generator/search -run '^$' -bench 'Stream|Rebuild' -benchmem
//
// BenchStories (10,000) stories of about 700 words each, drawn from a
// fixed vocabulary with a Zipf distribution by a seeded PRNG, so every
// run indexes the same text.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/search"
)

// BenchStories is the number of stories of the benchmarks.
const BenchStories = 10000

// benchTaxonomies are three vocabularies the size of the example site's.
var benchTaxonomies = func() []search.Taxonomy {
	var out []search.Taxonomy
	for _, tax := range []struct {
		name string
		n    int
	}{{"principles", 5}, {"sectors", 10}, {"themes", 11}} {
		t := search.Taxonomy{Name: tax.name, Title: strings.ToUpper(tax.name[:1]) + tax.name[1:], Param: content.Param(tax.name)}
		for i := range tax.n {
			key := fmt.Sprintf("%s-%d", tax.name[:3], i)
			t.Terms = append(t.Terms, search.Term{Key: key, Title: "Term " + key, URL: "/" + tax.name + "/" + key + "/"})
		}
		out = append(out, t)
	}
	return out
}()

// synthWords is the vocabulary of synthetic stories: made-up words of two
// to four syllables, most common first.
var synthWords = func() []string {
	syllables := strings.Fields("ka lo mi ne su ra te vo pa di gu ho be ly fa jo ce wi zu qe an or el is un at")
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	var out []string
	for len(out) < 30000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}()

// synth writes synthetic text.
type synth struct {
	rng  *rand.Rand
	zipf *rand.Zipf
}

func newSynth(seed uint64) *synth {
	rng := rand.New(rand.NewPCG(seed, 7))
	return &synth{rng: rng, zipf: rand.NewZipf(rng, 1.07, 2, uint64(len(synthWords)-1))}
}

// words returns n words as sentences.
func (s *synth) words(n int) string {
	var b strings.Builder
	for i := range n {
		w := synthWords[s.zipf.Uint64()]
		switch {
		case i == 0:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		case s.rng.IntN(12) == 0:
			b.WriteString(". ")
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		default:
			b.WriteByte(' ')
			b.WriteString(w)
		}
	}
	b.WriteByte('.')
	return b.String()
}

// synthDoc returns story i, its text drawn from seed.
func synthDoc(i int, seed uint64) search.Doc {
	s := newSynth(seed)
	d := search.Doc{
		Title:     s.words(6),
		URL:       fmt.Sprintf("/stories/story-%d/", i),
		Summary:   s.words(25),
		Place:     s.words(2),
		Date:      time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i/3),
		Questions: []string{s.words(10) + "?", s.words(8) + "?"},
		Facts:     []string{s.words(3), s.words(2), "2019 to 2021"},
		Body:      s.words(640 + s.rng.IntN(120)),
		Key:       seed*2 + 1,
	}
	for _, tax := range benchTaxonomies {
		var keys []string
		for _, t := range tax.Terms {
			if s.rng.IntN(len(tax.Terms)) < 2 {
				keys = append(keys, t.Key)
				d.Facts = append(d.Facts, t.Title)
			}
		}
		d.Terms = append(d.Terms, keys)
	}
	return d
}

var (
	benchDocsOnce sync.Once
	benchDocs     []search.Doc
)

// synthDocs returns BenchStories synthetic stories; callers copy the slice
// before changing it.
func synthDocs() []search.Doc {
	benchDocsOnce.Do(func() {
		benchDocs = make([]search.Doc, BenchStories)
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for i := w; i < BenchStories; i += 4 {
					benchDocs[i] = synthDoc(i, uint64(i))
				}
			})
		}
		wg.Wait()
	})
	return benchDocs
}

func discard(search.File) error { return nil }

// BenchmarkStreamCold builds the index of BenchStories stories without a
// cache, as a one-off build does.
func BenchmarkStreamCold(b *testing.B) {
	in := search.Input{Taxonomies: benchTaxonomies, Docs: synthDocs()}
	var size int64
	for b.Loop() {
		size = 0
		_, err := search.Stream(in, func(f search.File) error { size += int64(len(f.Data)); return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkRebuildOneDoc rebuilds the index of BenchStories stories with a
// warm cache after one story's body changed, as watch mode does after an
// edit; each iteration edits another story. In "sentence", a sentence of
// new words is added to the body, the usual edit; in "body", the whole
// body is replaced by another of the same length, the worst case: most of
// the story's terms change score.
func BenchmarkRebuildOneDoc(b *testing.B) {
	for _, kind := range []string{"sentence", "body"} {
		b.Run(kind, func(b *testing.B) {
			docs := append([]search.Doc(nil), synthDocs()...)
			cache := search.NewCache()
			in := search.Input{Taxonomies: benchTaxonomies, Docs: docs, Cache: cache}
			if _, err := search.Stream(in, discard); err != nil {
				b.Fatal(err)
			}
			n := 0
			for b.Loop() {
				id := (n * 7919) % len(docs)
				if kind == "body" {
					docs[id].Body = newSynth(uint64(1e6 + n)).words(700)
				} else {
					docs[id].Body += " " + newSynth(uint64(1e6+n)).words(12)
				}
				docs[id].Key = uint64(1e7+n)*2 + 1
				n++
				if _, err := search.Stream(in, discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
