package check

import (
	"hash/maphash"
	"sort"
	"sync"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
)

// Cache keeps decoded stories between checks of one site (watch, serve),
// so a rebuild decodes only the stories whose files changed. An entry is
// reused while the file's hash, the vocabulary (keys and aliases) and the
// drafts option are unchanged. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cachedStory
}

type cachedStory struct {
	hash, vocab uint64
	drafts      bool
	// story is the story the last check handed out for this file, with
	// its assets. Nothing may change it: later stages copy a story before
	// changing it.
	story   *content.Story
	slugPos content.Pos
	diags   diag.List
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[string]cachedStory{}} }

func (c *Cache) lookup(path string, hash, vocab uint64, drafts bool) (cachedStory, bool) {
	if c == nil {
		return cachedStory{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	return e, ok && e.hash == hash && e.vocab == vocab && e.drafts == drafts
}

func (c *Cache) store(path string, e cachedStory) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[path] = e
}

var vocabSeed = maphash.MakeSeed()

// vocabVersion fingerprints every taxonomy's keys and aliases, and which
// taxonomies are optional.
func (c *checker) vocabVersion() uint64 {
	var h maphash.Hash
	h.SetSeed(vocabSeed)
	for _, name := range c.opts.Taxonomies {
		h.WriteString(name)
		if contains(c.opts.Optional, name) {
			h.WriteByte(3)
		}
		h.WriteByte(0)
		v := c.vocab[name]
		names := make([]string, 0, len(v.byName))
		for n := range v.byName {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			h.WriteString(n)
			h.WriteByte(1)
			h.WriteString(v.byName[n])
			h.WriteByte(2)
		}
	}
	return h.Sum64()
}
