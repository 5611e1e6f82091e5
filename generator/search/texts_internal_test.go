package search

import (
	"fmt"
	"testing"
	"unsafe"
)

// TestPatchRemakesOnlyItsGroup checks that a body edited in a cached
// build makes again only the x/ file of its group and the d/ chunks of
// the stories of the group from it on, and reuses every other file's
// bytes as they are.
func TestPatchRemakesOnlyItsGroup(t *testing.T) {
	var docs []Doc
	for i := range 300 {
		docs = append(docs, Doc{Title: fmt.Sprint("Story ", i), URL: fmt.Sprint("/s/", i, "/"),
			Questions: []string{"Why?"}, Body: fmt.Sprint("Body of story ", i, "."), Key: uint64(i)*2 + 1})
	}
	c := NewCache()
	in := Input{Docs: docs, Cache: c}
	discard := func(File) error { return nil }
	if _, err := Stream(in, discard); err != nil {
		t.Fatal(err)
	}
	first := func(f []cachedFile) []*byte {
		var out []*byte
		for _, x := range f {
			out = append(out, unsafe.SliceData(x.data))
		}
		return out
	}
	groups, chunks := first(c.inverted.groups), first(c.inverted.chunks)
	docs[150].Body, docs[150].Key = "A longer body of story 150.", 1<<40
	if _, err := Stream(in, discard); err != nil {
		t.Fatal(err)
	}
	for i, p := range first(c.inverted.groups) {
		if remade := p != groups[i]; remade != (i == 1) {
			t.Errorf("x/%d.txt made again: %v", i, remade)
		}
	}
	for i, p := range first(c.inverted.chunks) {
		if remade := p != chunks[i]; remade != (i >= 15 && i < 20) {
			t.Errorf("d/%d.json made again: %v", i, remade)
		}
	}
}
