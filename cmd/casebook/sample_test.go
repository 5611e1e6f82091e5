package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/content"
)

// The editorial measures of the sample casebook (issue 18): the sample is
// what every adopting team reads first, so it has to read as a programme
// team would publish it, not as one template filled in many times.
const (
	minStories       = 24   // published stories
	openingWords     = 3    // words that make a sentence's opening
	maxOpeningShare  = 4    // stories one opening may appear in
	minSetbacks      = 6    // stories that say what got in the way
	maxTermShare     = 0.60 // share of stories one term may be on
	minPrinciple     = 8    // stories per principle
	minSectorOrTheme = 3    // stories per sector and per theme
)

// TestSampleCasebookMeasures loads the sample site and fails when it falls
// short of any measure, listing every shortfall with the stories concerned.
func TestSampleCasebookMeasures(t *testing.T) {
	c, err := build.LoadContent(build.Options{Src: "../.."})
	if err != nil || c.Collection == nil {
		t.Fatalf("loading the sample site: %v %v", err, c.Diags)
	}
	col := c.Collection
	stories := col.Stories
	if len(stories) < minStories {
		t.Errorf("%d published stories, want at least %d", len(stories), minStories)
	}

	withSetbacks := 0
	for _, s := range stories {
		if len(s.Setbacks) > 0 {
			withSetbacks++
		}
	}
	t.Logf("stories %d, with setbacks %d", len(stories), withSetbacks)
	if withSetbacks < minSetbacks {
		t.Errorf("%d stories have setbacks, want at least %d", withSetbacks, minSetbacks)
	}

	for _, tax := range []string{"principles", "sectors", "themes"} {
		min := minSectorOrTheme
		if tax == "principles" {
			min = minPrinciple
		}
		for _, term := range col.Terms[tax] {
			n := 0
			for _, s := range stories {
				for _, k := range s.Terms[tax] {
					if k == term.Key {
						n++
					}
				}
			}
			t.Logf("%s/%s on %d of %d stories", tax, term.Key, n, len(stories))
			if float64(n) > maxTermShare*float64(len(stories)) {
				t.Errorf("%s/%s is on %d of %d stories, more than %.0f%%: tag only the stories that show it most clearly", tax, term.Key, n, len(stories), maxTermShare*100)
			}
			if n < min {
				t.Errorf("%s/%s is on %d stories, want at least %d", tax, term.Key, n, min)
			}
		}
	}

	for _, o := range repeatedOpenings(stories) {
		t.Errorf("%q opens sentences in %d stories (at most %d): %s", o.opening, len(o.slugs), maxOpeningShare, strings.Join(o.slugs, ", "))
	}
}

type opening struct {
	opening string
	slugs   []string
}

// repeatedOpenings returns the sentence openings found in more than
// maxOpeningShare stories, most frequent first.
func repeatedOpenings(stories []*content.Story) []opening {
	where := map[string]map[string]bool{}
	for _, s := range stories {
		texts := append([]string{s.Summary}, s.Outcomes...)
		texts = append(texts, s.Setbacks...)
		texts = append(texts, proseLines(string(s.Body.Source))...)
		for _, text := range texts {
			for _, sentence := range sentences(text) {
				key := openingOf(sentence)
				if key == "" {
					continue
				}
				if where[key] == nil {
					where[key] = map[string]bool{}
				}
				where[key][s.Slug] = true
			}
		}
	}
	var out []opening
	for key, slugs := range where {
		if len(slugs) > maxOpeningShare {
			o := opening{opening: key}
			for slug := range slugs {
				o.slugs = append(o.slugs, slug)
			}
			sort.Strings(o.slugs)
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].slugs) != len(out[j].slugs) {
			return len(out[i].slugs) > len(out[j].slugs)
		}
		return out[i].opening < out[j].opening
	})
	return out
}

var (
	wikiLink    = regexp.MustCompile(`\[\[(?:[^\]|]*\|)?([^\]]*)\]\]`)
	mdLink      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	sentenceEnd = regexp.MustCompile(`[.!?]["'”’)*_]*\s+`)
)

// proseLines returns the paragraphs and list items of a Markdown body,
// each as one line of text, without headings, block quotes' marks or
// fenced code.
func proseLines(body string) []string {
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, strings.Join(para, " "))
			para = nil
		}
	}
	fenced := false
	for _, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
			flush()
			continue
		}
		switch {
		case fenced:
		case trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "|"):
			flush()
		case strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* ") || startsNumbered(trimmed):
			flush()
			para = append(para, strings.TrimLeft(trimmed, "-*0123456789. "))
		default:
			para = append(para, strings.TrimLeft(trimmed, "> "))
		}
	}
	flush()
	return out
}

func startsNumbered(s string) bool {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	return i > 0 && strings.HasPrefix(s[i:], ". ")
}

// sentences splits a paragraph into sentences, links reduced to their text.
func sentences(text string) []string {
	text = wikiLink.ReplaceAllString(text, "$1")
	text = mdLink.ReplaceAllString(text, "$1")
	return sentenceEnd.Split(text, -1)
}

// openingOf returns the first openingWords words of a sentence, case
// folded, or "" when the sentence is shorter.
func openingOf(sentence string) string {
	words := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	if len(words) < openingWords {
		return ""
	}
	return strings.Join(words[:openingWords], " ")
}

func TestOpeningsMeasureCanFail(t *testing.T) {
	var stories []*content.Story
	for i := 0; i <= maxOpeningShare; i++ {
		stories = append(stories, &content.Story{
			Slug: fmt.Sprint("s", i),
			Body: content.Body{Source: []byte("## Heading\n\nIt rained. The group learned that [[x|links]] help.\n\n- They also learned things\n")},
		})
	}
	got := repeatedOpenings(stories)
	var keys []string
	for _, o := range got {
		keys = append(keys, o.opening)
	}
	want := "the group learned,they also learned"
	if strings.Join(keys, ",") != want {
		t.Errorf("repeated openings %q, want %q", keys, want)
	}
	stories[0].Body.Source = []byte("The group learned that.")
	if got := repeatedOpenings(stories); len(got) != 1 || got[0].opening != "the group learned" {
		t.Errorf("after varying one story, repeated openings %v, want only \"the group learned\"", got)
	}
}
