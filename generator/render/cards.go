package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/casebook/casebook/generator/link"
)

// cardStore renders each story's card (the theme's "card" partial) at most
// once per build. A story appears on a dozen or more list pages (the
// stories list, each of its terms, each intersection), so rendering its
// card once and reusing the markup saves most of the template work of a
// build. Cards are rendered when a page first asks for them, so a rebuild
// that renders few pages renders few cards. Themes reach the store through
// the cardHTML template function.
type cardStore struct {
	t       *template.Template
	byStory sync.Map // *link.Story → template.HTML
	// chrome fingerprints what every card shares (see fingerprinter), and
	// keep, when not nil, keeps cards between builds.
	chrome uint64
	keep   *CardCache
}

// reset starts a build whose cards are rendered with t.
func (c *cardStore) reset(t *template.Template, chrome uint64, keep *CardCache) {
	c.t, c.chrome, c.keep = t, chrome, keep
	c.byStory.Clear()
}

// html returns the card of s; it is the cardHTML template function. It is
// called from several pages at once; two of them may render the same card,
// with the same result.
func (c *cardStore) html(s *link.Story) (template.HTML, error) {
	if h, ok := c.byStory.Load(s); ok {
		return h.(template.HTML), nil
	}
	if c.t == nil {
		return "", fmt.Errorf("no card template for story %q", s.Slug)
	}
	var key uint64
	if c.keep != nil {
		key = cardKey(c.chrome, s)
		if h, ok := c.keep.get(key); ok {
			c.byStory.Store(s, h)
			return h, nil
		}
	}
	var buf bytes.Buffer
	if err := c.t.ExecuteTemplate(&buf, "card", s); err != nil {
		return "", fmt.Errorf("rendering the card of %s: %w", s.Path, err)
	}
	// The card template is html/template: its output is escaped markup.
	h := template.HTML(buf.String())
	c.byStory.Store(s, h)
	if c.keep != nil {
		c.keep.put(key, h)
	}
	return h, nil
}

// cardKey fingerprints everything a card shows: the story's file and URL,
// and what all cards share (the theme, the vocabulary, the site's
// settings).
func cardKey(chrome uint64, s *link.Story) uint64 {
	var h digest
	h.u64(chrome)
	h.card(s)
	return uint64(h)
}

// CardCache keeps rendered story cards between builds of one site, as
// watch and serve do, so that a rebuild which re-renders a hundred list
// pages does not render the cards of every story on them again. Cards are
// found by a fingerprint of all they show. It is safe for concurrent use.
type CardCache struct {
	mu      sync.Mutex
	entries map[uint64]template.HTML
}

// NewCardCache returns an empty CardCache.
func NewCardCache() *CardCache { return &CardCache{entries: map[uint64]template.HTML{}} }

func (c *CardCache) get(key uint64) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.entries[key]
	return h, ok
}

func (c *CardCache) put(key uint64, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = h
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
}
