package search_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/search"
)

// streamed runs Stream and returns its files in the order emitted.
func streamed(t *testing.T, in search.Input) ([]search.File, *search.Index) {
	t.Helper()
	var files []search.File
	ix, err := search.Stream(in, func(f search.File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Files != nil {
		t.Error("Stream returned files")
	}
	return files, ix
}

// sameFiles reports the differences between two lists of files.
func sameFiles(t *testing.T, what string, got, want []search.File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d files, want %d", what, len(got), len(want))
	}
	bad := 0
	for i := range want {
		g, w := got[i], want[i]
		if g.Path != w.Path || !bytes.Equal(g.Data, w.Data) || g.Key != w.Key {
			if bad++; bad <= 5 {
				t.Errorf("%s: file %d is %s (key %x):\n%.300s\nwant %s (key %x):\n%.300s", what, i, g.Path, g.Key, g.Data, w.Path, w.Key, w.Data)
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d files differ", what, bad)
	}
}

// checkCached builds in with cache, by Stream and, every other time, by
// Build, and checks the files against a fresh build without a cache, and
// Stream's order and keys.
func checkCached(t *testing.T, in search.Input, cache *search.Cache, viaBuild bool) {
	t.Helper()
	in.Cache = nil
	fresh, err := search.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, in, fresh.Files)
	in.Cache = cache
	if viaBuild {
		cached, err := search.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, "Build with a cache", cached.Files, fresh.Files)
		checkTexts(t, in, cached.Files)
		if cached.Version != fresh.Version || cached.Stories != fresh.Stories {
			t.Errorf("cached build: version %s, %d stories; fresh %s, %d", cached.Version, cached.Stories, fresh.Version, fresh.Stories)
		}
		return
	}
	files, ix := streamed(t, in)
	// Stream gives the manifest last, Build first.
	want := append(slices.Clone(fresh.Files[1:]), fresh.Files[0])
	sameFiles(t, "Stream with a cache", files, want)
	checkTexts(t, in, files)
	if ix.Version != fresh.Version || ix.Stories != fresh.Stories {
		t.Errorf("Stream: version %s, %d stories; fresh build %s, %d", ix.Version, ix.Stories, fresh.Version, fresh.Stories)
	}
}

// testWords are the words of test stories: a few in most stories, so
// that their postings are long and their entries are patched, and many
// rarer ones, some sharing prefixes, so that shards split.
var testWords = strings.Fields(`families support housing transport hunger gardens council police
	school health poverty justice sector theme summer winter relation practice story inquiry
	system emergent carer carers caring care cared café naïve über zebra zebras zeal zealous
	zenith zero zone zones zoning youth young yield yellow xylophone water waters watering
	wave waves vision visit visited visiting value valued values unity union unique umbrella`)

// testBody returns n words drawn by rng, most often the first ones.
func testBody(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		k := rng.IntN(len(testWords))
		if rng.IntN(2) == 0 {
			k = rng.IntN(8)
		}
		b.WriteString(testWords[k])
	}
	return b.String()
}

// TestCachedBuildsMatchFreshOnes edits, swaps and removes stories between
// builds that share a Cache and checks every build, by Stream and by
// Build, against a fresh one: the patched inverted index, shards, chunks,
// term sets and texts must never leak an old version of a story into the
// output.
func TestCachedBuildsMatchFreshOnes(t *testing.T) {
	key := uint64(1)
	newKey := func() uint64 { key += 2; return key }
	base := func() []search.Doc {
		rng := rand.New(rand.NewPCG(1, 1))
		var docs []search.Doc
		for i := range 40 {
			d := doc(fmt.Sprintf("Story %d about families", i), "A summary of support.", testBody(rng, 30), "inquiry")
			d.Key = uint64(1000+i)*2 + 1
			docs = append(docs, d)
		}
		return docs
	}
	docs := base()
	rng := rand.New(rand.NewPCG(2, 2))
	edit := func(d []search.Doc, i int, body string) {
		d[i].Body, d[i].Key = body, newKey()
	}
	taxes := taxonomies
	steps := []struct {
		name string
		edit func([]search.Doc) []search.Doc
	}{
		{"first build", func(d []search.Doc) []search.Doc { return d }},
		{"unchanged", func(d []search.Doc) []search.Doc { return d }},
		{"one body edited", func(d []search.Doc) []search.Doc {
			edit(d, 3, "Now it talks about hunger and gardens.")
			return d
		}},
		{"a sentence added to a body", func(d []search.Doc) []search.Doc {
			edit(d, 7, d[7].Body+" A zealous zebra visited the zoning council.")
			return d
		}},
		{"the same story again", func(d []search.Doc) []search.Doc {
			edit(d, 7, d[7].Body+" Zebras again.")
			return d
		}},
		{"several stories in a row", func(d []search.Doc) []search.Doc {
			for _, i := range []int{0, 1, 2, 20, 39} {
				edit(d, i, testBody(rng, 25))
			}
			return d
		}},
		{"the first story's only word removed", func(d []search.Doc) []search.Doc {
			edit(d, 0, "")
			return d
		}},
		{"a new word in another story", func(d []search.Doc) []search.Doc {
			d[10].Title, d[10].Key = "Story ten about xenophobia", newKey()
			return d
		}},
		{"the first edit undone", func(d []search.Doc) []search.Doc {
			d[3] = base()[3]
			return d
		}},
		{"a story added", func(d []search.Doc) []search.Doc {
			n := doc("Story new about umbrellas", "Fresh.", testBody(rng, 30), "systems")
			n.Key = newKey()
			return slices.Insert(d, 4, n)
		}},
		{"a story added at the end", func(d []search.Doc) []search.Doc {
			n := doc("Story last about yellow", "Old.", testBody(rng, 30))
			n.Key = newKey()
			return append(d, n)
		}},
		{"a story removed", func(d []search.Doc) []search.Doc { return slices.Delete(d, 5, 6) }},
		{"a term added to a story", func(d []search.Doc) []search.Doc {
			d[8].Terms, d[8].Key = [][]string{{"inquiry", "systems"}, {"nhs"}}, newKey()
			d[8].Facts = []string{"Inquiry", "Systems", "NHS"}
			return d
		}},
		{"a term added to the taxonomy", func(d []search.Doc) []search.Doc {
			taxes = slices.Clone(taxonomies)
			taxes[1].Terms = append(slices.Clone(taxes[1].Terms), search.Term{Key: "police", Title: "Police", URL: "/sectors/police/"})
			d[9].Terms, d[9].Key = [][]string{{}, {"police"}}, newKey()
			return d
		}},
		{"a story made a draft", func(d []search.Doc) []search.Doc {
			d[11].Draft, d[11].Key = true, newKey()
			return d
		}},
		{"two stories swapped", func(d []search.Doc) []search.Doc {
			d[12], d[13] = d[13], d[12]
			return d
		}},
		{"a story without a key", func(d []search.Doc) []search.Doc {
			edit(d, 14, "Uncached unity.")
			d[14].Key = 0
			return d
		}},
		{"its key back", func(d []search.Doc) []search.Doc {
			d[14].Key = newKey()
			return d
		}},
		{"many stories edited", func(d []search.Doc) []search.Doc {
			for i := range d {
				d[i].Summary, d[i].Key = "Rewritten summary.", newKey()
			}
			return d
		}},
		{"one body edited after a rebuild", func(d []search.Doc) []search.Doc {
			edit(d, 30, testBody(rng, 40))
			return d
		}},
	}
	cache := search.NewCache()
	for i, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			docs = step.edit(docs)
			in := search.Input{Taxonomies: taxes, Docs: docs, ShardBytes: 300, Chunk: 3, Group: 7}
			checkCached(t, in, cache, i%3 == 2)
		})
	}
}

// TestRandomEditsMatchFreshBuilds makes random changes of every kind
// between builds sharing a Cache, from a fixed seed, and checks each build
// against a fresh one.
func TestRandomEditsMatchFreshBuilds(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			randomEdits(t, seed, 150)
		})
	}
}

func randomEdits(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	key := uint64(1)
	newKey := func() uint64 { key += 2; return key }
	principles := []string{"inquiry", "systems"}
	newDoc := func(i int) search.Doc {
		d := doc(fmt.Sprintf("Story%d %s", i, testBody(rng, 3)), testBody(rng, 6), testBody(rng, rng.IntN(60)))
		d.Terms[0] = nil
		for _, p := range principles {
			if rng.IntN(2) == 0 {
				d.Terms[0] = append(d.Terms[0], p)
			}
		}
		if rng.IntN(3) == 0 {
			d.Questions = []string{testBody(rng, 5) + "?"}
		}
		d.Date = d.Date.AddDate(0, 0, rng.IntN(1000))
		d.Key = newKey()
		return d
	}
	var docs []search.Doc
	for i := range 60 {
		docs = append(docs, newDoc(i))
	}
	var history []search.Doc // earlier versions, with their keys
	cache := search.NewCache()
	taxes := taxonomies
	chunk, group, shardBytes := 4, 9, 500
	for step := range steps {
		var did []string
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(docs))
			history = append(history, docs[i])
			switch op := rng.IntN(20); {
			case op < 5:
				docs[i].Body, docs[i].Key = docs[i].Body+" "+testBody(rng, 1+rng.IntN(5)), newKey()
				did = append(did, "sentence")
			case op < 7:
				if f := strings.Fields(docs[i].Body); len(f) > 0 {
					j := rng.IntN(len(f))
					f = slices.Delete(f, j, j+1)
					docs[i].Body, docs[i].Key = strings.Join(f, " "), newKey()
				}
				did = append(did, "word removed")
			case op < 9:
				docs[i].Body, docs[i].Key = testBody(rng, rng.IntN(80)), newKey()
				did = append(did, "body")
			case op < 10:
				docs[i].Title, docs[i].Key = testBody(rng, 4), newKey()
				did = append(did, "title")
			case op < 11:
				docs[i] = history[rng.IntN(len(history))]
				did = append(did, "undo")
			case op < 12:
				docs = slices.Insert(docs, i, newDoc(len(docs)))
				did = append(did, "added")
			case op < 13:
				docs = slices.Delete(docs, i, i+1)
				did = append(did, "removed")
			case op < 14:
				j := rng.IntN(len(docs))
				docs[i], docs[j] = docs[j], docs[i]
				did = append(did, "swapped")
			case op < 15:
				docs[i].Draft, docs[i].Key = !docs[i].Draft, newKey()
				did = append(did, "draft")
			case op < 16:
				docs[i].Terms, docs[i].Key = [][]string{{principles[rng.IntN(2)]}, {"nhs"}}, newKey()
				did = append(did, "terms")
			case op < 17:
				docs[i].Key = 0
				did = append(did, "no key")
			case op < 18:
				// Two stories alike, key and all.
				docs[rng.IntN(len(docs))] = docs[i]
				did = append(did, "duplicate")
			case op < 19:
				taxes = slices.Clone(taxonomies)
				taxes[0].Terms = append(slices.Clone(taxes[0].Terms), search.Term{Key: fmt.Sprint("new", step), Title: "New", URL: "/new/"})
				did = append(did, "taxonomy")
			default:
				chunk, group, shardBytes = 2+rng.IntN(5), 1+rng.IntN(20), 200+rng.IntN(800)
				did = append(did, "sizes")
			}
		}
		if rng.IntN(15) == 0 {
			for i := range docs {
				docs[i].Summary, docs[i].Key = testBody(rng, 4), newKey()
			}
			did = append(did, "all")
		}
		in := search.Input{Taxonomies: taxes, Docs: docs, Chunk: chunk, Group: group, ShardBytes: shardBytes}
		checkCached(t, in, cache, step%4 == 3)
		if t.Failed() {
			t.Fatalf("step %d (%s) differs from a fresh build", step, strings.Join(did, ", "))
		}
	}
}
