package render

import (
	"unsafe"

	"github.com/casebook/casebook/generator/link"
)

// rowFunc gives the bytes of story s in the export file, made by make
// unless a rebuild finds them unchanged since the last build.
type rowFunc func(file string, s *link.Story, make func() ([]byte, error)) ([]byte, error)

// rowKey names one story's row in one export file.
type rowKey struct {
	story uint32
	file  string
}

// rowEntry is a kept row and the fingerprint of what it was made from.
type rowEntry struct {
	key  uint64
	data []byte
}

// row is the rowFunc of a build: with a CardCache, a story's row is kept
// between builds and made again only when what made computes for it
// changed (the story's fields, its terms' own fields, the theme and the
// settings), so retagging one story of 10,000 encodes one row, not all.
func (r *renderer) row(file string, s *link.Story, make func() ([]byte, error)) ([]byte, error) {
	c := r.opts.CardCache
	id, known := r.reg.ids[unsafe.Pointer(s)]
	if c == nil || !known {
		return make()
	}
	k, key := rowKey{id, file}, r.made(file+" row", s)
	c.mu.Lock()
	e, ok := c.rows[k]
	c.mu.Unlock()
	if ok && e.key == key {
		return e.data, nil
	}
	data, err := make()
	if err == nil {
		c.mu.Lock()
		if c.rows == nil {
			c.rows = map[rowKey]rowEntry{}
		}
		c.rows[k] = rowEntry{key, data}
		c.mu.Unlock()
	}
	return data, err
}
