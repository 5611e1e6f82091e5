package search

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// maxPatched is the number of changed stories up to which a cached
// inverted index is patched rather than rebuilt.
const maxPatched = 64

// maxSplices is the number of changes to one term's postings up to which a
// patch splices the term's encoded entry rather than encoding it again.
const maxSplices = 4

// invertedIndex is the inverted index of one build. A Cache keeps it, with
// the files made from it, so that the next build can patch it when only a
// few stories changed.
type invertedIndex struct {
	// keep is set for a cached index: it keeps every term's encoded
	// entry and its terms by id, and the files it was built into.
	keep bool
	keys []uint64     // Doc.Key by story id
	docs []*cachedDoc // by story id, when kept
	// byID holds every term's info by its id in the cache's words, when
	// kept; scratch is room for patch.
	byID    []*termInfo
	scratch []int32
	// sorted holds every term in byte order, infos their info and sizes
	// the size of their entry plus a comma.
	sorted []string
	infos  []*termInfo
	sizes  []int
	// touched holds, sorted, the terms whose postings the last patch
	// changed, added or removed; shards holding none of them are reused.
	// all is set when nothing of an earlier build may be reused.
	touched []string
	all     bool
	// changed holds the ids of the stories the last patch replaced.
	changed []int

	// shards are those of the last build, in key order, and spare those of
	// the one before, whose room the next build takes.
	shards, spare []cachedShard
	// specs and cum are room for layout.
	specs []shardSpec
	cum   []int
	// groups are the x/ files of the last build, of groupSize stories
	// each, when kept.
	groups    []cachedFile
	groupSize int
	// chunks are the d/ files of the last build, of chunkSize stories
	// each, for term keys fingerprinted by sig, and spans where they say
	// the texts are in the x/ files.
	chunks    []cachedFile
	chunkSize int
	spans     []span
	sig       uint64
	sets      termSets
}

// termInfo is one term of the index.
type termInfo struct {
	id   uint32    // in the cache's words, when kept
	list []posting // ids ascending
	// shard is `{"term":[…]}`, the file of a shard holding the term alone,
	// whose entry the term's entry in any shard is (see entry); nil when
	// the index keeps no entries. It is never changed once made, since
	// it may have been emitted.
	shard []byte
	// gen is the build that last queued ops, the changes to list not yet
	// applied.
	gen uint64
	ops []termOp
	// indexed is set when the term is in invertedIndex.sorted.
	indexed bool
}

// entry returns `"term":[…]`.
func (ti *termInfo) entry() []byte { return ti.shard[1 : len(ti.shard)-1] }

// cachedShard is a shard file.
type cachedShard struct {
	key  string
	own  bool
	path string // t/<file>.json
	size int
	// ref is the shard's entry in the manifest, `"key":["file",size]`.
	ref []byte
	cachedFile
}

// cachedFile is a file's bytes and their SHA-256.
type cachedFile struct {
	data   []byte
	digest [32]byte
}

// patchable returns the ids of docs whose keys differ from the cached
// index, or ok=false when the index must be rebuilt: no index yet, a story
// added or removed, an uncached document, or too many changes.
func (ix *invertedIndex) patchable(docs []Doc) (changed []int, ok bool) {
	if ix == nil || !ix.keep || len(ix.keys) != len(docs) {
		return nil, false
	}
	for i := range docs {
		k := docs[i].Key
		if k == 0 {
			return nil, false
		}
		if k != ix.keys[i] {
			changed = append(changed, i)
			if len(changed) > maxPatched {
				return nil, false
			}
		}
	}
	return changed, true
}

// newIndex builds the inverted index of docs with the cache c (oneShot
// builds one without): stories' scores come from c when it has them and
// go into it, and every term's entry is encoded and kept.
func newIndex(docs []Doc, c *Cache) *invertedIndex {
	ix := &invertedIndex{keep: true, all: true, keys: make([]uint64, len(docs))}
	for i := range docs {
		ix.keys[i] = docs[i].Key
	}
	ix.docs = make([]*cachedDoc, len(docs))
	for i := range docs {
		if e := c.entries[docs[i].Key]; e != nil && docs[i].Key != 0 {
			ix.docs[i] = e
		}
	}
	// Each story is scored by one worker, which alone writes its slot.
	parallel(len(docs), func(id int) {
		if ix.docs[id] == nil {
			ix.docs[id] = &cachedDoc{key: docs[id].Key, scores: c.scoresOf(&docs[id])}
		}
	})
	for i, e := range ix.docs {
		if docs[i].Key != 0 {
			c.entries[docs[i].Key] = e
		}
	}
	// Invert: each worker takes a run of story ids, so the lists of the
	// workers, one after the other, are in id order.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)/64))
	parts := make([][][]posting, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lists := make([][]posting, len(c.words))
			for id := w * len(docs) / workers; id < (w+1)*len(docs)/workers; id++ {
				for _, s := range ix.docs[id].scores {
					lists[s.id] = append(lists[s.id], posting{int32(id), s.score})
				}
			}
			parts[w] = lists
		})
	}
	wg.Wait()
	ix.byID = make([]*termInfo, len(c.words))
	n := 0
	for t := range c.words {
		for _, lists := range parts {
			if len(lists[t]) > 0 {
				n++
				break
			}
		}
	}
	block := make([]termInfo, 0, n)
	for t := range c.words {
		var list []posting
		for _, lists := range parts {
			if list == nil {
				list = lists[t]
			} else {
				list = append(list, lists[t]...)
			}
		}
		if len(list) > 0 {
			block = append(block, termInfo{id: uint32(t), list: list, indexed: true})
			ix.byID[t] = &block[len(block)-1]
		}
	}
	parts = nil
	ix.infos = make([]*termInfo, len(block))
	for i := range block {
		ix.infos[i] = &block[i]
	}
	slices.SortFunc(ix.infos, func(a, b *termInfo) int { return strings.Compare(c.words[a.id], c.words[b.id]) })
	ix.sorted = make([]string, len(ix.infos))
	for i, ti := range ix.infos {
		ix.sorted[i] = c.words[ti.id]
	}
	ix.sorted = intern(ix.sorted)
	ix.sizes = make([]int, len(ix.sorted))
	parallel(len(ix.sorted), func(i int) {
		ix.infos[i].shard = encodeShard(ix.sorted[i], ix.infos[i].list)
		ix.sizes[i] = len(ix.infos[i].shard) - 1
	})
	return ix
}

// intern copies the strings of list into one, in order, so that they are
// near each other in memory and no longer hold on to the text they were
// cut from.
func intern(list []string) []string {
	n := 0
	for _, s := range list {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range list {
		b.WriteString(s)
	}
	all, at := b.String(), 0
	for i, s := range list {
		list[i] = all[at : at+len(s)]
		at += len(s)
	}
	return list
}

// patch replaces the stories of docs at the changed ids, which must be
// kept in c, and updates the postings and entries of their terms.
func (ix *invertedIndex) patch(docs []Doc, changed []int, c *Cache) {
	ix.all, ix.changed = false, changed
	var touched []*termInfo
	for _, id := range changed {
		d := &docs[id]
		e := c.entries[d.Key]
		if e == nil {
			e = &cachedDoc{key: d.Key, scores: c.scoresOf(d)}
			c.entries[d.Key] = e
		}
		touched = ix.replace(touched, int32(id), ix.docs[id].scores, e.scores, c)
		ix.docs[id], ix.keys[id] = e, d.Key
	}
	// Terms are independent: apply their changes on all cores when there
	// are many.
	apply := func(i int) { touched[i].apply(c.words[touched[i].id]) }
	if len(touched) > 64 {
		parallel(len(touched), apply)
	} else {
		for i := range touched {
			apply(i)
		}
	}
	ix.touched = ix.touched[:0]
	for _, ti := range touched {
		ix.touched = append(ix.touched, c.words[ti.id])
	}
	slices.SortFunc(touched, func(a, b *termInfo) int { return strings.Compare(c.words[a.id], c.words[b.id]) })
	sort.Strings(ix.touched)
	var added, removed []*termInfo
	for _, ti := range touched {
		if len(ti.list) == 0 {
			ix.byID[ti.id] = nil
			if ti.indexed {
				removed = append(removed, ti)
			}
			continue
		}
		if !ti.indexed {
			ti.indexed = true
			added = append(added, ti)
		}
	}
	if len(added) == 0 && len(removed) == 0 {
		for _, t := range ix.touched {
			i, _ := slices.BinarySearch(ix.sorted, t)
			ix.sizes[i] = len(ix.infos[i].shard) - 1
		}
		return
	}
	// Merge the new terms in and the removed ones out, in one pass.
	sorted := make([]string, 0, len(ix.sorted)+len(added)-len(removed))
	infos := make([]*termInfo, 0, cap(sorted))
	sizes := make([]int, 0, cap(sorted))
	i, j := 0, 0
	for i < len(ix.sorted) || j < len(added) {
		if j < len(added) && (i == len(ix.sorted) || c.words[added[j].id] < ix.sorted[i]) {
			ti := added[j]
			sorted, infos, sizes = append(sorted, c.words[ti.id]), append(infos, ti), append(sizes, len(ti.shard)-1)
			j++
			continue
		}
		t, ti := ix.sorted[i], ix.infos[i]
		i++
		if len(ti.list) == 0 {
			continue // removed
		}
		sorted, infos, sizes = append(sorted, t), append(infos, ti), append(sizes, len(ti.shard)-1)
	}
	ix.sorted, ix.infos, ix.sizes = sorted, infos, sizes
}

// replace queues the changes of story id's postings from the scores old
// to new, and returns touched with the terms it touched first added.
func (ix *invertedIndex) replace(touched []*termInfo, id int32, old, new []termScore, c *Cache) []*termInfo {
	if n := len(c.words); len(ix.scratch) < n {
		ix.scratch = slices.Grow(ix.scratch, n-len(ix.scratch))[:n]
	}
	if n := len(c.words); len(ix.byID) < n {
		ix.byID = slices.Grow(ix.byID, n-len(ix.byID))[:n]
	}
	queue := func(t uint32, op termOp) {
		ti := ix.byID[t]
		if ti == nil {
			ti = &termInfo{id: t}
			ix.byID[t] = ti
		}
		if ti.gen != c.gen {
			ti.gen, ti.ops = c.gen, ti.ops[:0]
			touched = append(touched, ti)
		}
		ti.ops = append(ti.ops, op)
	}
	// scratch holds the old score + 1 of each old term, -1 once seen in
	// new, and is all 0 again when done.
	seen := ix.scratch
	for _, s := range old {
		seen[s.id] = s.score + 1
	}
	for _, s := range new {
		switch was := seen[s.id]; {
		case was == 0:
			queue(s.id, termOp{id, s.score, insert})
		case was-1 != s.score:
			queue(s.id, termOp{id, s.score, update})
		}
		seen[s.id] = -1
	}
	for _, s := range old {
		if seen[s.id] > 0 {
			queue(s.id, termOp{id, 0, remove})
		}
		seen[s.id] = 0
	}
	for _, s := range new {
		seen[s.id] = 0
	}
	return touched
}
