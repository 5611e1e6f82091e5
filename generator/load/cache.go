package load

import (
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
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
	// changed, when not nil, holds the paths that changed since the last
	// load (see Changed); it lasts for one load.
	changed map[string]bool
	// listing holds the files the last walk of content/ found, in walk
	// order, and listed the same paths as a set; nil when the walk met a
	// symlink or an error, which the next load must meet again.
	listing     []string
	listed      map[string]bool
	listedTaxes []string
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

// Changed tells the cache which paths changed since the last load, as a
// file watcher saw them (files, or folders for everything below them).
// The next load then reuses its entry for any other file without looking
// at the file, which at 10,000 stories spares 10,000 stat calls. Without
// a call to Changed, a load checks every file's size and modification
// time.
func (c *Cache) Changed(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed = map[string]bool{}
	for _, p := range paths {
		c.changed[p] = true
	}
}

// trusted reports whether the entry of p can be used without a stat.
// The caller holds c.mu.
func (c *Cache) trusted(p string) bool {
	if c.changed == nil {
		return false
	}
	for q := p; q != "." && q != "/" && q != ""; q = path.Dir(q) {
		if c.changed[q] {
			return false
		}
	}
	return true
}

// replay returns the files of the last walk when a walk now would find
// the same ones: the change set is trusted, every path in it is a file
// the walk found that is still a regular file, and the taxonomies (which
// decide what a file is) are the same.
func (c *Cache) replay(fsys fs.FS, taxonomies []string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.changed == nil || c.listing == nil || !slices.Equal(taxonomies, c.listedTaxes) {
		return nil, false
	}
	for p := range c.changed {
		if !c.listed[p] {
			return nil, false
		}
		if info, err := fs.Stat(fsys, p); err != nil || !info.Mode().IsRegular() {
			return nil, false
		}
	}
	return c.listing, true
}

// keepListing keeps the files a walk found, or forgets the last listing
// when files is nil.
func (c *Cache) keepListing(files []string, taxonomies []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listing, c.listed, c.listedTaxes = files, nil, slices.Clone(taxonomies)
	if files != nil {
		c.listed = make(map[string]bool, len(files))
		for _, p := range files {
			c.listed[p] = true
		}
	}
}

// end forgets the files that were not part of the last load.
func (c *Cache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed = nil
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
	c.mu.Lock()
	if e, ok := c.entries[f.Path]; ok && c.trusted(f.Path) {
		c.seen[f.Path] = true
		c.mu.Unlock()
		f.Doc, f.Front, f.Hash = e.doc, e.front, e.hash
		return e.diags
	}
	c.mu.Unlock()
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
	return c.reread(fsys, f, info)
}

// reread parses f, whose file was stat-ed as info, and keeps the result.
// The stat comes first: a write after it leaves the entry older than the
// file, which the next load notices.
func (c *Cache) reread(fsys fs.FS, f *File, info fs.FileInfo) diag.List {
	diags := parseFile(fsys, f)
	c.mu.Lock()
	c.entries[f.Path] = cached{size: info.Size(), mod: info.ModTime(), doc: f.Doc, front: f.Front, hash: f.Hash, diags: diags}
	c.mu.Unlock()
	return diags
}

// Reparse reads the Markdown file p again, as a load would, and returns
// its new document and hash beside the document the cache held for it, so
// that a caller can tell what part of the file changed. ok is false when
// the file was not part of the last load or cannot be parsed cleanly now
// (a full load then reports why). The cache keeps the new version, as a
// load would have.
func (c *Cache) Reparse(fsys fs.FS, p string) (old, doc *frontmatter.Document, hash uint64, ok bool) {
	c.mu.Lock()
	e, found := c.entries[p]
	c.mu.Unlock()
	if !found || e.doc == nil || len(e.diags) > 0 {
		return nil, nil, 0, false
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, nil, 0, false
	}
	f := &File{Path: p}
	if diags := c.reread(fsys, f, info); len(diags) > 0 || f.Doc == nil {
		return nil, nil, 0, false
	}
	return e.doc, f.Doc, f.Hash, true
}
