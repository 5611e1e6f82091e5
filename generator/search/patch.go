package search

import "sort"

// maxPatched is the number of changed stories up to which a cached
// inverted index is patched rather than rebuilt.
const maxPatched = 64

// invertedIndex is the inverted index of one build, kept by a Cache so
// that the next build can patch it when only a few stories changed.
type invertedIndex struct {
	keys     []uint64 // Doc.Key by story id
	scores   []map[string]int
	postings map[string][]posting
	// entries holds each term's encoded shard entry; a patch drops the
	// entries of the terms it touches.
	entries map[string][]byte
}

// patchable returns the ids of docs whose keys differ from the cached
// index, or ok=false when the index must be rebuilt: no index yet, a story
// added, removed or moved, an uncached document, or too many changes.
func (ix *invertedIndex) patchable(docs []Doc) (changed []int, ok bool) {
	if ix == nil || len(ix.keys) != len(docs) {
		return nil, false
	}
	for i, d := range docs {
		if d.Key == 0 {
			return nil, false
		}
		if d.Key != ix.keys[i] {
			changed = append(changed, i)
			if len(changed) > maxPatched {
				return nil, false
			}
		}
	}
	return changed, true
}

// patch replaces the scores of story id with scores.
func (ix *invertedIndex) patch(id int, key uint64, scores map[string]int) {
	for t := range ix.scores[id] {
		list := ix.postings[t]
		i := sort.Search(len(list), func(i int) bool { return list[i].id >= id })
		if i < len(list) && list[i].id == id {
			list = append(list[:i], list[i+1:]...)
		}
		if len(list) == 0 {
			delete(ix.postings, t)
		} else {
			ix.postings[t] = list
		}
		delete(ix.entries, t)
	}
	for t, s := range scores {
		list := ix.postings[t]
		i := sort.Search(len(list), func(i int) bool { return list[i].id >= id })
		list = append(list, posting{})
		copy(list[i+1:], list[i:])
		list[i] = posting{id, s}
		ix.postings[t] = list
		delete(ix.entries, t)
	}
	ix.keys[id], ix.scores[id] = key, scores
}

// invertCached is invert that patches the cache's index from the last
// build when only a few stories changed, and remembers the result.
func invertCached(docs []Doc, cache *Cache) (map[string][]posting, map[string][]byte) {
	if cache == nil {
		return invert(docs, nil), map[string][]byte{}
	}
	cache.mu.Lock()
	ix := cache.inverted
	cache.inverted = nil // rebuilt or patched below; dropped if Build fails
	cache.mu.Unlock()
	if changed, ok := ix.patchable(docs); ok {
		for _, id := range changed {
			ix.patch(id, docs[id].Key, cache.scoresOf(docs[id]))
		}
		for _, d := range docs {
			cache.get(d.Key) // keep the entries of unchanged stories
		}
	} else {
		ix = &invertedIndex{keys: make([]uint64, len(docs)), scores: make([]map[string]int, len(docs)), entries: map[string][]byte{}}
		ix.postings = invert(docs, cache)
		for i, d := range docs {
			ix.keys[i], ix.scores[i] = d.Key, cache.scoresOf(d)
		}
	}
	cache.mu.Lock()
	cache.inverted = ix
	cache.mu.Unlock()
	return ix.postings, ix.entries
}
