package search

import (
	"encoding/json"
	"strings"
	"sync"
)

// Cache keeps the costly per-story parts of an index between builds of
// one site (watch, serve): a story's plain text, its term scores and its
// excerpt file, by the story's Doc.Key. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[uint64]*cachedDoc
	used    map[uint64]*cachedDoc
	// inverted is the inverted index of the last build.
	inverted *invertedIndex
}

type cachedDoc struct {
	body    string
	scores  map[string]int
	excerpt []byte
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[uint64]*cachedDoc{}} }

func (c *Cache) get(key uint64) *cachedDoc {
	if c == nil || key == 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[key]
	if e != nil && c.used != nil {
		c.used[key] = e
	}
	return e
}

func (c *Cache) put(key uint64, e *cachedDoc) {
	if c == nil || key == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = e
	if c.used != nil {
		c.used[key] = e
	}
}

// begin and end bracket one build; entries not used by it are dropped.
func (c *Cache) begin() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.used = map[uint64]*cachedDoc{}
	c.mu.Unlock()
}

func (c *Cache) end() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.entries, c.used = c.used, nil
	c.mu.Unlock()
}

// scoresOf returns d's term scores, from the cache when possible.
func (c *Cache) scoresOf(d Doc) map[string]int {
	if e := c.get(d.Key); e != nil && e.scores != nil {
		return e.scores
	}
	scores := docScores(d)
	if e := c.get(d.Key); e != nil {
		c.mu.Lock()
		e.scores = scores
		c.mu.Unlock()
	} else {
		c.put(d.Key, &cachedDoc{body: d.Body, scores: scores})
	}
	return scores
}

// excerptOf returns the JSON of d's excerpt file.
func (c *Cache) excerptOf(d Doc) ([]byte, error) {
	if e := c.get(d.Key); e != nil && e.excerpt != nil {
		return e.excerpt, nil
	}
	data, err := json.Marshal(strings.Join(append(append([]string(nil), d.Questions...), d.Body), " "))
	if err != nil {
		return nil, err
	}
	if e := c.get(d.Key); e != nil {
		c.mu.Lock()
		e.excerpt = data
		c.mu.Unlock()
	}
	return data, nil
}
