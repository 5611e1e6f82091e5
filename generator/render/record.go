package render

import (
	"maps"
	"sync"
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

// Record is what one output was rendered from.
type Record struct {
	self  uint64
	sum   uint64
	reads []read
}

// Records keeps the Record of every output of the last build and
// collects those of the next one. A builder passes the same Records to
// every build (Options.Records) and calls Commit when a build succeeded,
// Discard when it did not.
type Records struct {
	mu   sync.Mutex
	prev map[string]*Record
	next map[string]*Record
}

// NewRecords returns an empty Records.
func NewRecords() *Records { return &Records{prev: map[string]*Record{}} }

// Commit makes the records of the build that just ended the ones the
// next build compares with.
func (rs *Records) Commit() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.next != nil {
		rs.prev, rs.next = rs.next, nil
	}
}

// Discard forgets every record, so that the next build renders every
// output again; for a build that failed half-way.
func (rs *Records) Discard() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.prev, rs.next = map[string]*Record{}, nil
}

// Len is the number of outputs the last committed build recorded.
func (rs *Records) Len() int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return len(rs.prev)
}

// begin starts collecting a build's records: from nothing, or, for a
// build that renders a few pages only (patch), from the last build's.
// fresh forgets the last build's too.
func (rs *Records) begin(fresh, patch bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if fresh {
		rs.prev = map[string]*Record{}
	}
	if patch {
		rs.next = maps.Clone(rs.prev)
		return
	}
	rs.next = make(map[string]*Record, len(rs.prev))
}

// onlyIn reports whether every recorded output that read something of
// stories which is no longer as it was is one of paths.
func (rs *Records) onlyIn(g *registry, stories []*link.Story, paths map[string]bool) bool {
	changed := map[uint32]bool{}
	for _, s := range stories {
		if id, ok := g.ids[unsafe.Pointer(s)]; ok {
			changed[id] = true
		}
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	for path, rec := range rs.prev {
		if paths[path] {
			continue
		}
		for _, r := range rec.reads {
			if changed[r.ent] {
				if rec.sum != g.sum(rec.reads) {
					return false
				}
				break
			}
		}
	}
	return true
}

func (rs *Records) last(path string) *Record {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.prev[path]
}

func (rs *Records) put(path string, rec *Record) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.next != nil {
		rs.next[path] = rec
	}
}

// names interns entity identities and field names as small numbers, so
// that a read is 8 bytes. Identities are stable across builds of one
// process ("s cy/ slug"), which lets a record made in one build be
// checked against the entities of the next.
var names struct {
	ids  sync.Map // string → uint32
	mu   sync.Mutex
	list []string
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
	id := uint32(len(names.list))
	names.list = append(names.list, s)
	names.ids.Store(s, id)
	return id
}

func nameOf(id uint32) string {
	names.mu.Lock()
	defer names.mu.Unlock()
	return names.list[id]
}

// allFields is the field of a read that covers every field of an entity.
var allFields = intern("*")

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
// digest of each value read on them, computed once per build.
type registry struct {
	ids  map[unsafe.Pointer]uint32
	ents map[uint32]any
	memo [64]struct {
		sync.Mutex
		m map[read]uint64
	}
}

func newRegistry() *registry {
	return &registry{ids: map[unsafe.Pointer]uint32{}, ents: map[uint32]any{}}
}

func (g *registry) add(p unsafe.Pointer, v any, id string) {
	n := intern(id)
	g.ids[p] = n
	g.ents[n] = v
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
	shard := &g.memo[(r.ent*31+r.field)%64]
	shard.Lock()
	d, ok := shard.m[r]
	shard.Unlock()
	if ok {
		return d
	}
	d = g.compute(r)
	shard.Lock()
	if shard.m == nil {
		shard.m = map[read]uint64{}
	}
	shard.m[r] = d
	shard.Unlock()
	return d
}

// forget drops the memoized digests, for a build that changed entities
// in place (Bodies).
func (g *registry) forget() {
	for i := range g.memo {
		g.memo[i].Lock()
		g.memo[i].m = nil
		g.memo[i].Unlock()
	}
}

// sum combines the digests of reads, in order.
func (g *registry) sum(reads []read) uint64 {
	var h digest
	for _, r := range reads {
		h.u64(uint64(r.ent)<<32 | uint64(r.field))
		h.u64(g.digest(r))
	}
	return uint64(h)
}

// valid reports whether rec still describes what its output would be
// rendered from, given the page's own data digest self.
func (g *registry) valid(rec *Record, self uint64) bool {
	return rec != nil && rec.self == self && rec.sum == g.sum(rec.reads)
}

// made is the fingerprint of a file written by Go code from the values of
// self and every field of stories, with the theme and the site's settings
// (see Unchanged).
func (r *renderer) made(self any, stories ...*link.Story) uint64 {
	var h digest
	h.u64(r.salt)
	h.u64(r.reg.selfDigest(0, self))
	h.int(len(stories))
	for _, s := range stories {
		if id, ok := r.reg.ids[unsafe.Pointer(s)]; ok {
			h.u64(r.reg.digest(read{id, allFields}))
		} else {
			h.u64(r.reg.selfDigest(0, s))
		}
	}
	return uint64(h) | 1
}
