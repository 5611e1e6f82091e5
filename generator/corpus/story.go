package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// corpusSeed fixes every random choice: changing it changes every corpus.
const corpusSeed uint64 = 0x63617365626f6f6b // "casebook"

// Random streams. Each story draws from its own source, keyed by its index,
// so stories can be generated in any order, in parallel, with the same result.
const (
	streamHeader uint64 = 1
	streamStory  uint64 = 2
)

func newRand(stream uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(corpusSeed^stream, uint64(i)))
}

// Story dates fall between these days, inclusive.
var (
	firstDate = time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDate  = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	dateSpan  = int(lastDate.Sub(firstDate).Hours()/24) + 1 // days
)

// header is what other stories need to know about a story to link to it.
type header struct {
	slug  string
	title string
	topic string
	place string
}

// makeHeaders returns the slugs and titles of n stories. Slugs start with
// the zero-padded story number, so they are unique and sort in order.
func makeHeaders(n int) []header {
	width := max(5, len(strconv.Itoa(n)))
	hs := make([]header, n)
	for i := range hs {
		w := &writer{rng: newRand(streamHeader, i)}
		w.topic = pick(w.rng, topics)
		w.place = pick(w.rng, places)
		hs[i] = header{
			slug:  fmt.Sprintf("s%0*d-%s", width, i+1, strings.ReplaceAll(w.topic, " ", "-")),
			title: w.fill(pick(w.rng, titleTemplates), false),
			topic: w.topic,
			place: w.place,
		}
	}
	return hs
}

// story is one generated story, ready to render.
type story struct {
	header
	summary   string
	date      string
	terms     [][]string // keys per taxonomy, in vocabulary order
	place     string
	partners  []string
	period    string
	questions []string
	outcomes  []string
	authors   []string
	body      string
}

// makeStory generates story i of the corpus described by hs.
func makeStory(i int, hs []header, v *vocabulary) story {
	rng := newRand(streamStory, i)
	w := &writer{rng: rng, topic: hs[i].topic, place: hs[i].place}
	s := story{header: hs[i]}
	s.summary = makeSummary(w)
	date := firstDate.AddDate(0, 0, rng.IntN(dateSpan))
	s.date = date.Format(time.DateOnly)
	inquiry := false
	for _, t := range v.taxonomies {
		keys := pickTerms(rng, t.keys, t.maxPerStory)
		s.terms = append(s.terms, keys)
		if t.name == "principles" && slices.Contains(keys, "inquiry") {
			inquiry = true
		}
	}
	s.place = w.fill(pick(rng, placeForms), false)
	s.partners = pickDistinct(rng, partners, 2+rng.IntN(3))
	s.period = makePeriod(rng, date.Year())
	if inquiry || rng.IntN(3) == 0 {
		s.questions = pickDistinct(rng, questions, 2+rng.IntN(2))
	}
	s.outcomes = pickDistinct(rng, outcomes, 1+rng.IntN(3))
	s.authors = makeAuthors(rng)
	s.body = writeBody(w, bodyExtras{
		links:    linkSentences(rng, i, hs),
		footnote: makeFootnote(w),
		table:    rng.IntN(5) == 0,
	})
	return s
}

// makeSummary returns a summary of 60 to 200 characters.
func makeSummary(w *writer) string {
	for range 20 {
		s := w.fill(pick(w.rng, summaryTemplates), false)
		if len(s) >= 60 && len(s) <= 200 {
			return s
		}
	}
	return "How public services and communities in one area worked together on " + w.topic + "."
}

// pickTerms returns 1 to limit distinct keys in vocabulary order.
func pickTerms(rng *rand.Rand, keys []string, limit int) []string {
	n := 1 + rng.IntN(min(limit, len(keys)))
	idx := rng.Perm(len(keys))[:n]
	slices.Sort(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = keys[j]
	}
	return out
}

// makePeriod returns when the work ran, ending no later than the story's year.
func makePeriod(rng *rand.Rand, year int) string {
	end := year - rng.IntN(2)
	start := end - rng.IntN(3)
	switch {
	case rng.IntN(5) == 0:
		return pick(rng, seasons) + " " + strconv.Itoa(end)
	case start == end:
		return strconv.Itoa(end)
	}
	return strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

func makeAuthors(rng *rand.Rand) []string {
	if rng.IntN(3) == 0 {
		return []string{"Programme team"}
	}
	n := 1 + rng.IntN(2)
	firsts := pickDistinct(rng, firstNames, n)
	lasts := pickDistinct(rng, lastNames, n)
	authors := make([]string, n)
	for i := range authors {
		authors[i] = firsts[i] + " " + lasts[i]
	}
	return authors
}

// linkSentences returns two sentences linking story i to other stories, or
// none when it is the only story.
func linkSentences(rng *rand.Rand, i int, hs []header) []string {
	n := len(hs)
	if n < 2 {
		return nil
	}
	other := func() int {
		j := rng.IntN(n - 1)
		if j >= i {
			j++
		}
		return j
	}
	first, second := other(), other()
	for n > 2 && second == first {
		second = other()
	}
	templates := pickDistinct(rng, linkTemplates, 2)
	out := make([]string, 2)
	for k, j := range []int{first, second} {
		out[k] = fmt.Sprintf(templates[k], hs[j].title, hs[j].slug+".md")
	}
	return out
}

// makeFootnote returns footnote text for about one story in four.
func makeFootnote(w *writer) string {
	if w.rng.IntN(4) != 0 {
		return ""
	}
	return w.fill(pick(w.rng, footnotes), false)
}

// render returns the story file: YAML front matter, a blank line, the body.
func (s story) render(v *vocabulary) []byte {
	var sb strings.Builder
	sb.Grow(len(s.body) + 1024)
	sb.WriteString("---\n")
	writeField(&sb, "title", yamlString(s.title))
	writeField(&sb, "summary", yamlString(s.summary))
	writeField(&sb, "date", s.date)
	for i, t := range v.taxonomies {
		writeField(&sb, t.name, yamlList(s.terms[i], yamlKey))
	}
	writeField(&sb, "place", yamlString(s.place))
	writeField(&sb, "partners", yamlList(s.partners, yamlString))
	writeField(&sb, "period", yamlString(s.period))
	if len(s.questions) > 0 {
		writeField(&sb, "questions", yamlList(s.questions, yamlString))
	}
	writeField(&sb, "outcomes", yamlList(s.outcomes, yamlString))
	writeField(&sb, "authors", yamlList(s.authors, yamlString))
	sb.WriteString("---\n\n")
	sb.WriteString(s.body)
	return []byte(sb.String())
}
