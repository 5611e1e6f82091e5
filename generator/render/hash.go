package render

import (
	"hash/maphash"
	"math"
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/casebook/casebook/generator/link"
)

// This file computes the digests records are made of: of a value read on
// an entity, and of a page's own data. A value is hashed as deep as it
// goes, except that an entity it points to counts by its identity alone:
// what a template reads through that entity is recorded on it.

// digest accumulates a fingerprint: each value is mixed into it in turn,
// so the same values in another order give another fingerprint. Strings
// are hashed with the process's seed. It is only compared with one from
// the same process.
type digest uint64

var fingerprintSeed = maphash.MakeSeed()

// u64 mixes n in (with the finalizer of SplitMix64).
func (d *digest) u64(n uint64) {
	x := uint64(*d) + 0x9e3779b97f4a7c15 + n
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	*d = digest(x ^ x>>31)
}

func (d *digest) int(n int) { d.u64(uint64(n)) }

func (d *digest) strs(values ...string) {
	for _, v := range values {
		d.u64(maphash.String(fingerprintSeed, v))
	}
}

// missing is the digest of a read whose entity the build does not have.
const missing = 0x6d697373696e6721

var timeType = reflect.TypeFor[time.Time]()

// compute is the digest of the value r reads (see registry.digest).
func (g *registry) compute(r read) uint64 {
	ent, ok := g.ents[r.ent]
	if !ok {
		return missing
	}
	v := reflect.ValueOf(ent)
	if r.field == allFields || r.field == madeFields {
		// Every field of the entity itself, as far as other entities;
		// for made, a story's terms' own fields too.
		h := hasher{g: g}
		h.value(v.Elem(), 0)
		if s, ok := ent.(*link.Story); ok && r.field == madeFields {
			return g.madeDigest(s, uint64(h.d))
		}
		return uint64(h.d)
	}
	if r.field == ownFields {
		h := hasher{g: g, own: true}
		h.value(v.Elem(), 0)
		return uint64(h.d)
	}
	if r.field == htmlField {
		// link keeps HTMLKey, which changes whenever HTML does: the
		// bodies, the longest values a page reads, need no hashing.
		switch e := ent.(type) {
		case *link.Story:
			return e.HTMLKey | 1
		case *link.Term:
			return e.HTMLKey | 1
		case *link.Page:
			return e.HTMLKey | 1
		}
	}
	return g.digestOf(v, r.field)
}

var htmlField = intern("HTML")

// digestOf is the digest of the field named field of v.
func (g *registry) digestOf(v reflect.Value, field uint32) uint64 {
	h := hasher{g: g}
	got, err := fieldByID(v, field)
	if err != nil {
		h.d.strs("error", err.Error())
		return uint64(h.d)
	}
	h.value(got, 0)
	return uint64(h.d)
}

// valueDigest is the digest of v as far as the entities it points to; g
// may be nil for a value that points to none.
func (g *registry) valueDigest(v any) uint64 {
	h := hasher{g: g}
	h.value(reflect.ValueOf(v), 0)
	return uint64(h.d)
}

// hasher hashes one value.
type hasher struct {
	g *registry
	d digest
	// seen holds the pointers followed so far, each hashed once.
	seen *ptrSet
	// own leaves out every field that holds an entity (see ownFields).
	own bool
}

// holdsEntities reports whether a value of type t can point to an entity
// of the Site (a story, term, taxonomy or page of package link).
func holdsEntities(t reflect.Type) bool {
	if v, ok := entityTypes.Load(t); ok {
		return v.(bool)
	}
	entityTypes.Store(t, false) // a type that refers to itself
	var holds bool
	switch t.Kind() {
	case reflect.Pointer:
		holds = t.Elem().PkgPath() == linkPkg || holdsEntities(t.Elem())
	case reflect.Slice, reflect.Array:
		holds = holdsEntities(t.Elem())
	case reflect.Map:
		holds = holdsEntities(t.Key()) || holdsEntities(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && holdsEntities(f.Type) {
				holds = true
				break
			}
		}
	case reflect.Interface:
		holds = true
	}
	entityTypes.Store(t, holds)
	return holds
}

var (
	entityTypes sync.Map // reflect.Type → bool
	linkPkg     = reflect.TypeFor[link.Story]().PkgPath()
)

// maxDepth bounds how deep a value is followed; the data render makes is
// far shallower.
const maxDepth = 40

func (h *hasher) value(v reflect.Value, depth int) {
	if !v.IsValid() {
		h.d.u64(0)
		return
	}
	h.d.u64(uint64(v.Kind()))
	if depth > maxDepth {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		p := v.UnsafePointer()
		if id, ok := h.g.entity(p); ok {
			h.d.u64(uint64(id) | 1<<40)
			return
		}
		if h.g != nil && h.g.srcs != nil && sourceBacked(v) {
			h.d.u64(h.g.srcs.digest(p, func() uint64 {
				sub := hasher{g: h.g}
				sub.value(v.Elem(), depth+1)
				return uint64(sub.d)
			}))
			return
		}
		if !h.ptrs().add(p) {
			return
		}
		h.value(v.Elem(), depth+1)
	case reflect.Interface:
		if !v.IsNil() {
			h.value(v.Elem(), depth+1)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			_, off := t.Zone()
			h.d.u64(uint64(t.UnixNano()))
			h.d.int(off)
			h.d.strs(t.Location().String())
			return
		}
		pl := planOf(v.Type())
		keyed := pl.htmlKey >= 0 && v.Field(pl.htmlKey).Uint() != 0
		hashed := pl.hash >= 0 && v.Field(pl.hash).Uint() != 0
		for _, f := range pl.fields {
			if f.byHTMLKey && keyed || f.byHash && hashed || h.own && f.holds {
				continue
			}
			h.value(v.Field(f.index), depth+1)
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			h.d.strs(string(v.Bytes()))
			return
		}
		h.d.int(v.Len())
		for i := range v.Len() {
			h.value(v.Index(i), depth+1)
		}
	case reflect.Map:
		// Entries in any order: their digests are added up.
		h.d.int(v.Len())
		var sum uint64
		it := v.MapRange()
		for it.Next() {
			e := hasher{g: h.g, seen: h.ptrs()}
			e.value(it.Key(), depth+1)
			e.value(it.Value(), depth+1)
			sum += uint64(e.d)
		}
		h.d.u64(sum)
	case reflect.String:
		h.d.strs(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.d.u64(1)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.d.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.d.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.d.u64(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		h.d.u64(math.Float64bits(real(c)))
		h.d.u64(math.Float64bits(imag(c)))
	}
}

// entity returns the identity of the entity at p, if p is one of g's.
func (g *registry) entity(p unsafe.Pointer) (uint32, bool) {
	if g == nil {
		return 0, false
	}
	id, ok := g.ids[p]
	return id, ok
}

// plan is how a struct type is hashed: its exported fields (unexported
// ones are read by methods, which are recorded as reads of their own;
// those that hold entities are left out of an entity's own fields),
// less those a key field of the same struct stands for when it is set:
// HTML for HTMLKey (link's entities, see link.Story.HTMLKey), and the
// body and front matter positions for Hash, the digest of the file they
// come from (content's stories, terms and pages).
type plan struct {
	fields        []planField
	htmlKey, hash int  // field indexes, -1 when absent
	body          bool // the type has a Body field
}

type planField struct {
	index             int
	byHTMLKey, byHash bool
	// holds is set for a field that holds entities (see holdsEntities),
	// left out of an entity's own fields.
	holds bool
}

var plans sync.Map // reflect.Type → *plan

func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := &plan{htmlKey: -1, hash: -1}
	u64 := func(name string) int {
		if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 && f.Type.Kind() == reflect.Uint64 {
			return f.Index[0]
		}
		return -1
	}
	p.htmlKey, p.hash = u64("HTMLKey"), u64("Hash")
	_, hasBody := t.FieldByName("Body")
	p.body = hasBody
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		p.fields = append(p.fields, planField{index: i,
			byHTMLKey: p.htmlKey >= 0 && f.Name == "HTML",
			byHash:    p.hash >= 0 && hasBody && (f.Name == "Body" || f.Name == "Front"),
			holds:     holdsEntities(f.Type)})
	}
	plans.Store(t, p)
	return p
}

// fieldByID is fieldOf for an interned field name, with how the name
// resolves on v's type looked up once per type.
func fieldByID(v reflect.Value, field uint32) (reflect.Value, error) {
	recv, isNil := indirectIface(v)
	if recv.Kind() == reflect.Interface && isNil {
		return fieldOf(v, nameOf(field))
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer {
		ptr = addressable(recv)
	}
	return evalWith(v, recv, ptr, isNil, nameOf(field), lookupByID(ptr.Type(), field).lookup)
}

func (h *hasher) ptrs() *ptrSet {
	if h.seen == nil {
		h.seen = &ptrSet{}
	}
	return h.seen
}

// ptrSet is a set of pointers that holds its first few in place: most
// values hashed follow one or two pointers, and a map for each would be
// most of the cost of hashing them.
type ptrSet struct {
	few  [6]unsafe.Pointer
	n    int
	more map[unsafe.Pointer]bool
}

// add adds p and reports whether it was not in the set yet.
func (s *ptrSet) add(p unsafe.Pointer) bool {
	for _, q := range s.few[:s.n] {
		if q == p {
			return false
		}
	}
	if s.more[p] {
		return false
	}
	if s.n < len(s.few) {
		s.few[s.n] = p
		s.n++
		return true
	}
	if s.more == nil {
		s.more = map[unsafe.Pointer]bool{}
	}
	s.more[p] = true
	return true
}
