package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// slot names a word list that a sentence template draws from. Topic and
// place are bound once per story so that its sentences stay on one subject.
type slot int

const (
	slotNone slot = iota
	slotTopic
	slotPlace
	slotOrg
	slotPeople
	slotRole
	slotActivity
	slotFeeling
	slotInsight
	slotResult
	slotNumber
	slotTimeframe
	slotPrinciple
	slotValue
	slotObstacle
	slotAngle
	slotCount // number of slots; keep last
)

var slotNames = map[string]slot{
	"topic":     slotTopic,
	"place":     slotPlace,
	"org":       slotOrg,
	"people":    slotPeople,
	"role":      slotRole,
	"activity":  slotActivity,
	"feeling":   slotFeeling,
	"insight":   slotInsight,
	"result":    slotResult,
	"number":    slotNumber,
	"timeframe": slotTimeframe,
	"principle": slotPrinciple,
	"value":     slotValue,
	"obstacle":  slotObstacle,
	"angle":     slotAngle,
}

// piece is a run of literal text followed by an optional slot.
type piece struct {
	text string
	slot slot
}

// template is a sentence pattern parsed once, so filling it costs no parsing.
type template []piece

// mustParse parses "{name}" slots in s; an unknown name is a bug in the
// word lists, so it panics at package initialisation like regexp.MustCompile.
func mustParse(s string) template {
	var t template
	rest := s
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if rest != "" {
				t = append(t, piece{text: rest})
			}
			return t
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			panic(fmt.Sprintf("corpus: unclosed slot in template %q", s))
		}
		name := rest[open+1 : open+end]
		sl, ok := slotNames[name]
		if !ok {
			panic(fmt.Sprintf("corpus: unknown slot %q in template %q", name, s))
		}
		t = append(t, piece{text: rest[:open], slot: sl})
		rest = rest[open+end+1:]
	}
}

func mustParseAll(ss []string) []template {
	ts := make([]template, len(ss))
	for i, s := range ss {
		ts[i] = mustParse(s)
	}
	return ts
}

// writer fills templates for one story from its own random source.
type writer struct {
	rng   *rand.Rand
	topic string
	place string
	decks map[*template]*deck // per sentence pool, keyed by its first element
}

// deck deals the templates of one pool in shuffled order, so a story
// repeats a sentence only once it has used the whole pool.
type deck struct {
	order []int
	next  int
}

// draw deals the next template of pool ts.
func (w *writer) draw(ts []template) template {
	if w.decks == nil {
		w.decks = make(map[*template]*deck)
	}
	key := &ts[0]
	d := w.decks[key]
	if d == nil || d.next == len(d.order) {
		d = &deck{order: w.rng.Perm(len(ts))}
		w.decks[key] = d
	}
	t := ts[d.order[d.next]]
	d.next++
	return t
}

// pick returns a random element of list.
func pick[T any](rng *rand.Rand, list []T) T {
	return list[rng.IntN(len(list))]
}

// pickDistinct returns k distinct elements of list in random order, or all
// of them when list is shorter than k.
func pickDistinct[T any](rng *rand.Rand, list []T, k int) []T {
	k = min(k, len(list))
	idx := rng.Perm(len(list))[:k]
	out := make([]T, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// word returns a filler for sl.
func (w *writer) word(sl slot) string {
	switch sl {
	case slotTopic:
		return w.topic
	case slotPlace:
		return w.place
	}
	return pick(w.rng, slotWords[sl])
}

// fill writes t with every slot filled; with emphasis set, a few fillers
// are wrapped in *emphasis* or **strong** so bodies exercise inline markup.
func (w *writer) fill(t template, emphasis bool) string {
	var sb strings.Builder
	for _, p := range t {
		sb.WriteString(p.text)
		if p.slot == slotNone {
			continue
		}
		v := w.word(p.slot)
		if emphasis {
			switch w.rng.IntN(24) {
			case 0, 1:
				v = "*" + v + "*"
			case 2:
				v = "**" + v + "**"
			}
		}
		sb.WriteString(v)
	}
	return capitalizeFirst(sb.String())
}

// sentence fills the next template dealt from ts.
func (w *writer) sentence(ts []template) string {
	return w.fill(w.draw(ts), true)
}

// sentences fills k templates dealt from ts and joins them with spaces.
func (w *writer) sentences(ts []template, k int) string {
	parts := make([]string, k)
	for i := range parts {
		parts[i] = w.sentence(ts)
	}
	return strings.Join(parts, " ")
}

// capitalizeFirst upper-cases the first letter of s, looking past the
// asterisks of leading emphasis.
func capitalizeFirst(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r != '*' })
	if i < 0 {
		return s
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLower(r) {
		return s
	}
	return s[:i] + string(unicode.ToUpper(r)) + s[i+size:]
}

// countWords counts the fields of s that contain a letter, so Markdown
// markers (##, -, 1., >, |) and bare numbers are not words.
func countWords(s string) int {
	n := 0
	inField, hasLetter := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if inField && hasLetter {
				n++
			}
			inField, hasLetter = false, false
			continue
		}
		inField = true
		if unicode.IsLetter(r) {
			hasLetter = true
		}
	}
	if inField && hasLetter {
		n++
	}
	return n
}
