package render

import (
	"bytes"
	"errors"

	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/socialcard"
)

// Social cards are the images a shared link shows (og:image): one per
// story at stories/<slug>/card.png and one for the rest of the site at
// card.png, drawn by package socialcard. A card takes a few milliseconds
// to draw, so a card whose socialcard.Key is that of the card the last
// build wrote at the same path (Options.Previous) is kept as it was:
// only new and retitled stories, and all of them after the site's title
// or colours change, are drawn again.

// primaryCardTerms are the card terms of a story's primary terms.
func primaryCardTerms(groups []link.TermGroup) []socialcard.Term {
	if len(groups) == 0 {
		return nil
	}
	var out []socialcard.Term
	for _, t := range groups[0].Terms {
		out = append(out, socialcard.Term{Title: t.Title, Colour: termColour(t)})
	}
	return out
}

// storyCard is what story s's card shows.
func (r *renderer) storyCard(s *link.Story) socialcard.Card {
	return socialcard.Card{Title: s.Title, SiteTitle: r.site.Config.Title, Terms: primaryCardTerms(s.Terms)}
}

// siteCard is what the site's card shows: its title and every primary
// term.
func (r *renderer) siteCard() socialcard.Card {
	c := socialcard.Card{Title: r.site.Config.Title}
	if len(r.site.Taxonomies) > 0 {
		for _, t := range r.site.Taxonomies[0].Terms {
			c.Terms = append(c.Terms, socialcard.Term{Title: t.Title, Colour: termColour(t)})
		}
	}
	return c
}

// cardJob adds the card at path.
func (r *renderer) cardJob(add func(job), path string, card func() socialcard.Card) {
	add(job{path: path,
		fingerprint: func() uint64 {
			var h digest
			h.strs("card", socialcard.Key(card()))
			return uint64(h) | 1
		},
		render: func(buf *bytes.Buffer) error {
			c := card()
			key := socialcard.Key(c)
			// Under the language's folder, as previous: path is the
			// card's place within the language.
			if r.opts.Keep != nil && r.opts.Keep(r.prefix+path, func(head []byte) bool { return socialcard.KeyOf(head) == key }) {
				return errKept
			}
			if old := r.previous(path); old != nil && socialcard.KeyOf(old) == key {
				_, err := buf.Write(old)
				return err
			}
			data, err := socialcard.PNG(c)
			if err != nil {
				return err
			}
			_, err = buf.Write(data)
			return err
		}})
}

// errKept is what a job's render returns when Options.Keep published
// the last build's file in its place: there is nothing to emit.
var errKept = errors.New("kept from the previous output")

// previous returns the file the last build wrote at path, or nil.
func (r *renderer) previous(path string) []byte {
	if r.opts.Previous == nil {
		return nil
	}
	return r.opts.Previous(r.prefix + path)
}
