package search

import (
	"crypto/sha256"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// This file builds the inverted index of a build without a Cache (a
// one-shot build, such as `casebook build`): on all cores, each story's
// text is taken from its HTML when the Doc carries only that, its terms
// are scored, and its text waits in its group; each x/ file is emitted as
// soon as its group of stories is complete, so that no story's text
// outlives its group and the texts of the whole site never live at once.
// Scoring uses one term table per worker instead of a map per story.

// scorer scores the terms of the stories one worker takes. Every term it
// meets gets an id, and slots by id hold what the story being scored did
// with the term; touched lists the ids the story used.
type scorer struct {
	ids     map[string]int32
	terms   []string    // by id, copied out of the stories' texts
	lists   [][]posting // by id: the postings of this worker's stories, ids ascending
	story   []int32     // by id: 1 + the story the slots below are for
	fields  []uint8     // by id: the fields holding the term (see fieldTitle)
	count   []int32     // by id: mentions in the body
	touched []int32
	// words maps a word, as eachWord gives it, to the id of its term or
	// to -1 for a stopword: for stemmed stories, one lookup a word
	// instead of a stopword lookup, a stem and a term lookup.
	words map[string]int32
}

// The fields of a story that weigh once each in a term's score.
const (
	fieldTitle   = 1 << iota // TitleWeight
	fieldSummary             // summary and questions: SummaryWeight
	fieldFacts               // place and other facts: FactWeight
)

func newScorer() *scorer {
	return &scorer{ids: make(map[string]int32, 1<<14), words: make(map[string]int32, 1<<14)}
}

// wordSlot is slot for the term of word w in a stemmed story, or -1 when
// w is a stopword.
func (s *scorer) wordSlot(w string, id int32) int32 {
	k, ok := s.words[w]
	if !ok {
		k = -1
		if t, ok := termOf(w); ok {
			k = s.slot(t, id)
		}
		s.words[strings.Clone(w)] = k
		return k
	}
	if k >= 0 {
		s.touch(k, id)
	}
	return k
}

// slot returns the id of term t, with its slots reset for story id.
func (s *scorer) slot(t string, id int32) int32 {
	k, ok := s.ids[t]
	if !ok {
		k = int32(len(s.terms))
		t = strings.Clone(t) // not the story's text
		s.ids[t] = k
		s.terms = append(s.terms, t)
		s.lists = append(s.lists, nil)
		s.story = append(s.story, 0)
		s.fields = append(s.fields, 0)
		s.count = append(s.count, 0)
	}
	s.touch(k, id)
	return k
}

// touch resets term k's slots for story id, the first time the story
// uses it.
func (s *scorer) touch(k, id int32) {
	if s.story[k] != id+1 {
		s.story[k], s.fields[k], s.count[k] = id+1, 0, 0
		s.touched = append(s.touched, k)
	}
}

// score adds story id, whose Doc is d and body text body, to the
// postings: the scores of docScores.
func (s *scorer) score(id int, d *Doc, body string) {
	lookup := s.wordSlot
	if d.Plain {
		lookup = s.slot
	}
	sid := int32(id)
	s.touched = s.touched[:0]
	var bit uint8
	mark := func(w string) {
		if k := lookup(w, sid); k >= 0 {
			s.fields[k] |= bit
		}
	}
	field := func(b uint8, texts ...string) {
		bit = b
		for _, text := range texts {
			eachWord(text, mark)
		}
	}
	field(fieldTitle, d.Title)
	field(fieldSummary, d.Summary)
	field(fieldSummary, d.Questions...)
	field(fieldFacts, d.Place)
	field(fieldFacts, d.Facts...)
	eachWord(body, func(w string) {
		if k := lookup(w, sid); k >= 0 {
			s.count[k]++
		}
	})
	for _, k := range s.touched {
		sc, f := int32(0), s.fields[k]
		if f&fieldTitle != 0 {
			sc += TitleWeight
		}
		if f&fieldSummary != 0 {
			sc += SummaryWeight
		}
		if f&fieldFacts != 0 {
			sc += FactWeight
		}
		if n := s.count[k]; n > 0 {
			sc += int32(bodyScore(int(n)))
		}
		s.lists[k] = append(s.lists[k], posting{sid, sc})
	}
}

// bodyText returns the plain text of d's body.
func bodyText(d *Doc) string {
	if d.Body == "" && d.HTML != "" {
		return PlainText(d.HTML)
	}
	return d.Body
}

// oneShot builds the inverted index of b.docs without a Cache, emitting
// the x/ files as it goes (see the top of this file) and setting b.spans.
func (b *builder) oneShot() (*invertedIndex, error) {
	docs, g := b.docs, b.group
	n := len(docs)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	texts := make([]string, n)
	b.spans = make([]span, n)
	scorers := make([]*scorer, workers)
	next, done := make(chan int, 4*workers), make(chan int, 4*workers)
	var stop atomic.Bool
	var wg sync.WaitGroup
	for w := range scorers {
		s := newScorer()
		scorers[w] = s
		wg.Go(func() {
			// Ids come in increasing order, so each worker's postings
			// are in id order.
			for id := range next {
				if !stop.Load() {
					d := &docs[id]
					texts[id] = bodyText(d)
					s.score(id, d, texts[id])
				}
				done <- id
			}
		})
	}
	go func() {
		for id := range n {
			next <- id
		}
		close(next)
	}()
	groups := (n + g - 1) / g
	b.xLines = make([]fileLine, groups)
	ready := make([]int, groups)
	emitted := 0
	var err error
	for range n {
		id := <-done
		ready[id/g]++
		for emitted < groups && ready[emitted] == min(g, n-emitted*g) {
			if err == nil {
				if err = b.emitGroup(emitted, texts); err != nil {
					stop.Store(true)
				}
			}
			emitted++
		}
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	ix := mergeScorers(scorers)
	ix.keys = make([]uint64, n)
	for i := range docs {
		ix.keys[i] = docs[i].Key
	}
	return ix, nil
}

// emitGroup emits the x/ file of group i, whose stories' body texts are
// in texts, and lets those texts go.
func (b *builder) emitGroup(i int, texts []string) error {
	lo, hi := i*b.group, min(len(b.docs), (i+1)*b.group)
	size := 0
	for id := lo; id < hi; id++ {
		d := b.docs[id]
		d.Body = texts[id]
		b.spans[id] = span{size, excerptLen(&d)}
		size += b.spans[id].n
	}
	data := make([]byte, 0, size)
	for id := lo; id < hi; id++ {
		d := b.docs[id]
		d.Body = texts[id]
		data = appendExcerpt(data, &d)
		texts[id] = ""
	}
	b.xLines[i] = fileLine{len(data), sha256.Sum256(data)}
	return b.emit(File{Path: path(b.xPaths, "x/", ".txt", i), Data: data, Key: fileKey(b.xLines[i].digest)})
}

// mergeScorers returns the inverted index of the postings of every
// scorer: each term's lists merged in id order, the terms sorted.
func mergeScorers(scorers []*scorer) *invertedIndex {
	all := scorers[0]
	terms, lists := all.terms, all.lists
	for _, s := range scorers[1:] {
		for k, t := range s.terms {
			if at, ok := all.ids[t]; ok {
				lists[at] = mergePostings(lists[at], s.lists[k])
			} else {
				all.ids[t] = int32(len(terms))
				terms, lists = append(terms, t), append(lists, s.lists[k])
			}
		}
		*s = scorer{}
	}
	order := make([]int32, len(terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(terms[a], terms[b]) })
	ix := &invertedIndex{all: true, sorted: make([]string, len(order))}
	block := make([]termInfo, len(order))
	ix.infos = make([]*termInfo, len(order))
	for i, k := range order {
		ix.sorted[i] = terms[k]
		block[i].list, block[i].indexed = lists[k], true
		ix.infos[i] = &block[i]
	}
	*all = scorer{}
	ix.sorted = intern(ix.sorted)
	ix.sizes = make([]int, len(ix.sorted))
	parallel(len(ix.sorted), func(i int) { ix.sizes[i] = entrySize(ix.sorted[i], ix.infos[i].list) + 1 })
	return ix
}
