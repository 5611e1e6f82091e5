package render

import (
	"bytes"
	"image/color"
	"strconv"

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

// toneColours are the light-page colours of the default stylesheet's
// tone classes (--t1 to --t6 in style.css), by tone number.
var toneColours = []color.RGBA{
	{0x0d, 0x69, 0x65, 0xff}, {0x9a, 0x48, 0x06, 0xff}, {0x9a, 0x25, 0x66, 0xff},
	{0x2b, 0x4f, 0xb5, 0xff}, {0x5d, 0x3f, 0xa8, 0xff}, {0x5c, 0x60, 0x00, 0xff},
}

// termColour is the colour the theme gives a term of the primary
// taxonomy.
func termColour(t *link.Term) color.RGBA {
	n, err := strconv.Atoi(toneOf(t.Key)[len("tone-"):])
	if err != nil || n < 1 || n > len(toneColours) {
		return toneColours[0]
	}
	return toneColours[n-1]
}

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
			if old := r.previous(path); old != nil && socialcard.KeyOf(old) == socialcard.Key(c) {
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

// previous returns the file the last build wrote at path, or nil.
func (r *renderer) previous(path string) []byte {
	if r.opts.Previous == nil {
		return nil
	}
	return r.opts.Previous(path)
}
