package link

import (
	"hash/maphash"
	"sort"
	"sync"

	"github.com/casebook/casebook/generator/content"
)

// Cache keeps converted bodies between builds of one site, as watch and
// serve do. A conversion is reused when the body, its folder and every
// possible link target (paths, URLs and titles of all pages, drafts and
// term aliases) are unchanged, so a cached result is exactly what a new
// conversion would give. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	version uint64
	entries map[string]cachedBody
}

type cachedBody struct {
	dir  string
	line int
	// file is the hash of the whole file the body came from, which spares
	// hashing the body again while the file is unchanged; hash is the
	// body's own, which still matches when only the front matter changed.
	file, hash uint64
	res        converted
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[string]cachedBody{}} }

var cacheSeed = maphash.MakeSeed()

// lookup returns the cached conversion of body, from a file whose hash is
// file, if still valid.
func (c *Cache) lookup(path, dir string, body content.Body, file uint64) (converted, bool) {
	c.mu.Lock()
	e, ok := c.entries[path]
	c.mu.Unlock()
	if !ok || e.dir != dir || e.line != body.Line {
		return converted{}, false
	}
	if file != 0 && e.file == file {
		return e.res, true
	}
	if e.hash != maphash.Bytes(cacheSeed, body.Source) {
		return converted{}, false
	}
	if file != 0 {
		c.mu.Lock()
		e.file = file
		c.entries[path] = e
		c.mu.Unlock()
	}
	return e.res, true
}

func (c *Cache) store(path, dir string, body content.Body, file uint64, res converted) {
	hash := maphash.Bytes(cacheSeed, body.Source)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[path] = cachedBody{dir: dir, line: body.Line, file: file, hash: hash, res: res}
}

// begin starts a build with the given link-target version, dropping every
// entry when targets changed.
func (c *Cache) begin(version uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		c.entries = map[string]cachedBody{}
		c.version = version
	}
}

// targetsVersion fingerprints everything a link in a body can resolve to.
func (l *linker) targetsVersion() uint64 {
	var h maphash.Hash
	h.SetSeed(cacheSeed)
	paths := make([]string, 0, len(l.byPath))
	for p := range l.byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		t := l.byPath[p]
		h.WriteString(p)
		h.WriteByte(0)
		h.WriteString(t.url)
		h.WriteByte(0)
		h.WriteString(t.title)
		h.WriteByte(0)
	}
	drafts := make([]string, 0, len(l.col.Drafts))
	for p, slug := range l.col.Drafts {
		drafts = append(drafts, p+"\x00"+slug)
	}
	sort.Strings(drafts)
	for _, d := range drafts {
		h.WriteString(d)
		h.WriteByte(1)
	}
	for _, tax := range l.site.Taxonomies {
		keys := make([]string, 0, len(tax.byKey))
		for k := range tax.byKey {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		h.WriteString(tax.Name)
		for _, k := range keys {
			h.WriteString(k)
			h.WriteByte(2)
			h.WriteString(tax.byKey[k].Key)
		}
	}
	return h.Sum64()
}
