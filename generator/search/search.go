// Package search builds the static search index that the theme's search
// script (themes/default/static/search.js) and facet filter (facets.js)
// read in the browser, with no server.
//
// The index is a set of files under search/, split so that a query
// fetches only the few it needs:
//
//	index.json      the manifest: version, story count, Chunk ("chunk"),
//	                Group ("xg"), stopwords, every taxonomy with its terms
//	                (key, title, URL, count and the set of stories carrying
//	                it, a base64 bitset), and the shard table (token prefix
//	                → file and size)
//	t/<key>.json    a shard: every index term starting with <key>, each with
//	                its postings [Δid, score, Δid, score, …] (ids ascending)
//	d/<n>.json      stories n*Chunk … n*Chunk+Chunk-1: title, URL, summary,
//	                dates, place, term indexes and where the story's text
//	                lies in its x/ file ("x": [byte offset, byte length]),
//	                for result lists
//	x/<g>.txt       the texts of stories g*Group … g*Group+Group-1, one
//	                after the other with nothing between them: each its
//	                questions and body, joined by spaces, as UTF-8 plain
//	                text. The browser fetches only the byte ranges of the
//	                results on screen, for their excerpts (HTTP Range
//	                requests; from a server that ignores Range, a group
//	                file whole, once).
//
// A group file stands for Group stories, so that a site of 10,000 stories
// writes 100 of them rather than 10,000 files of one text each.
//
// Story ids count from the oldest story (0), so sorting by id is sorting
// by date, and a new story takes the next id: it changes the shards of its
// own words, the last chunk and the last group, not every file of the
// index, which would have to shift by one if ids counted from the newest. Index terms are Fold-ed, Stem-med words;
// a posting's score ranks where the word appears: title above summary and
// questions, above the other facts (place, partners, outcomes, term titles),
// above the body, whose weight grows with the number of occurrences but
// stays below a single mention in the summary.
//
// Drafts never enter the index. Every string of the JSON files is written
// with encoding/json, which escapes <, > and &, so a hostile title stays
// data; the x/ texts are plain text, which the script only ever puts into
// the page as text.
//
// Search is a sibling of render in the pipeline: it reads the linked Site
// (package link's exported model, which it never changes) and imports no
// other stage. Indexes gives the index of every language of a Site, whose
// files the builder hands to render to write beside the pages
// (render.Beside). Stream builds the index a file at a time, for a build
// that writes each file as it comes; Build returns them all. A Cache carries the work of
// one build to the next, so that watch mode rebuilds the index after an
// edit in a few milliseconds (see Cache).
package search

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"time"
)

// Field weights of a posting score. A word in the title outranks one in
// the summary or questions, which outranks the other facts, which outrank
// any number of mentions in the body (at most BodyMax).
const (
	TitleWeight   = 60
	SummaryWeight = 25
	FactWeight    = 10
	BodyMax       = 20
)

// DefaultChunk is the number of stories in a d/<n>.json file.
const DefaultChunk = 10

// DefaultGroup is the number of stories whose texts share an x/<g>.txt
// file.
const DefaultGroup = 100

// DefaultShardBytes is the size above which a shard is split by the next
// letter of its terms.
const DefaultShardBytes = 24 << 10

// Input is what the index is built from.
type Input struct {
	Taxonomies []Taxonomy
	// Docs are the stories oldest first, the order of their ids. Drafts
	// among them are skipped.
	Docs []Doc
	// Chunk, Group and ShardBytes override DefaultChunk, DefaultGroup
	// and DefaultShardBytes when positive.
	Chunk      int
	Group      int
	ShardBytes int
	// Cache, when set, keeps per-story work between builds; see Cache.
	Cache *Cache
	// Plain indexes words as they are written, folded but neither stemmed
	// nor dropped as stop words: for a site not in English, whose words
	// English rules would mangle. The manifest tells the browser, which
	// then treats queries the same way.
	Plain bool
}

// Taxonomy is a vocabulary the results can be filtered by.
type Taxonomy struct {
	Name  string
	Title string
	// Param is the name of the URL query parameter that filters by it
	// ("principle" for principles).
	Param string
	Terms []Term
}

// Term is one term of a taxonomy.
type Term struct {
	Key, Title, URL string
}

// Doc is one story to index.
type Doc struct {
	Title, URL, Summary, Place string
	Date                       time.Time
	Questions                  []string
	// Facts are other short texts about the story: partners, outcomes,
	// the titles of its terms.
	Facts []string
	// Body is the story's text without markup (see PlainText).
	Body string
	// HTML, when Body is empty, is the story's HTML, whose text Stream
	// takes as Body (PlainText) while it indexes the story, on all cores,
	// keeping it no longer than the story's x/ file; without a Cache,
	// FromSite gives Docs so. A Doc with a Key has its Body.
	HTML string
	// Terms holds the story's term keys for each of Input.Taxonomies, in
	// the same order.
	Terms [][]string
	Draft bool
	// Plain is Input.Plain, which FromSite copies to every Doc.
	Plain bool
	// Key identifies everything above within one process, for Cache; 0
	// means the document is not cached.
	Key uint64
}

// File is one file of the index, its path relative to the search folder.
type File struct {
	Path string
	Data []byte
	// Key identifies Data: equal for equal bytes, different (but for a
	// 64-bit collision) for different ones, never 0. It is the start of
	// the SHA-256 of Data, kept with the data by a Cache, so a caller can
	// skip writing a file whose Key did not change since the last build.
	Key uint64
}

// Index is a built index.
type Index struct {
	// Files are the index files, index.json first; Stream leaves it nil.
	Files []File
	// Stories is the number of stories indexed.
	Stories int
	// Version is a hash of the index content, added to fetched URLs so
	// that a browser never mixes files of two builds.
	Version string
}

// Size returns the total size of the index files in bytes.
func (ix *Index) Size() int {
	n := 0
	for _, f := range ix.Files {
		n += len(f.Data)
	}
	return n
}

// Build builds the index of in and returns all its files, index.json
// first, then the others in the order Stream gives them.
// The files are byte-identical for the same input.
func Build(in Input) (*Index, error) {
	var files []File
	ix, err := Stream(in, func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Stream gives the manifest last.
	ix.Files = make([]File, 0, len(files))
	ix.Files = append(append(ix.Files, files[len(files)-1]), files[:len(files)-1]...)
	return ix, nil
}

// Stream builds the index of in and hands each file to emit as soon as it
// is ready, from the calling goroutine, one at a time: the text groups
// (x/), the shards (t/), the result chunks (d/) and last the manifest,
// index.json, whose version depends on all the others. Without a Cache,
// Stream keeps no file once emit returns, so the whole index never lives
// in memory at once; a Cache keeps them for the next build. The files and
// their order are the same for the same input, with or without a Cache.
// An error from emit stops Stream, which returns it. The Index returned
// has no Files.
//
// Builds that share a Cache run one at a time: emit must not start
// another build with the same Cache.
func Stream(in Input, emit func(File) error) (*Index, error) {
	b := newBuilder(in, emit)
	if in.Cache != nil {
		in.Cache.build.Lock()
		defer in.Cache.build.Unlock()
	}
	return b.run()
}

// termIndexes maps every taxonomy's term keys to their index, per
// taxonomy, and returns a fingerprint of all the keys in order.
func termIndexes(taxes []Taxonomy) ([]map[string]int, uint64) {
	var h maphash.Hash
	h.SetSeed(keySeed)
	out := make([]map[string]int, len(taxes))
	for i, tax := range taxes {
		out[i] = make(map[string]int, len(tax.Terms))
		for j, t := range tax.Terms {
			out[i][t.Key] = j
			h.WriteString(t.Key)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	return out, h.Sum64()
}

// checkTerms checks that d uses only known terms.
func checkTerms(taxes []Taxonomy, termIndex []map[string]int, d *Doc) error {
	if len(d.Terms) > len(taxes) {
		return fmt.Errorf("search: story %q has terms of %d taxonomies, the index knows %d", d.URL, len(d.Terms), len(taxes))
	}
	for i, keys := range d.Terms {
		for _, k := range keys {
			if _, ok := termIndex[i][k]; !ok {
				return fmt.Errorf("search: story %q has unknown %s term %q", d.URL, taxes[i].Name, k)
			}
		}
	}
	return nil
}

// docScores returns the score of every index term of d.
func docScores(d Doc) map[string]int {
	scores := make(map[string]int, 400)
	terms := eachTerm
	if d.Plain {
		terms = eachWord
	}
	mark := func(text string, weight int, seen map[string]bool) {
		terms(text, func(t string) {
			if !seen[t] {
				seen[t] = true
				scores[t] += weight
			}
		})
	}
	mark(d.Title, TitleWeight, map[string]bool{})
	summary := map[string]bool{}
	mark(d.Summary, SummaryWeight, summary)
	for _, q := range d.Questions {
		mark(q, SummaryWeight, summary)
	}
	facts := map[string]bool{}
	mark(d.Place, FactWeight, facts)
	for _, f := range d.Facts {
		mark(f, FactWeight, facts)
	}
	body := make(map[string]int, 400)
	terms(d.Body, func(t string) { body[t]++ })
	for t, n := range body {
		scores[t] += bodyScore(n)
	}
	return scores
}

// bodyScore grows with the number of mentions, slowly: 5 for one, 3 more
// each time the number doubles, at most BodyMax (from 32 mentions).
func bodyScore(n int) int {
	return min(BodyMax, 5+3*(bits.Len(uint(n))-1))
}

// posting is one story's score for a term.
type posting struct{ id, score int32 }

// mergePostings merges two id-ascending lists.
func mergePostings(a, b []posting) []posting {
	if len(a) == 0 {
		return b
	}
	out := make([]posting, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].id < b[0].id {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
