package search_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"weak"

	"github.com/casebook/casebook/generator/search"
)

// TestStream checks what Stream promises: the manifest last, the other
// files as Build gives them, keys equal for equal bytes and the version
// changing with any file.
func TestStream(t *testing.T) {
	docs := []search.Doc{
		doc("One story", "About summer.", "Body one.", "inquiry"),
		doc("Two stories", "About winter.", "Body two.", "systems"),
	}
	in := search.Input{Taxonomies: taxonomies, Docs: docs}
	files, ix := streamed(t, in)
	first := files
	built, err := search.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if last := files[len(files)-1]; last.Path != "index.json" {
		t.Errorf("last file is %s, want index.json", last.Path)
	}
	if built.Files[0].Path != "index.json" {
		t.Errorf("Build's first file is %s, want index.json", built.Files[0].Path)
	}
	if ix.Stories != 2 || ix.Version == "" || ix.Version != built.Version {
		t.Errorf("Stream: %d stories, version %q; Build's version %q", ix.Stories, ix.Version, built.Version)
	}
	if !bytes.Contains(files[len(files)-1].Data, []byte(`"v":"`+ix.Version+`"`)) {
		t.Errorf("the manifest does not hold version %s", ix.Version)
	}
	keys := map[uint64]string{}
	for _, f := range files {
		if f.Key == 0 {
			t.Errorf("%s has key 0", f.Path)
		}
		if other, ok := keys[f.Key]; ok && other != string(f.Data) {
			t.Errorf("%s has the key of other bytes", f.Path)
		}
		keys[f.Key] = string(f.Data)
	}
	// Two files with the same bytes have the same key.
	twins := []search.Doc{doc("Same", "S.", "Twin body."), doc("Same", "S.", "Twin body.")}
	files, _ = streamed(t, search.Input{Taxonomies: taxonomies, Docs: twins, Group: 1})
	byPath := map[string]search.File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	if a, b := byPath["x/0.txt"], byPath["x/1.txt"]; a.Key != b.Key || !bytes.Equal(a.Data, b.Data) || len(a.Data) == 0 {
		t.Errorf("equal texts have keys %x and %x", a.Key, b.Key)
	}
	// Any change to any file changes the version.
	for _, c := range []struct {
		file   string
		change func(d []search.Doc)
	}{
		{"x/0.txt", func(d []search.Doc) { d[1].Body = "Body two!" }}, // the same words, as long: no other file changes
		{"d/0.json", func(d []search.Doc) { d[1].Date = d[1].Date.AddDate(1, 0, 0) }},
		{"t/", func(d []search.Doc) { d[0].Summary = "About autumn." }},
	} {
		changed := slices.Clone(docs)
		c.change(changed)
		otherFiles, other := streamed(t, search.Input{Taxonomies: taxonomies, Docs: changed})
		if other.Version == ix.Version {
			t.Errorf("version %s unchanged after a change to %s", ix.Version, c.file)
		}
		if c.file == "x/0.txt" {
			for i, f := range otherFiles[:len(otherFiles)-1] {
				if differs := !bytes.Equal(f.Data, first[i].Data); differs != (f.Path == c.file) {
					t.Errorf("after a text edit, %s differs: %v", f.Path, differs)
				}
			}
		}
	}
}

// TestStreamEmitError checks that an error from emit stops Stream, and
// that a Cache still gives right builds after a build that failed.
func TestStreamEmitError(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	var docs []search.Doc
	for i := range 30 {
		d := doc(fmt.Sprint("Story ", i), "Summary.", testBody(rng, 40))
		d.Key = uint64(i)*2 + 1
		docs = append(docs, d)
	}
	in := search.Input{Taxonomies: taxonomies, Docs: docs, ShardBytes: 400, Group: 4, Cache: search.NewCache()}
	checkCached(t, in, in.Cache, false)
	all, _ := streamed(t, in)
	// The first file, a shard, a text and the manifest.
	for _, stopAt := range []int{0, 3, len(all) - 5, len(all) - 1} {
		docs[stopAt%len(docs)].Body, docs[stopAt%len(docs)].Key = testBody(rng, 40), uint64(1000+stopAt)*2+1
		boom := fmt.Errorf("disk full")
		calls := 0
		_, err := search.Stream(in, func(search.File) error {
			calls++
			if calls == stopAt+1 {
				return boom
			}
			return nil
		})
		if err != boom {
			t.Errorf("Stream returned %v, want emit's error", err)
		}
		if calls != stopAt+1 {
			t.Errorf("emit called %d times, want %d: not again after its error", calls, stopAt+1)
		}
		checkCached(t, in, in.Cache, false)
	}
}

func TestStreamUnknownTermWithCache(t *testing.T) {
	cache := search.NewCache()
	good := doc("One", "s", "b", "inquiry")
	good.Key = 3
	in := search.Input{Taxonomies: taxonomies, Docs: []search.Doc{good}, Cache: cache}
	checkCached(t, in, cache, false)
	bad := doc("One", "s", "b", "nonsense")
	bad.Key = 5
	in.Docs = []search.Doc{bad}
	if _, err := search.Stream(in, discard); err == nil || !strings.Contains(err.Error(), `unknown principles term "nonsense"`) {
		t.Errorf("err = %v, want an unknown term error", err)
	}
	in.Docs = []search.Doc{good}
	checkCached(t, in, cache, false)
}

// TestStreamKeepsNoFile checks that Stream without a cache lets each file
// go soon after it is emitted: every so often, and when the manifest
// comes, none of the files emitted more than a few hundred files before
// may still be reachable.
func TestStreamKeepsNoFile(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	var docs []search.Doc
	for i := range 1000 {
		docs = append(docs, doc(fmt.Sprint("Story ", i), testBody(rng, 5), testBody(rng, 60), "inquiry"))
	}
	const recent = 200 // files that may be in flight
	var files []weak.Pointer[byte]
	var paths []string
	check := func() {
		runtime.GC()
		var held []string
		for i, w := range files[:max(0, len(files)-recent)] {
			if w.Value() != nil {
				held = append(held, paths[i])
			}
		}
		if len(held) > 0 {
			t.Errorf("%d of %d files still held after %d more: %.10q", len(held), len(files)-recent, recent, held)
		}
	}
	_, err := search.Stream(search.Input{Taxonomies: taxonomies, Docs: docs, ShardBytes: 2000, Group: 5}, func(f search.File) error {
		if f.Path == "index.json" {
			check()
			return nil
		}
		files = append(files, weak.Make(&f.Data[0]))
		paths = append(paths, f.Path)
		if len(files)%250 == 0 {
			check()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 300 {
		t.Fatalf("%d files", len(files))
	}
}
