package load

import (
	"hash/maphash"
	"io/fs"
	"sync"
	"time"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
)

// Cache keeps parsed Markdown files between loads of the same site, as
// watch and serve do, so that a rebuild after one edit parses one file.
// An entry is reused while the file's size and modification time are
// unchanged. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
	seen    map[string]bool
}

type cached struct {
	size  int64
	mod   time.Time
	doc   *frontmatter.Document
	front *frontmatter.Node
	hash  uint64
	diags diag.List
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

// hashSeed makes File.Hash values comparable within one process, which is
// as long as any cache lives.
var hashSeed = maphash.MakeSeed()

func (c *Cache) begin() {
	c.mu.Lock()
	c.seen = map[string]bool{}
	c.mu.Unlock()
}

// end forgets the files that were not part of the last load.
func (c *Cache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.entries {
		if !c.seen[p] {
			delete(c.entries, p)
		}
	}
	c.seen = nil
}

// parse fills f from the cache when the file is unchanged, or parses it
// and remembers the result.
func (c *Cache) parse(fsys fs.FS, f *File) diag.List {
	info, err := fs.Stat(fsys, f.Path)
	if err != nil {
		return parseFile(fsys, f)
	}
	c.mu.Lock()
	c.seen[f.Path] = true
	e, ok := c.entries[f.Path]
	c.mu.Unlock()
	if ok && e.size == info.Size() && e.mod.Equal(info.ModTime()) {
		f.Doc, f.Front, f.Hash = e.doc, e.front, e.hash
		return e.diags
	}
	diags := parseFile(fsys, f)
	c.mu.Lock()
	c.entries[f.Path] = cached{size: info.Size(), mod: info.ModTime(), doc: f.Doc, front: f.Front, hash: f.Hash, diags: diags}
	c.mu.Unlock()
	return diags
}
