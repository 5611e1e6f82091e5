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
}

// reset starts a build whose cards are rendered with t.
func (c *cardStore) reset(t *template.Template) {
	c.t = t
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
	var buf bytes.Buffer
	if err := c.t.ExecuteTemplate(&buf, "card", s); err != nil {
		return "", fmt.Errorf("rendering the card of %s: %w", s.Path, err)
	}
	// The card template is html/template: its output is escaped markup.
	h := template.HTML(buf.String())
	c.byStory.Store(s, h)
	return h, nil
}
