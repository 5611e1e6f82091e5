package search_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/search"
)

// checkTexts checks the x/ files of the index files of in: each story's
// "x" in its d/ chunk is [offset, length] of exactly its text (questions
// and body joined by spaces) in x/<id/Group>.txt, the texts of a group
// lie one after the other from offset 0, and the x/ files hold nothing
// else.
func checkTexts(t *testing.T, in search.Input, files []search.File) {
	t.Helper()
	chunk, group := in.Chunk, in.Group
	if chunk <= 0 {
		chunk = search.DefaultChunk
	}
	if group <= 0 {
		group = search.DefaultGroup
	}
	var docs []search.Doc
	for _, d := range in.Docs {
		if !d.Draft {
			docs = append(docs, d)
		}
	}
	byPath := map[string][]byte{}
	texts := 0
	for _, f := range files {
		byPath[f.Path] = f.Data
		if strings.HasPrefix(f.Path, "x/") {
			texts++
		}
	}
	var man struct {
		N     int `json:"n"`
		Chunk int `json:"chunk"`
		Group int `json:"xg"`
	}
	if err := json.Unmarshal(byPath["index.json"], &man); err != nil {
		t.Fatal(err)
	}
	if man.N != len(docs) || man.Chunk != chunk || man.Group != group {
		t.Fatalf("manifest n=%d chunk=%d xg=%d, want %d, %d, %d", man.N, man.Chunk, man.Group, len(docs), chunk, group)
	}
	if want := (len(docs) + group - 1) / group; texts != want {
		t.Errorf("%d x/ files for %d stories in groups of %d, want %d", texts, len(docs), group, want)
	}
	type entry struct {
		URL  string `json:"u"`
		Text []int  `json:"x"`
	}
	var entries []entry
	bad, next := 0, 0
	for id, d := range docs {
		if id%chunk == 0 {
			entries = nil
			if err := json.Unmarshal(byPath[fmt.Sprintf("d/%d.json", id/chunk)], &entries); err != nil {
				t.Fatalf("d/%d.json: %v", id/chunk, err)
			}
		}
		if id%group == 0 {
			next = 0
		}
		if id%chunk >= len(entries) {
			t.Fatalf("story %d is not in d/%d.json", id, id/chunk)
		}
		e := entries[id%chunk]
		name := fmt.Sprintf("x/%d.txt", id/group)
		data, ok := byPath[name]
		want := strings.Join(append(slices.Clone(d.Questions), d.Body), " ")
		switch {
		case !ok:
			t.Errorf("story %d: no %s", id, name)
		case e.URL != d.URL || len(e.Text) != 2:
			t.Errorf("story %d: entry %+v in d/%d.json", id, e, id/chunk)
		case e.Text[0] != next || e.Text[1] != len(want) || e.Text[0]+e.Text[1] > len(data):
			t.Errorf("story %d: text at %v of %s (%d bytes), want [%d,%d]", id, e.Text, name, len(data), next, len(want))
		case string(data[e.Text[0]:e.Text[0]+e.Text[1]]) != want:
			t.Errorf("story %d: %s[%d:+%d] is %.80q, want %.80q", id, name, e.Text[0], e.Text[1], data[e.Text[0]:e.Text[0]+e.Text[1]], want)
		default:
			next += e.Text[1]
			if id%group == group-1 || id == len(docs)-1 {
				if next != len(data) {
					t.Errorf("%s has %d bytes, its stories' texts %d", name, len(data), next)
				}
			}
			continue
		}
		if bad++; bad == 5 {
			t.Fatalf("more stories with a wrong text")
		}
		next += len(want)
	}
}

// textDocs returns n stories with texts of every kind: several
// questions, none, an empty body, letters of two, three and four bytes.
func textDocs(n int, seed uint64) []search.Doc {
	rng := rand.New(rand.NewPCG(seed, 3))
	extra := []string{"", " Dùn Èideann", " 東京の図書館", " 🙂 smiles", " naïve café"}
	var docs []search.Doc
	for i := range n {
		body := testBody(rng, rng.IntN(40)) + extra[rng.IntN(len(extra))]
		if i%17 == 5 {
			body = ""
		}
		d := doc(fmt.Sprintf("Story%d %s", i, testBody(rng, 2)), testBody(rng, 5), body, "inquiry")
		for range rng.IntN(4) - 1 {
			d.Questions = append(d.Questions, "Why "+testBody(rng, 3)+"?")
		}
		d.Draft = i%31 == 30
		d.Key = uint64(i)*2 + 1
		docs = append(docs, d)
	}
	return docs
}

// TestTextSpans checks the x/ files and the spans of the d/ chunks that
// point into them, for stories across several groups, without and with a
// Cache, and after edits in a cached build: a text grown, shrunk and
// emptied in the middle of a group, at its start and at its end.
func TestTextSpans(t *testing.T) {
	for _, sizes := range []struct{ chunk, group int }{{0, 0}, {3, 7}, {10, 1}, {4, 1000}} {
		t.Run(fmt.Sprintf("chunk %d group %d", sizes.chunk, sizes.group), func(t *testing.T) {
			docs := textDocs(260, 1)
			in := search.Input{Taxonomies: taxonomies, Docs: docs, Chunk: sizes.chunk, Group: sizes.group}
			fresh, err := search.Build(in)
			if err != nil {
				t.Fatal(err)
			}
			checkTexts(t, in, fresh.Files)
			in.Cache = search.NewCache()
			checkCached(t, in, in.Cache, false)
			rng := rand.New(rand.NewPCG(9, 9))
			key := uint64(1 << 40)
			for step, id := range []int{150, 150, 100, 199, 0, 257, 150} {
				switch step % 3 {
				case 0:
					docs[id].Body += " and " + testBody(rng, 10) + " 🙂"
				case 1:
					docs[id].Body = docs[id].Body[:len(docs[id].Body)/2]
				case 2:
					docs[id].Body, docs[id].Questions = "", nil
				}
				key += 2
				docs[id].Key = key
				checkCached(t, in, in.Cache, step%2 == 1)
			}
		})
	}
}

// TestTextEditChangesItsGroup checks that a text edited in a cached build
// changes only its x/ file, and only the d/ chunks of its group from its
// story on, whose texts moved.
func TestTextEditChangesItsGroup(t *testing.T) {
	docs := textDocs(300, 2)
	for i := range docs {
		docs[i].Draft = false
	}
	in := search.Input{Taxonomies: taxonomies, Docs: docs, Cache: search.NewCache()}
	before, _ := streamed(t, in)
	docs[150].Body += " A few more words."
	docs[150].Key = 1 << 40
	after, _ := streamed(t, in)
	keys := map[string]uint64{}
	for _, f := range before {
		keys[f.Path] = f.Key
	}
	var changed []string
	for _, f := range after {
		if keys[f.Path] != f.Key && !strings.HasPrefix(f.Path, "t/") {
			changed = append(changed, f.Path)
		}
	}
	// Stories 150 to 199: chunks 15 to 19 and group 1.
	want := []string{"x/1.txt", "d/15.json", "d/16.json", "d/17.json", "d/18.json", "d/19.json", "index.json"}
	if !slices.Equal(changed, want) {
		t.Errorf("files changed by a body edit: %q, want %q", changed, want)
	}
	checkTexts(t, in, after)
}
