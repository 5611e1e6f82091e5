package search

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/casebook/casebook/generator/link"
)

// SiteIndex is the search index of one language of a linked site, ready
// to be streamed (see Indexes).
type SiteIndex struct {
	// prefix is the output folder of the language's index: "search/", or
	// "<code>/search/" for a further language.
	prefix string
	input  func() Input
}

// Indexes returns the index of site's own language and then of each of
// its editions (link.Site.Editions), each with its own cache taken from
// cache (which may be nil).
//
// An index is made from the stories' HTML. When early is set, each index
// takes what it needs from the site now, for a build that lets each
// story's HTML go once its page is rendered; otherwise it does so when it
// is streamed, so that a build can stream it while pages render.
func Indexes(site *link.Site, cache *Cache, early bool) []SiteIndex {
	var out []SiteIndex
	add := func(s *link.Site, c *Cache) {
		x := SiteIndex{prefix: s.Config.EditionPrefix() + "search/", input: func() Input { return FromSiteCached(s, c) }}
		if early {
			in := x.input()
			x.input = func() Input { return in }
		}
		out = append(out, x)
	}
	add(site, cache)
	for _, ed := range site.Editions {
		add(ed, cache.Edition(ed.Config.Language))
	}
	return out
}

// Files builds the index and gives each of its files to emit as soon as
// the file is ready, with its path under the output folder
// ("search/index.json", "cy/search/t/afon.json"), so that no file is held
// longer than it takes to write. Its Key fingerprints its bytes.
func (x SiteIndex) Files(emit func(File) error) error {
	_, err := Stream(x.input(), func(f File) error {
		f.Path = x.prefix + f.Path
		return emit(f)
	})
	if err != nil {
		return fmt.Errorf("building the search index: %w", err)
	}
	return nil
}

// Compact reports whether the output file at path is written as compact
// as it can be by casebook itself, so that minifying it would only cost
// time: the files of the search index (not its page), the default
// language's under search/ and each further language's under
// <code>/search/, which are all JSON or text (no page of a taxonomy or
// term is either, whatever its name).
func Compact(path string) bool {
	if strings.HasPrefix(path, "search/") {
		return path != "search/index.html"
	}
	return editionFile.MatchString(path)
}

// editionFile matches the search index files of a further language.
var editionFile = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*/search/.+\.(json|txt)$`)
