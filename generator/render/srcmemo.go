package render

import (
	"reflect"
	"sync"
	"unsafe"
)

// srcMemo keeps, from one build to the next, the digests of values that
// check made from one file each and nobody changes after (a story, a
// term or a page of package content, with the file's Hash set): check's
// cache hands an unchanged file's value to the next build as the same
// pointer, so its digest is not computed again. A changed file is a new
// value (link's ReplaceBody copies before it changes a body). The memo
// holds its keys, so no address is reused while it is kept; it keeps
// those the last build used (see rotate).
type srcMemo struct {
	mu         sync.Mutex
	prev, next map[unsafe.Pointer]uint64
}

func newSrcMemo() *srcMemo {
	return &srcMemo{prev: map[unsafe.Pointer]uint64{}, next: map[unsafe.Pointer]uint64{}}
}

// digest returns the digest of the value at p, computing it with make
// when this build and the last have not.
func (m *srcMemo) digest(p unsafe.Pointer, make func() uint64) uint64 {
	m.mu.Lock()
	d, ok := m.next[p]
	if !ok {
		if d, ok = m.prev[p]; ok {
			m.next[p] = d
		}
	}
	m.mu.Unlock()
	if ok {
		return d
	}
	d = make()
	m.mu.Lock()
	m.next[p] = d
	m.mu.Unlock()
	return d
}

// rotate starts a build: what the last one used is kept, the rest let go.
func (m *srcMemo) rotate() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.prev, m.next = m.next, map[unsafe.Pointer]uint64{}
}

// sourceBacked reports whether v, a non-nil pointer, points to a value
// made from one file (see srcMemo): a struct with a Body, a non-zero Hash
// of its file, and no field that can hold an entity of the Site.
func sourceBacked(v reflect.Value) bool {
	t := v.Type().Elem()
	if t.Kind() != reflect.Struct || t.PkgPath() == linkPkg {
		return false
	}
	pl := planOf(t)
	if pl.hash < 0 || !pl.body || holdsEntities(t) {
		return false
	}
	return v.Elem().Field(pl.hash).Uint() != 0
}
