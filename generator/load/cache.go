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

// Reparse reads the Markdown file p again, as a load would, and returns
// its new document and hash beside the document of the last load, so
// that a caller can tell what part of the file changed. ok is false when
// the file was not part of the last load or cannot be parsed cleanly now
// (a full load then reports why). The cache itself is left as it is.
func (c *Cache) Reparse(fsys fs.FS, p string) (old, doc *frontmatter.Document, hash uint64, ok bool) {
	c.mu.Lock()
	e, found := c.entries[p]
	c.mu.Unlock()
	if !found || e.doc == nil || len(e.diags) > 0 {
		return nil, nil, 0, false
	}
	f := &File{Path: p}
	if diags := parseFile(fsys, f); len(diags) > 0 || f.Doc == nil {
		return nil, nil, 0, false
	}
	return e.doc, f.Doc, f.Hash, true
}
