package render

import (
	"reflect"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

// TestSrcMemo checks the digests kept for values made from one file: the
// same value keeps its digest from one build to the next (check never
// changes one), a new value of another file's bytes gets its own, one
// without its file's Hash is hashed every time, and what a build did not
// use is let go after it.
func TestSrcMemo(t *testing.T) {
	g := newRegistry()
	g.srcs = newSrcMemo()
	digest := func(s *content.Story) uint64 {
		h := hasher{g: g}
		h.value(reflect.ValueOf(s), 0)
		return uint64(h.d)
	}
	s := &content.Story{Title: "One", Hash: 7}
	first := digest(s)
	g.srcs.rotate()
	s.Title = "Changed in place, which check never does"
	if digest(s) != first {
		t.Error("the same story was hashed again in the next build")
	}
	s.Title = "One"
	other := &content.Story{Title: "Two", Hash: 8}
	if digest(other) == first {
		t.Error("another story got the first one's digest")
	}
	unhashed := &content.Story{Title: "Three"}
	before := digest(unhashed)
	unhashed.Title = "Four"
	if digest(unhashed) == before {
		t.Error("a story without its file's Hash was not hashed again")
	}
	g.srcs.rotate() // a build that used only s and other
	g.srcs.rotate() // and one that used nothing
	if len(g.srcs.prev) != 0 || len(g.srcs.next) != 0 {
		t.Errorf("digests kept after two builds that did not use them: %d, %d", len(g.srcs.prev), len(g.srcs.next))
	}
}
