package render

import (
	"maps"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/casebook/casebook/generator/link"
)

// Records keeps the Record of every page of the last build and collects
// those of the next one, with the digest of every value the last build's
// pages read. A rebuild first finds which of those values changed (the
// changed set, one digest per value read anywhere, however many pages read
// it); a page is then kept when none of its reads is in that set and its
// own data is as it was. A builder passes the same Records to every build
// (Options.Records) and calls Commit when a build succeeded, Discard when
// it did not.
type Records struct {
	mu   sync.Mutex
	prev map[string]*Record
	next map[string]*Record
	// keys, index and vals hold the digest of every value the records
	// read, as the build that recorded it saw it: vals[i] is that of
	// keys[i], and index[keys[i]] is i. reg is the registry of the build
	// under way, whose digests Commit adds.
	keys  []read
	index map[read]int32
	vals  []uint64
	// srcAt[i], when not nil, is the value made from one file that
	// vals[i] was computed from, for a read of one of its fields through
	// the entity that embeds it (ofSrc[i], see sourceOf): while the entity
	// embeds that same value, the digest is still vals[i].
	srcAt []unsafe.Pointer
	ofSrc []bool
	reg   *registry
	// changed is the changed set of the build under way, made once.
	once    sync.Once
	changed *changedReads
	// readers maps an entity to the pages of prev that read it, or may
	// have (a superset), made when a short build first asks; patch says
	// the build under way renders a few pages only, whose records put
	// adds to readers.
	readers map[uint32][]string
	patch   bool
	// srcs is handed to each build's registry (see srcMemo).
	srcs *srcMemo
}

// NewRecords returns an empty Records.
func NewRecords() *Records {
	return &Records{prev: map[string]*Record{}, index: map[read]int32{}, srcs: newSrcMemo()}
}

// Commit makes the records of the build that just ended the ones the
// next build compares with.
func (rs *Records) Commit() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.next == nil {
		return
	}
	rs.prev, rs.next = rs.next, nil
	if rs.reg != nil {
		if f := rs.reg.frozen.Load(); f != nil && len(f.cur) <= len(rs.vals) {
			copy(rs.vals, f.cur)
			copy(rs.srcAt, f.src)
		}
		for i := range rs.reg.memo {
			sh := &rs.reg.memo[i]
			sh.Lock()
			for r, d := range sh.m {
				// Which value a memoized digest was computed from is
				// not known: the next changed set computes it again.
				if at, ok := rs.index[r]; ok {
					rs.vals[at], rs.srcAt[at] = d, nil
				} else {
					rs.index[r] = int32(len(rs.keys))
					rs.keys, rs.vals, rs.srcAt = append(rs.keys, r), append(rs.vals, d), append(rs.srcAt, nil)
					rs.ofSrc = append(rs.ofSrc, rs.reg.ofSource(r))
				}
			}
			sh.Unlock()
		}
	}
	rs.reg = nil
}

// forgetDigests drops every digest kept.
func (rs *Records) forgetDigests() {
	rs.keys, rs.index, rs.vals, rs.srcAt, rs.ofSrc = nil, map[read]int32{}, nil, nil, nil
}

// Discard forgets every record, so that the next build renders every
// page again; for a build that failed half-way.
func (rs *Records) Discard() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.prev, rs.next, rs.reg, rs.readers = map[string]*Record{}, nil, nil, nil
	rs.forgetDigests()
	rs.srcs = newSrcMemo()
}

// Len is the number of pages the last committed build recorded.
func (rs *Records) Len() int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return len(rs.prev)
}

// begin starts collecting the records of a build on reg's entities: from
// nothing, or, for a build that renders a few pages only (patch), from the
// last build's. fresh forgets the last build's too.
func (rs *Records) begin(reg *registry, fresh, patch bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if fresh {
		rs.prev = map[string]*Record{}
		rs.forgetDigests()
		rs.srcs = newSrcMemo()
	}
	rs.reg, rs.once, rs.changed, rs.patch = reg, sync.Once{}, nil, patch
	if !patch {
		rs.readers = nil
		rs.srcs.rotate()
	}
	reg.srcs = rs.srcs
	if patch {
		rs.next = maps.Clone(rs.prev)
		return
	}
	rs.next = make(map[string]*Record, len(rs.prev))
}

// changedSet returns the values read by the last build whose digest is
// no longer the same.
func (rs *Records) changedSet() *changedReads {
	rs.once.Do(func() {
		rs.mu.Lock()
		keys, old, index, oldSrc, ofSrc := rs.keys, rs.vals, rs.index, rs.srcAt, rs.ofSrc
		rs.mu.Unlock()
		// On every core: the digests of a large site's reads are most of
		// the work of a rebuild that renders little. Each value is
		// computed once here, without looking in the memo first, into a
		// table the build's pages then read without a lock.
		cur, src := make([]uint64, len(keys)), make([]unsafe.Pointer, len(keys))
		n := runtime.GOMAXPROCS(0)
		parts := make([][]read, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				for j := i; j < len(keys); j += n {
					// Most reads are of fields of files that did not
					// change: those keep their digest.
					if ofSrc[j] {
						if p := rs.reg.src[keys[j].ent]; p != nil {
							src[j] = p
							if p == oldSrc[j] {
								cur[j] = old[j]
								continue
							}
						}
					}
					cur[j] = rs.reg.compute(keys[j])
					if cur[j] != old[j] {
						parts[i] = append(parts[i], keys[j])
					}
				}
			})
		}
		wg.Wait()
		rs.reg.frozen.Store(&frozen{index: index, cur: cur, src: src})
		changed := &changedReads{reads: map[read]bool{}}
		for _, p := range parts {
			for _, r := range p {
				changed.add(r)
			}
		}
		rs.changed = changed
	})
	return rs.changed
}

// changedReads is a changed set: the reads, and a bit for each entity
// they are on, which spares looking up most reads of a page whose
// entities did not change.
type changedReads struct {
	ents  []uint64
	reads map[read]bool
}

func (c *changedReads) add(r read) {
	for int(r.ent>>6) >= len(c.ents) {
		c.ents = append(c.ents, 0)
	}
	c.ents[r.ent>>6] |= 1 << (r.ent & 63)
	c.reads[r] = true
}

func (c *changedReads) has(r read) bool {
	return int(r.ent>>6) < len(c.ents) && c.ents[r.ent>>6]&(1<<(r.ent&63)) != 0 && c.reads[r]
}

// valid reports whether rec still describes what the page p would be
// rendered from, with self the theme and settings it would be rendered
// with.
func (rs *Records) valid(rec *Record, self uint64, p *Page) bool {
	if rec == nil || rec.self != self {
		return false
	}
	changed := rs.changedSet()
	for _, r := range rec.reads {
		if changed.has(r) {
			return false
		}
	}
	return rs.reg.pageSum(rec.reads, p) == rec.onPage
}

// onlyIn reports whether every recorded page that read something of
// stories which is no longer as it was is one of paths.
func (rs *Records) onlyIn(g *registry, stories []*link.Story, paths map[string]bool) bool {
	var changed []uint32
	for _, s := range stories {
		if id, ok := g.ids[unsafe.Pointer(s)]; ok {
			changed = append(changed, id)
		}
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.readers == nil {
		rs.readers = map[uint32][]string{}
		var ents []uint32
		for path, rec := range rs.prev {
			ents = rs.addReader(path, rec, nil, ents)
		}
	}
	// Only the pages that read a changed story are looked at.
	for _, id := range changed {
		for _, path := range rs.readers[id] {
			rec := rs.prev[path]
			if rec == nil || paths[path] || !readsAny(rec.reads, changed) {
				continue
			}
			// A body changes no other page's own data.
			if rec.sum != g.sum(rec.reads) {
				return false
			}
		}
	}
	return true
}

// addReader adds path, whose record is rec, to the readers of every
// entity rec read that old, its record before (or nil), did not; ents is
// scratch space, returned for the next call.
func (rs *Records) addReader(path string, rec, old *Record, ents []uint32) []uint32 {
	ents = ents[:0]
	for _, r := range rec.reads {
		if r.ent != pageEnt {
			ents = append(ents, r.ent)
		}
	}
	slices.Sort(ents)
	for _, e := range slices.Compact(ents) {
		if old == nil || !readsEnt(old.reads, e) {
			rs.readers[e] = append(rs.readers[e], path)
		}
	}
	return ents
}

// readsAny reports whether reads read any of the entities ents.
func readsAny(reads []read, ents []uint32) bool {
	if len(ents) == 1 {
		return readsEnt(reads, ents[0])
	}
	for _, r := range reads {
		if slices.Contains(ents, r.ent) {
			return true
		}
	}
	return false
}

// readsEnt reports whether reads read the entity e.
func readsEnt(reads []read, e uint32) bool {
	for _, r := range reads {
		if r.ent == e {
			return true
		}
	}
	return false
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
		if rs.patch && rs.readers != nil {
			rs.addReader(path, rec, rs.prev[path], nil)
		}
	}
}
