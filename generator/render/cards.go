package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
	"unsafe"

	"github.com/casebook/casebook/generator/link"
)

// cardStore renders each story's card (the theme's "card" partial) at most
// once per build. A story appears on a dozen or more list pages (the
// stories list, each of its terms, each intersection), so rendering its
// card once and reusing the markup saves most of the template work of a
// build. Cards are rendered when a page first asks for them, so a rebuild
// that renders few pages renders few cards. Themes reach the store through
// the cardHTML template function.
//
// A card keeps what its template read (see record.go): a page that shows
// it counts those reads as its own, and a card kept between builds is
// used again only while none of them changed.
type cardStore struct {
	byStory sync.Map // *link.Story → *cardEntry
	// keep, when not nil, keeps cards between builds; theme identifies
	// the templates and strings they were rendered with.
	keep  *CardCache
	theme uint64
}

// cardEntry is a rendered card and what it read.
type cardEntry struct {
	html  template.HTML
	reads []read
	sum   uint64
	theme uint64
}

// reset starts a build.
func (c *cardStore) reset(keep *CardCache, theme uint64) {
	c.keep, c.theme = keep, theme
	c.byStory.Clear()
}

// html returns the card of s rendered with t, the template set of acc,
// run by fast (see fast.go; nil: by html/template); it is the cardHTML
// template function. It is called from several pages
// at once; two of them may render the same card, with the same result.
func (c *cardStore) html(s *link.Story, t *template.Template, acc *accessor, fast *fastTemplates) (template.HTML, error) {
	if e, ok := c.byStory.Load(s); ok {
		return acc.merge(e.(*cardEntry)), nil
	}
	if t == nil {
		return "", fmt.Errorf("no card template for story %q", s.Slug)
	}
	var id uint32
	known := false
	if acc.reg != nil {
		id, known = acc.reg.ids[unsafe.Pointer(s)]
	}
	if c.keep != nil && known {
		if e := c.keep.get(id); e != nil && e.theme == c.theme && e.sum == acc.reg.sum(e.reads) {
			c.byStory.Store(s, e)
			return acc.merge(e), nil
		}
	}
	// The card records what it reads on its own, for the pages that
	// show it later and for the next build.
	// The accessor of a build that records nothing is shared by every
	// page being rendered: it is only read then, never swapped.
	outer, outerPage := acc.rec, acc.page
	swap := acc.reg != nil && outer != nil
	if swap {
		acc.rec, acc.page = newRecorder(), nil
	}
	var buf bytes.Buffer
	var err error
	err = fast.execute(t, "card", &buf, s)
	var reads []read
	if swap {
		reads = acc.rec.reads
		acc.rec, acc.page = outer, outerPage
	}
	if err != nil {
		return "", fmt.Errorf("rendering the card of %s: %w", s.Path, err)
	}
	// The card template is html/template: its output is escaped markup.
	e := &cardEntry{html: template.HTML(buf.String()), reads: reads, theme: c.theme}
	if acc.reg != nil {
		e.sum = acc.reg.sum(reads)
	}
	c.byStory.Store(s, e)
	if c.keep != nil && known && outer != nil {
		c.keep.put(id, e)
	}
	return acc.merge(e), nil
}

// merge counts the reads of a card as the current page's and returns it.
func (a *accessor) merge(e *cardEntry) template.HTML {
	if a.rec != nil {
		for _, r := range e.reads {
			a.rec.add(r)
		}
	}
	return e.html
}

// CardCache keeps rendered story cards between builds of one site, as
// watch and serve do, so that a rebuild which re-renders a hundred list
// pages does not render the cards of every story on them again. Cards are
// found by their story, and used while what they read is unchanged. It is safe for concurrent use.
type CardCache struct {
	mu      sync.Mutex
	entries map[uint32]*cardEntry
	// rows keeps the stories' rows of the exports (see renderer.row).
	rows map[rowKey]rowEntry
}

// NewCardCache returns an empty CardCache.
func NewCardCache() *CardCache { return &CardCache{entries: map[uint32]*cardEntry{}} }

func (c *CardCache) get(story uint32) *cardEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[story]
}

func (c *CardCache) put(story uint32, e *cardEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[story] = e
}

// trim forgets every card when the cache holds many more than the site
// has stories, which old versions of edited stories make it do over a
// long session.
func (c *CardCache) trim(stories int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) > 2*stories+1000 {
		clear(c.entries)
	}
	if len(c.rows) > 4*stories+1000 {
		clear(c.rows)
	}
}
