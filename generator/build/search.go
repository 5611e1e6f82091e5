package build

import (
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/render"
	"github.com/casebook/casebook/generator/search"
)

// searchFiles returns the search index of site (package search, a
// sibling of render that reads the linked Site) as files for render to
// write beside its pages: one producer per language, or only the site's
// own language's when editions is false (Bodies: a body edited in place
// is a story of the default language). A one-shot build lets bodies go as
// their pages render, so there the indexes take their text now.
func (b *Builder) searchFiles(site *link.Site, editions bool) []render.Beside {
	var cache *search.Cache
	if !b.once {
		cache = b.caches.search
	}
	indexes := search.Indexes(site, cache, b.once)
	if !editions {
		indexes = indexes[:1]
	}
	out := make([]render.Beside, len(indexes))
	for i, x := range indexes {
		out[i] = func(add func(render.File)) error {
			return x.Files(func(f search.File) error {
				add(render.File{Path: f.Path, Data: f.Data, Key: f.Key})
				return nil
			})
		}
	}
	return out
}
