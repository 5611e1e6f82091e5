// Package search builds the static search index that the theme's search
// script (themes/default/static/search.js) and facet filter (facets.js)
// read in the browser, with no server.
//
// The index is a set of JSON files under search/, split so that a query
// fetches only the few it needs:
//
//	index.json      the manifest: version, story count, stopwords, every
//	                taxonomy with its terms (key, title, URL, count and the
//	                set of stories carrying it, a base64 bitset), and the
//	                shard table (token prefix → file and size)
//	t/<key>.json    a shard: every index term starting with <key>, each with
//	                its postings [Δid, score, Δid, score, …] (ids ascending)
//	d/<n>.json      stories n*Chunk … n*Chunk+Chunk-1: title, URL, summary,
//	                dates, place and term indexes, for result lists
//	x/<id>.json     one story's questions and body as plain text, fetched only
//	                for the excerpts of the results on screen
//
// Story ids are positions in the site's story order (newest first), so
// sorting by id is sorting by date. Index terms are Fold-ed, Stem-med words;
// a posting's score ranks where the word appears: title above summary and
// questions, above the other facts (place, partners, outcomes, term titles),
// above the body, whose weight grows with the number of occurrences but
// stays below a single mention in the summary.
//
// Drafts never enter the index. Every string is written with
// encoding/json, which escapes <, > and &, so a hostile title stays data.
package search

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"runtime"
	"sync"
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

// DefaultShardBytes is the size above which a shard is split by the next
// letter of its terms.
const DefaultShardBytes = 24 << 10

// Input is what the index is built from.
type Input struct {
	Taxonomies []Taxonomy
	// Docs are the stories in site order, newest first. Drafts among them
	// are skipped.
	Docs []Doc
	// Chunk and ShardBytes override DefaultChunk and DefaultShardBytes
	// when positive.
	Chunk      int
	ShardBytes int
	// Cache, when set, keeps per-story work between builds; see Cache.
	Cache *Cache
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
	// Terms holds the story's term keys for each of Input.Taxonomies, in
	// the same order.
	Terms [][]string
	Draft bool
	// Key identifies everything above within one process, for Cache; 0
	// means the document is not cached.
	Key uint64
}

// File is one file of the index, its path relative to the search folder.
type File struct {
	Path string
	Data []byte
	Key  uint64
}

// Index is a built index.
type Index struct {
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

// Build builds the index of in. The files are in a fixed order and
// byte-identical for the same input.
func Build(in Input) (*Index, error) {
	chunk, shardBytes := in.Chunk, in.ShardBytes
	if chunk <= 0 {
		chunk = DefaultChunk
	}
	if shardBytes <= 0 {
		shardBytes = DefaultShardBytes
	}
	var docs []Doc
	for _, d := range in.Docs {
		if !d.Draft {
			docs = append(docs, d)
		}
	}
	termIndex, err := indexTerms(in.Taxonomies, docs)
	if err != nil {
		return nil, err
	}
	in.Cache.begin()
	defer in.Cache.end()
	var files []File
	postings, entries := invertCached(docs, in.Cache)
	shards := shardTerms(postings, shardBytes, entries)
	for _, s := range shards {
		files = append(files, File{"t/" + s.file + ".json", s.data, 0})
	}
	for start := 0; start < len(docs); start += chunk {
		data, err := chunkJSON(docs[start:min(len(docs), start+chunk)], termIndex)
		if err != nil {
			return nil, err
		}
		files = append(files, File{fmt.Sprintf("d/%d.json", start/chunk), data, 0})
	}
	for id, d := range docs {
		data, err := in.Cache.excerptOf(d)
		if err != nil {
			return nil, err
		}
		files = append(files, File{fmt.Sprintf("x/%d.json", id), data, 0})
	}
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s %d\n", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	version := hex.EncodeToString(h.Sum(nil))[:12]
	man, err := manifestJSON(version, in.Taxonomies, docs, chunk, shards)
	if err != nil {
		return nil, err
	}
	files = append([]File{{"index.json", man, 0}}, files...)
	return &Index{Files: files, Stories: len(docs), Version: version}, nil
}

// indexTerms maps every taxonomy's term keys to their index, per
// taxonomy, and checks that documents use only known terms.
func indexTerms(taxes []Taxonomy, docs []Doc) ([]map[string]int, error) {
	out := make([]map[string]int, len(taxes))
	for i, tax := range taxes {
		out[i] = map[string]int{}
		for j, t := range tax.Terms {
			out[i][t.Key] = j
		}
	}
	for _, d := range docs {
		if len(d.Terms) > len(taxes) {
			return nil, fmt.Errorf("search: story %q has terms of %d taxonomies, the index knows %d", d.URL, len(d.Terms), len(taxes))
		}
		for i, keys := range d.Terms {
			for _, k := range keys {
				if _, ok := out[i][k]; !ok {
					return nil, fmt.Errorf("search: story %q has unknown %s term %q", d.URL, taxes[i].Name, k)
				}
			}
		}
	}
	return out, nil
}

// docScores returns the score of every index term of d.
func docScores(d Doc) map[string]int {
	scores := make(map[string]int, 400)
	mark := func(text string, weight int, seen map[string]bool) {
		eachTerm(text, func(t string) {
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
	eachTerm(d.Body, func(t string) { body[t]++ })
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
type posting struct{ id, score int }

// invert returns every term's postings, ids ascending. Stories are scored
// in parallel. Without a cache, each worker folds a story's scores into its
// own postings as soon as they are computed, so the per-story score maps
// (the largest part of building an index) never all live at once.
func invert(docs []Doc, cache *Cache) map[string][]posting {
	workers := runtime.GOMAXPROCS(0)
	partial := make([]map[string][]posting, workers)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := range workers {
		partial[w] = map[string][]posting{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := partial[w]
			for i := range next {
				var scores map[string]int
				if cache != nil {
					scores = cache.scoresOf(docs[i])
				} else {
					scores = docScores(docs[i])
				}
				for t, sc := range scores {
					own[t] = append(own[t], posting{i, sc})
				}
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	// Each worker took ids in increasing order; merging keeps them so.
	out := partial[0]
	for _, other := range partial[1:] {
		for t, list := range other {
			out[t] = mergePostings(out[t], list)
		}
	}
	return out
}

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
