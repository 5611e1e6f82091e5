package search

import (
	"strings"
	"sync"
)

// Cache keeps the work of one build of a site's index for the next (watch,
// serve), so that a build after a few stories changed costs little more
// than those stories:
//
//   - by Doc.Key, each story's term scores;
//   - the inverted index of the last build: postings and encoded entry of
//     every term, the sorted term list, every shard's bytes, every
//     d/ chunk, every x/ group file with where each story's text lies in
//     it, and the taxonomy term sets; a build where at most maxPatched
//     stories changed (same number of stories) patches them, and makes
//     again only the x/ files of the changed stories' groups, by
//     concatenating the texts of the group's Docs, and the d/ chunks of
//     the stories whose text changed or moved;
//   - for FromSiteCached, each story's Doc, reused while the story, its
//     HTML and its terms are unchanged.
//
// Every file is kept with its SHA-256, so unchanged files are never hashed
// again. A build with a Cache gives exactly the files of one without.
// A Cache is safe for concurrent use; builds sharing it run one at a time.
type Cache struct {
	// build is held by Stream for a whole build.
	build sync.Mutex
	// editions are the caches of further languages (see Edition).
	editionsMu sync.Mutex
	editions   map[string]*Cache
	// gen counts builds.
	gen     uint64
	entries map[uint64]*cachedDoc
	// inverted is the index of the last successful build.
	inverted *invertedIndex
	// xPaths and dPaths are the paths of x/<n>.txt and d/<n>.json by n.
	xPaths, dPaths []string
	// words are the index terms seen, by id, dict their ids, so that
	// stories' scores are kept without pointers for the garbage collector
	// to follow.
	dictMu sync.RWMutex
	dict   map[string]uint32
	words  []string

	site siteCache
}

// cachedDoc is the work done for one story.
type cachedDoc struct {
	key    uint64
	scores []termScore
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{entries: map[uint64]*cachedDoc{}, dict: map[string]uint32{}, site: siteCache{byPath: map[string]*siteDoc{}}}
}

// prune drops the entries of stories not in the index of the last build,
// once more than a few have piled up: old versions of edited stories are
// kept for a while, so that undoing an edit is cheap.
func (c *Cache) prune() {
	const slack = 256
	ix := c.inverted
	if ix == nil || len(c.entries) <= len(ix.docs)+slack {
		return
	}
	live := make(map[*cachedDoc]bool, len(ix.docs))
	for _, e := range ix.docs {
		live[e] = true
	}
	for k, e := range c.entries {
		if !live[e] {
			delete(c.entries, k)
		}
	}
}

// path returns prefix + n + ext from paths, growing it as needed.
func path(paths *[]string, prefix, ext string, n int) string {
	for len(*paths) <= n {
		*paths = append(*paths, numberedPath(prefix, ext, len(*paths)))
	}
	return (*paths)[n]
}

// termScore is a story's score for the term with an id in Cache.words.
type termScore struct {
	id    uint32
	score int32
}

// scoresOf returns the term scores of d, giving new terms an id. It may
// be called from several goroutines at once.
func (c *Cache) scoresOf(d *Doc) []termScore {
	scores := docScores(*d)
	out := make([]termScore, 0, len(scores))
	var missing []string
	c.dictMu.RLock()
	for t, s := range scores {
		if id, ok := c.dict[t]; ok {
			out = append(out, termScore{id, int32(s)})
		} else {
			missing = append(missing, t)
		}
	}
	c.dictMu.RUnlock()
	if len(missing) > 0 {
		c.dictMu.Lock()
		for _, t := range missing {
			id, ok := c.dict[t]
			if !ok {
				id = uint32(len(c.words))
				t = strings.Clone(t) // not the story's text
				c.words = append(c.words, t)
				c.dict[t] = id
			}
			out = append(out, termScore{id, int32(scores[t])})
		}
		c.dictMu.Unlock()
	}
	return out
}

// Edition returns the cache of the site's edition in a further language,
// made on first use: each language has its own index; nil when c is nil.
func (c *Cache) Edition(code string) *Cache {
	if c == nil {
		return nil
	}
	c.editionsMu.Lock()
	defer c.editionsMu.Unlock()
	if c.editions == nil {
		c.editions = map[string]*Cache{}
	}
	e := c.editions[code]
	if e == nil {
		e = NewCache()
		c.editions[code] = e
	}
	return e
}
