package search

import (
	"encoding/base64"
	"encoding/json"
	"math/bits"
	"strconv"
	"time"
)

// termSets holds, for every term of every taxonomy, the set of stories
// carrying it: bit id%8 of byte id/8 of sets[taxonomy][term].
type termSets struct {
	sig  uint64 // of the term keys (see termIndexes)
	n    int    // stories
	sets [][][]byte
}

// update makes s the sets of docs. When s holds those of the same terms
// and as many stories, only the stories changed are looked at again.
func (s *termSets) update(docs []Doc, taxes []Taxonomy, termIndex []map[string]int, sig uint64, changed []int, all bool) {
	if all || s.sig != sig || s.n != len(docs) || s.sets == nil {
		s.sig, s.n = sig, len(docs)
		s.sets = make([][][]byte, len(termIndex))
		for i := range termIndex {
			s.sets[i] = make([][]byte, len(taxes[i].Terms))
			for j := range s.sets[i] {
				s.sets[i][j] = make([]byte, (len(docs)+7)/8)
			}
		}
		for id := range docs {
			s.add(id, &docs[id], termIndex)
		}
		return
	}
	for _, id := range changed {
		for _, tax := range s.sets {
			for _, set := range tax {
				set[id/8] &^= 1 << (id % 8)
			}
		}
		s.add(id, &docs[id], termIndex)
	}
}

func (s *termSets) add(id int, d *Doc, termIndex []map[string]int) {
	for i, keys := range d.Terms {
		for _, k := range keys {
			s.sets[i][termIndex[i][k]][id/8] |= 1 << (id % 8)
		}
	}
}

func setCount(set []byte) int {
	n := 0
	for _, b := range set {
		n += bits.OnesCount8(b)
	}
	return n
}

// manifestJSON returns index.json, written directly rather than through
// encoding/json, which it matches byte for byte (TestManifestJSON holds
// the format as Go types): the shards are already in key order, which is
// the order json.Marshal gives a map.
func manifestJSON(version string, taxes []Taxonomy, termIndex []map[string]int, stories, chunk, group int, shards []cachedShard, sets *termSets, plain bool) []byte {
	n := 4096 + len(shards)
	for _, s := range shards {
		n += len(s.ref)
	}
	for _, tax := range taxes {
		n += len(tax.Terms) * (128 + (stories+2)/3*4)
	}
	b := make([]byte, 0, n)
	b = jsonField(b, `{"v":`, version)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(stories), 10)
	b = append(b, `,"chunk":`...)
	b = strconv.AppendInt(b, int64(chunk), 10)
	b = append(b, `,"xg":`...)
	b = strconv.AppendInt(b, int64(group), 10)
	stop := Stopwords
	if plain {
		b = append(b, `,"plain":true`...)
		stop = nil
	}
	b = append(b, `,"stop":[`...)
	for i, w := range stop {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonString(b, w)
	}
	b = append(b, `],"tax":`...)
	if len(taxes) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, tax := range taxes {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonField(b, `{"name":`, tax.Name)
			b = jsonField(b, `,"title":`, tax.Title)
			b = jsonField(b, `,"param":`, tax.Param)
			b = append(b, `,"terms":`...)
			if len(tax.Terms) == 0 {
				b = append(b, "null"...)
			} else {
				b = append(b, '[')
				for j, term := range tax.Terms {
					if j > 0 {
						b = append(b, ',')
					}
					set := sets.sets[i][termIndex[i][term.Key]]
					b = jsonField(b, `{"k":`, term.Key)
					b = jsonField(b, `,"t":`, term.Title)
					b = jsonField(b, `,"u":`, term.URL)
					b = append(b, `,"c":`...)
					b = strconv.AppendInt(b, int64(setCount(set)), 10)
					b = append(b, `,"b":"`...)
					b = base64.StdEncoding.AppendEncode(b, set)
					b = append(b, `"}`...)
				}
				b = append(b, ']')
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"shards":{`...)
	for i, s := range shards {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, s.ref...)
	}
	return append(b, "}}"...)
}

// jsonField appends key, the JSON before a string value, and s as that
// value.
func jsonField(b []byte, key, s string) []byte { return jsonString(append(b, key...), s) }

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
	// Text is where the story's text lies in the x/ file of its group:
	// [byte offset, byte length].
	Text [2]int `json:"x"`
}

// chunkJSON returns the d/ file of docs, whose texts lie at spans.
func chunkJSON(docs []Doc, spans []span, termIndex []map[string]int) []byte {
	out := make([]chunkDoc, len(docs))
	for i, d := range docs {
		cd := chunkDoc{Title: d.Title, URL: d.URL, Summary: d.Summary, Date: d.Date.Format(time.DateOnly),
			Shown: d.Date.Format("2 January 2006"), Place: d.Place, Terms: make([][]int, len(termIndex)),
			Text: [2]int{spans[i].at, spans[i].n}}
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
	data, err := json.Marshal(out)
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	return data
}
