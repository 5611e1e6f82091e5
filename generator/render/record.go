package render

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/casebook/casebook/generator/link"
)

// Records are how a long-lived builder (watch, serve) knows which outputs
// a change leaves as they were, with no list of what each page shows.
//
// Every field a template reads on an entity (a story, term, taxonomy,
// page, or the site-wide data of a language) is recorded while the
// template runs: the theme's templates are rewritten when they are loaded
// so that each field access goes through the recording accessor (see
// access.go and rewrite.go). A page's Record holds those reads, a digest
// of the page's own data (the Page render built for it, up to the
// entities it points at) and one sum of the digests of the values read.
// On the next build the page is rendered again only when its own data
// differs or one of the values it read does; otherwise the builder keeps
// the file it wrote. Files that are not templates declare the entities
// they are made from (read "*": all of the entity's fields).
//
// The record is exact for any template, the site's own included, because
// it is made of what the template did read, not of what a template is
// expected to read. Template functions that read entities record what
// they read themselves (tone, mark, cardHTML).

// read is one recorded read: a field (or niladic method) of an entity,
// both interned (see names).
type read struct{ ent, field uint32 }

// Record is what one page was rendered from: self identifies the theme,
// its strings and the site's settings; reads are the fields the page's
// templates read, on entities and on the Page itself (see page); sum
// combines the digests of the values read.
type Record struct {
	self        uint64
	sum, onPage uint64
	reads       []read
}

// pageEnt is the entity of a read on the Page being rendered. The Page of a
// path is made afresh each build, so such a read is checked against the
// new Page of the same path, not memoized.
var pageEnt = intern("\x00page")

// names interns entity identities and field names as small numbers, so
// that a read is 8 bytes. Identities are stable across builds of one
// process ("s cy/ slug"), which lets a record made in one build be
// checked against the entities of the next.
var names struct {
	ids sync.Map // string → uint32
	mu  sync.Mutex
	// list is replaced, never changed, so nameOf reads it without the lock.
	list atomic.Pointer[[]string]
}

func intern(s string) uint32 {
	if id, ok := names.ids.Load(s); ok {
		return id.(uint32)
	}
	names.mu.Lock()
	defer names.mu.Unlock()
	if id, ok := names.ids.Load(s); ok {
		return id.(uint32)
	}
	var list []string
	if old := names.list.Load(); old != nil {
		list = *old
	}
	id := uint32(len(list))
	// Appending in place is safe: readers of an older list read only
	// the elements it had, which never change.
	list = append(list, s)
	names.list.Store(&list)
	names.ids.Store(s, id)
	return id
}

func nameOf(id uint32) string { return (*names.list.Load())[id] }

// allFields is the field of a read that covers every field of an entity.
var allFields = intern("*")

// ownFields is the field of a read that covers the fields of an entity
// that hold no other entity: a term's title, key, summary and body, but
// not its stories or co-occurring terms, which change when any story is
// retagged. Files written by Go code read those of the terms and
// taxonomies of the stories they show (see made).
var ownFields = intern("*own")

// recorder collects the reads of one output being rendered.
type recorder struct {
	seen  map[read]struct{}
	reads []read
}

func (rc *recorder) add(r read) {
	if rc == nil {
		return
	}
	if _, ok := rc.seen[r]; ok {
		return
	}
	rc.seen[r] = struct{}{}
	rc.reads = append(rc.reads, r)
}

func newRecorder() *recorder { return &recorder{seen: map[read]struct{}{}} }

// registry knows the entities of one build: their identities, and the
// digest of each value read on them, computed once per build: memo holds
// those the pages' records read (Records keeps them for the next build),
// files those the files written by Go code are made from (see made).
type registry struct {
	ids  map[unsafe.Pointer]uint32
	ents map[uint32]any
	// src holds what sourceOf gives for each entity that embeds a value
	// made from one file.
	src   map[uint32]unsafe.Pointer
	memo  memoTable
	files memoTable
	// srcs, from Records, keeps digests of values made from one file
	// between builds; nil in a build that records nothing.
	srcs *srcMemo
	// frozen holds the digests of the last build's reads once the
	// changed set has computed them all (see Records.changedSet).
	frozen atomic.Pointer[frozen]
}

// frozen is a table of digests that no longer changes: cur[index[r]] is
// the digest of r.
type frozen struct {
	index map[read]int32
	cur   []uint64
	// src[i] is what cur[i] was computed from (see Records.srcAt).
	src []unsafe.Pointer
}

// memoTable memoizes digests, sharded for the rendering goroutines.
type memoTable [64]struct {
	sync.Mutex
	m map[read]uint64
}

func newRegistry() *registry {
	return &registry{ids: map[unsafe.Pointer]uint32{}, ents: map[uint32]any{}, src: map[uint32]unsafe.Pointer{}}
}

func (g *registry) add(p unsafe.Pointer, v any, id string) {
	n := intern(id)
	g.ids[p] = n
	g.ents[n] = v
	if src := sourceOf(v); src != nil {
		g.src[n] = src
	}
}

// addSite registers the entities of one language of a site, under prefix
// ("" or "cy/"), and data, its site-wide data.
func (g *registry) addSite(site *link.Site, data *SiteData, prefix string) {
	g.add(unsafe.Pointer(data), data, "d "+prefix)
	for _, s := range site.Stories {
		g.add(unsafe.Pointer(s), s, "s "+prefix+s.Slug)
	}
	page := func(p *link.Page, id string) {
		if p != nil {
			g.add(unsafe.Pointer(p), p, "p "+prefix+id)
		}
	}
	page(site.Home, "\x00home")
	page(site.StoriesIntro, "\x00stories")
	for _, p := range site.Pages {
		page(p, p.Slug)
	}
	// An intersection is an entity too, so that each of its pages reads
	// its stories once a build, not the whole list page by page.
	for _, in := range site.Intersections {
		g.add(unsafe.Pointer(in), in, "i "+prefix+in.Dir)
	}
	for _, tax := range site.Taxonomies {
		g.add(unsafe.Pointer(tax), tax, "x "+prefix+tax.Name)
		page(tax.Intro, "\x00tax "+tax.Name)
		for _, t := range tax.Terms {
			g.add(unsafe.Pointer(t), t, "t "+prefix+tax.Name+"/"+t.Key)
		}
	}
}

// digest is the digest of the value r reads in this build; an entity the
// build does not have gives a value no entity has.
func (g *registry) digest(r read) uint64 {
	if f := g.frozen.Load(); f != nil {
		if i, ok := f.index[r]; ok && int(i) < len(f.cur) {
			return f.cur[i]
		}
	}
	return g.memo.get(g, r)
}

func (t *memoTable) get(g *registry, r read) uint64 {
	shard := &t[(r.ent*31+r.field)%64]
	shard.Lock()
	d, ok := shard.m[r]
	shard.Unlock()
	if ok {
		return d
	}
	d = g.compute(r)
	t.put(r, d)
	return d
}

// put memoizes d as the digest of r.
func (t *memoTable) put(r read, d uint64) {
	shard := &t[(r.ent*31+r.field)%64]
	shard.Lock()
	if shard.m == nil {
		shard.m = map[read]uint64{}
	}
	shard.m[r] = d
	shard.Unlock()
}

func (t *memoTable) clear() {
	for i := range t {
		t[i].Lock()
		t[i].m = nil
		t[i].Unlock()
	}
}

// forget drops the memoized digests, for a build that changed entities
// in place (Bodies).
func (g *registry) forget() {
	g.frozen.Store(nil)
	g.memo.clear()
	g.files.clear()
}

// sum combines the digests of the reads on entities, in order (the reads
// on a Page are left to pageSum).
func (g *registry) sum(reads []read) uint64 {
	var h digest
	for _, r := range reads {
		if r.ent != pageEnt {
			h.u64(uint64(r.ent)<<32 | uint64(r.field))
			h.u64(g.digest(r))
		}
	}
	return uint64(h)
}

// pageSum combines the digests of the reads on the Page p, in order.
func (g *registry) pageSum(reads []read, p *Page) uint64 {
	var h digest
	v := reflect.ValueOf(p)
	for _, r := range reads {
		if r.ent == pageEnt {
			h.u64(uint64(r.field))
			h.u64(g.digestOf(v, r.field))
		}
	}
	return uint64(h)
}

// record makes the record of a page rendered with self after reading
// reads.
func (g *registry) record(self uint64, reads []read, p *Page) *Record {
	return &Record{self: self, sum: g.sum(reads), onPage: g.pageSum(reads, p), reads: reads}
}

// made is the fingerprint of a file written by Go code from the values of
// self and every field of stories, with the theme and the site's settings
// (see Unchanged).
func (r *renderer) made(self any, stories ...*link.Story) uint64 {
	var h digest
	h.u64(r.salt)
	h.u64(r.reg.valueDigest(self))
	h.int(len(stories))
	for _, s := range stories {
		if id, ok := r.reg.ids[unsafe.Pointer(s)]; ok {
			// Once a build for each story, however many files show it.
			h.u64(r.reg.files.get(r.reg, read{id, madeFields}))
		} else {
			h.u64(r.reg.madeDigest(s, r.reg.valueDigest(s)))
		}
	}
	return uint64(h) | 1
}

// madeFields is the field of a read that covers what made hashes of a
// story: every field, and the own fields of its terms and taxonomies.
var madeFields = intern("*made")

// madeDigest adds to all, the digest of every field of s, the own fields
// of its taxonomies and terms: a story's entities count by identity in
// its digest, but what Go code prints of them, such as a feed's category
// labels, is their own fields.
func (g *registry) madeDigest(s *link.Story, all uint64) uint64 {
	var h digest
	h.u64(all)
	for _, tg := range s.Terms {
		h.u64(g.ownDigest(unsafe.Pointer(tg.Taxonomy)))
		for _, t := range tg.Terms {
			h.u64(g.ownDigest(unsafe.Pointer(t)))
		}
	}
	return uint64(h)
}

// ownDigest is the digest of the own fields of the entity at p (see
// ownFields), or missing when the build does not have it.
func (g *registry) ownDigest(p unsafe.Pointer) uint64 {
	id, ok := g.ids[p]
	if !ok {
		return missing
	}
	return g.files.get(g, read{id, ownFields})
}
