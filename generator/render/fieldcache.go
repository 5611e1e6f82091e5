package render

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"
)

// cowMap is a cache read without a lock on every access and written
// rarely (once per type and field name): a write replaces the whole map
// with a copy holding one more entry.
type cowMap[K comparable, V any] struct {
	mu sync.Mutex
	m  atomic.Pointer[map[K]V]
}

func (c *cowMap[K, V]) load(k K) (V, bool) {
	if m := c.m.Load(); m != nil {
		v, ok := (*m)[k]
		return v, ok
	}
	var zero V
	return zero, false
}

func (c *cowMap[K, V]) store(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var n map[K]V
	if old := c.m.Load(); old != nil {
		n = make(map[K]V, len(*old)+1)
		for key, val := range *old {
			n[key] = val
		}
	} else {
		n = map[K]V{}
	}
	n[k] = v
	c.m.Store(&n)
}

type fieldKey struct {
	t     reflect.Type
	field uint32
}

// fieldLookup is how the interned field name resolves on the pointer
// type pt, found once.
type fieldLookup struct {
	lookup
	// ofSource is set for a field of the value made from one file that the
	// type embeds (see sourceOf), such as a story's title but not its URL.
	ofSource bool
}

var fieldLookups cowMap[fieldKey, fieldLookup]

func lookupByID(pt reflect.Type, field uint32) fieldLookup {
	key := fieldKey{pt, field}
	if lk, ok := fieldLookups.load(key); ok {
		return lk
	}
	lk := fieldLookup{lookup: lookupOf(pt, nameOf(field))}
	if at, _ := sourceField(pt); at >= 0 && lk.method < 0 && lk.found && len(lk.field) > 1 {
		lk.ofSource = lk.field[0] == at
	}
	fieldLookups.store(key, lk)
	return lk
}

type sourceAt struct{ field, hash int }

var sourceFields cowMap[reflect.Type, sourceAt]

// sourceField returns, for a pointer to a struct type, the index of the
// first field that embeds by pointer a value made from one file (see
// srcMemo), and the index of that value's Hash; -1 when it has none.
func sourceField(pt reflect.Type) (field, hash int) {
	if at, ok := sourceFields.load(pt); ok {
		return at.field, at.hash
	}
	at := sourceAt{-1, -1}
	if pt.Kind() == reflect.Pointer && pt.Elem().Kind() == reflect.Struct {
		st := pt.Elem()
		for i := range st.NumField() {
			f := st.Field(i)
			if !f.Anonymous || f.Type.Kind() != reflect.Pointer {
				continue
			}
			if t := f.Type.Elem(); t.Kind() == reflect.Struct && t.PkgPath() != linkPkg && !holdsEntities(t) {
				if pl := planOf(t); pl.hash >= 0 && pl.body {
					at = sourceAt{i, pl.hash}
					break
				}
			}
		}
	}
	sourceFields.store(pt, at)
	return at.field, at.hash
}

// sourceOf returns the value made from one file that the entity v embeds,
// when it has one with its file's Hash set: the digest of any read of a
// field of that value (see fieldLookup.ofSource) is a function of that
// value alone, which nobody changes (see srcMemo). It returns nil when v
// embeds none.
func sourceOf(v any) unsafe.Pointer {
	rv := reflect.ValueOf(v)
	at, hash := sourceField(rv.Type())
	if at < 0 || rv.IsNil() {
		return nil
	}
	sv := rv.Elem().Field(at)
	if sv.IsNil() || sv.Elem().Field(hash).Uint() == 0 {
		return nil
	}
	return sv.UnsafePointer()
}

// ofSource reports whether r reads a field of the value its entity
// embeds (see sourceOf).
func (g *registry) ofSource(r read) bool {
	ent, ok := g.ents[r.ent]
	return ok && lookupByID(reflect.TypeOf(ent), r.field).ofSource
}
