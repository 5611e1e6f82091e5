package corpus

import (
	"fmt"
	"strconv"
	"strings"
)

// Body length limits. minWords counts fields holding a letter; maxTokens
// counts every whitespace-separated field, so a body stays within 600 to
// 900 words whichever way a reader counts.
const (
	minWords    = 600
	maxTokens   = 900
	targetLow   = 620 // a body is filled until it holds a target number of words
	targetHigh  = 820 // drawn between these two
	sectionRoom = 60  // tokens a new section needs to be worth starting
)

// block is one Markdown block of a body.
type block struct {
	text      string
	paragraph bool // plain paragraph: links and footnote markers may be appended
}

var tableIntro = mustParse("The table below shows what partners tracked {timeframe}.")

// bodyBuilder assembles a body block by block, keeping it within budget.
type bodyBuilder struct {
	w         *writer
	blocks    []block
	words     int
	tokens    int
	maxTokens int
	used      map[string]bool // headings already used, so anchors stay unique
	lastList  bool            // the last block is a list: another would merge with it
}

// tryAdd appends text as a block if it fits the token budget.
func (b *bodyBuilder) tryAdd(text string, paragraph bool) bool {
	tokens := countTokens(text)
	if b.tokens+tokens > b.maxTokens {
		return false
	}
	b.blocks = append(b.blocks, block{text: text, paragraph: paragraph})
	b.words += countWords(text)
	b.tokens += tokens
	b.lastList = false
	return true
}

// paragraph writes 2 to 5 sentences, mostly from the section's own pool.
func (b *bodyBuilder) paragraph(kind sectionKind) string {
	own := 1 + b.w.rng.IntN(3)
	general := 1 + b.w.rng.IntN(2)
	s := b.w.sentences(kind.sentences, own) + " " + b.w.sentences(generalSentences, general)
	if b.w.rng.IntN(2) == 0 {
		return s
	}
	// Vary where the section-specific sentences sit.
	return b.w.sentences(generalSentences, 1) + " " + s
}

// addParagraph adds a paragraph, or a single sentence when the budget is
// nearly spent.
func (b *bodyBuilder) addParagraph(kind sectionKind) bool {
	if b.tryAdd(b.paragraph(kind), true) {
		return true
	}
	return b.tryAdd(b.w.sentence(kind.sentences), true)
}

// addList adds a bullet or numbered list unless the last block is a list.
func (b *bodyBuilder) addList(items []template, numbered bool) bool {
	if b.lastList || !b.tryAdd(b.list(items, numbered), false) {
		return false
	}
	b.lastList = true
	return true
}

func (b *bodyBuilder) list(items []template, numbered bool) string {
	picked := pickDistinct(b.w.rng, items, 3+b.w.rng.IntN(3))
	lines := make([]string, len(picked))
	for i, t := range picked {
		marker := "-"
		if numbered {
			marker = strconv.Itoa(i+1) + "."
		}
		lines[i] = marker + " " + b.w.fill(t, true)
	}
	return strings.Join(lines, "\n")
}

func (b *bodyBuilder) quote() string {
	q := b.w.fill(pick(b.w.rng, quotes), false)
	who := capitalizeFirst(b.w.word(slotRole))
	return "> " + q + "\n>\n> — " + who
}

// table renders a GFM table of made-up before-and-after figures.
func (b *bodyBuilder) table() string {
	rng := b.w.rng
	cols := pick(rng, tableHeaders)
	var sb strings.Builder
	fmt.Fprintf(&sb, "| Measure | %s | %s |\n| --- | ---: | ---: |", cols[0], cols[1])
	for _, m := range pickDistinct(rng, tableMeasures, 3+rng.IntN(2)) {
		before := 10 + rng.IntN(90)
		after := max(0, before+rng.IntN(41)-25)
		fmt.Fprintf(&sb, "\n| %s | %d | %d |", m, before, after)
	}
	return sb.String()
}

// heading returns an unused heading from options, or "" if all are used.
func (b *bodyBuilder) heading(options []string) string {
	for _, i := range b.w.rng.Perm(len(options)) {
		if !b.used[options[i]] {
			b.used[options[i]] = true
			return options[i]
		}
	}
	return ""
}

// section writes a ## section of about budget words; it reports false
// when the body has no room left.
func (b *bodyBuilder) section(kind sectionKind, budget int, withTable bool) bool {
	if b.tokens+sectionRoom > b.maxTokens {
		return false
	}
	start := b.words
	b.tryAdd("## "+b.heading(kind.headings), false)
	if !b.addParagraph(kind) {
		return false
	}
	if withTable {
		b.tryAdd(b.w.fill(tableIntro, false), true)
		b.tryAdd(b.table(), false)
	}
	subsections := 0
	for b.words-start < budget {
		var ok bool
		switch r := b.w.rng.IntN(20); {
		case r < 9:
			ok = b.addParagraph(kind)
		case r < 12:
			ok = b.addList(bulletItems, false)
		case r < 14:
			ok = b.addList(numberedItems, true)
		case r < 16:
			ok = b.tryAdd(b.quote(), false)
		default:
			ok = subsections < 2 && b.subsection(kind)
			subsections++
		}
		if !ok && !b.addParagraph(kind) {
			return false
		}
	}
	return true
}

// subsection writes a ### heading and a paragraph under the current section.
func (b *bodyBuilder) subsection(kind sectionKind) bool {
	h := b.heading(subheadings)
	if h == "" || b.tokens+sectionRoom/2 > b.maxTokens {
		return false
	}
	b.tryAdd("### "+h, false)
	return b.addParagraph(kind)
}

// bodyExtras are the pieces added after the body is laid out: links to
// other stories and an optional footnote.
type bodyExtras struct {
	links    []string // link sentences, each appended to a different paragraph
	footnote string   // footnote definition text, or ""
	table    bool
}

// writeBody returns a Markdown body of 600 to 900 words.
func writeBody(w *writer, extras bodyExtras) string {
	reserve := 0
	for _, l := range extras.links {
		reserve += countTokens(l)
	}
	if extras.footnote != "" {
		reserve += countTokens(extras.footnote) + 1
	}
	b := &bodyBuilder{w: w, maxTokens: maxTokens - reserve, used: map[string]bool{}}
	target := targetLow + w.rng.IntN(targetHigh-targetLow+1)

	intro := w.fill(pick(w.rng, introTemplates), false) + " It is a story about *" +
		w.word(slotPrinciple) + "* and about **" + w.word(slotValue) + "**. " +
		w.sentences(sectionKinds[0].sentences, 2)
	b.tryAdd(intro, true)

	kinds := planSections(w)
	tableAt := -1
	if extras.table {
		tableAt = w.rng.IntN(len(kinds))
	}
	for i, k := range kinds {
		// Share what is left of the target among the sections still to
		// come, so one long section shortens the rest.
		budget := (target - b.words) / (len(kinds) - i)
		if !b.section(k, budget, i == tableAt) {
			break
		}
	}
	// Top up under the last section if the plan fell short of the target.
	last := kinds[len(kinds)-1]
	for b.words < target && b.addParagraph(last) {
	}
	b.appendExtras(extras)

	texts := make([]string, len(b.blocks))
	for i, bl := range b.blocks {
		texts[i] = bl.text
	}
	return strings.Join(texts, "\n\n") + "\n"
}

// appendExtras puts each link at the end of a different paragraph and the
// footnote marker on a third, with its definition last.
func (b *bodyBuilder) appendExtras(extras bodyExtras) {
	var paras []int
	for i, bl := range b.blocks {
		if bl.paragraph {
			paras = append(paras, i)
		}
	}
	chosen := pickDistinct(b.w.rng, paras, len(extras.links)+1)
	for i, l := range extras.links {
		at := chosen[i%len(chosen)]
		b.blocks[at].text += " " + l
	}
	if extras.footnote != "" {
		at := chosen[len(chosen)-1]
		b.blocks[at].text += "[^1]"
		b.blocks = append(b.blocks, block{text: "[^1]: " + extras.footnote})
	}
}

// planSections chooses four to six section kinds, in narrative order.
func planSections(w *writer) []sectionKind {
	keep := 4 + w.rng.IntN(3)
	drop := map[int]bool{}
	for _, i := range w.rng.Perm(len(sectionKinds))[:len(sectionKinds)-keep] {
		drop[i] = true
	}
	kinds := make([]sectionKind, 0, keep)
	for i, k := range sectionKinds {
		if !drop[i] {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// countTokens counts whitespace-separated fields without allocating.
func countTokens(s string) int {
	n := 0
	inField := false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}
