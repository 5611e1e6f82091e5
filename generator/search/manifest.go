package search

import (
	"encoding/base64"
	"encoding/json"
	"time"
)

// manifest is index.json.
type manifest struct {
	Version string `json:"v"`
	Stories int    `json:"n"`
	// Chunk is the number of stories in each d/<n>.json.
	Chunk      int           `json:"chunk"`
	Stopwords  []string      `json:"stop"`
	Taxonomies []manifestTax `json:"tax"`
	// Shards maps a shard key to [file name, size in bytes].
	Shards map[string][2]any `json:"shards"`
}

type manifestTax struct {
	Name  string         `json:"name"`
	Title string         `json:"title"`
	Param string         `json:"param"`
	Terms []manifestTerm `json:"terms"`
}

type manifestTerm struct {
	Key   string `json:"k"`
	Title string `json:"t"`
	URL   string `json:"u"`
	Count int    `json:"c"`
	// Bits is the set of story ids carrying the term: bit id%8 of byte
	// id/8, base64.
	Bits string `json:"b"`
}

func manifestJSON(version string, taxes []Taxonomy, docs []Doc, chunk int, shards []shard) ([]byte, error) {
	m := manifest{Version: version, Stories: len(docs), Chunk: chunk, Stopwords: Stopwords, Shards: map[string][2]any{}}
	for _, s := range shards {
		m.Shards[s.key] = [2]any{s.file, len(s.data)}
	}
	for i, tax := range taxes {
		mt := manifestTax{Name: tax.Name, Title: tax.Title, Param: tax.Param}
		for _, term := range tax.Terms {
			bits := make([]byte, (len(docs)+7)/8)
			count := 0
			for id, d := range docs {
				if i < len(d.Terms) && contains(d.Terms[i], term.Key) {
					bits[id/8] |= 1 << (id % 8)
					count++
				}
			}
			mt.Terms = append(mt.Terms, manifestTerm{Key: term.Key, Title: term.Title, URL: term.URL,
				Count: count, Bits: base64.StdEncoding.EncodeToString(bits)})
		}
		m.Taxonomies = append(m.Taxonomies, mt)
	}
	return json.Marshal(m)
}

// chunkDoc is a story in d/<n>.json.
type chunkDoc struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Summary string `json:"s"`
	// Date is for machines (2019-08-30), Shown for people (30 August 2019).
	Date  string `json:"d"`
	Shown string `json:"D"`
	Place string `json:"p,omitempty"`
	// Terms holds, per taxonomy, the indexes of the story's terms in the
	// manifest's term list.
	Terms [][]int `json:"g"`
}

func chunkJSON(docs []Doc, termIndex []map[string]int) ([]byte, error) {
	out := make([]chunkDoc, len(docs))
	for i, d := range docs {
		cd := chunkDoc{Title: d.Title, URL: d.URL, Summary: d.Summary, Date: d.Date.Format(time.DateOnly),
			Shown: d.Date.Format("2 January 2006"), Place: d.Place, Terms: make([][]int, len(termIndex))}
		for t := range termIndex {
			cd.Terms[t] = []int{}
			if t < len(d.Terms) {
				for _, k := range d.Terms[t] {
					cd.Terms[t] = append(cd.Terms[t], termIndex[t][k])
				}
			}
		}
		out[i] = cd
	}
	return json.Marshal(out)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
