package search

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"testing"
)

// TestManifestJSON checks that the manifest written by hand is what
// encoding/json writes for it.
func TestManifestJSON(t *testing.T) {
	taxes := []Taxonomy{
		{Name: "principles", Title: "Principles & <values>", Param: "principle", Terms: []Term{
			{Key: "inquiry", Title: "Inquiry", URL: "/principles/inquiry/"},
			{Key: "systems", Title: "Systèmes \u2028 \"quoted\"", URL: "/principles/systems/?a=1&b=2"},
			{Key: "inquiry", Title: "Again", URL: "/x/"},
		}},
		{Name: "empty", Title: "Empty", Param: "empty"},
	}
	termIndex, sig := termIndexes(taxes)
	docs := []Doc{
		{Terms: [][]string{{"inquiry"}}},
		{Terms: [][]string{{"systems", "inquiry"}, {}}},
		{},
	}
	var sets termSets
	sets.update(docs, taxes, termIndex, sig, nil, true)
	// In key order, as layout gives them.
	var shards []cachedShard
	for _, s := range []struct {
		key, file string
		size      int
	}{{"", "_", 2}, {"ab", "ab", 300}, {"z<", "_7a3c", 1}, {"é", "_c3a9", 12345}} {
		shards = append(shards, cachedShard{key: s.key, path: "t/" + s.file + ".json", size: s.size, ref: shardRef(s.key, s.file, s.size)})
	}
	for _, c := range []struct {
		name   string
		taxes  []Taxonomy
		shards []cachedShard
	}{
		{"all", taxes, shards},
		{"no taxonomies", nil, shards},
		{"no shards", taxes, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := manifestJSON("0123456789ab", c.taxes, termIndex, len(docs), 10, 100, c.shards, &sets, false)
			want, err := json.Marshal(manifestOf("0123456789ab", c.taxes, termIndex, len(docs), 10, 100, c.shards, &sets))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("manifestJSON:\n%s\njson.Marshal:\n%s", got, want)
			}
		})
	}
}

// manifest is index.json.
type manifest struct {
	Version string `json:"v"`
	Stories int    `json:"n"`
	// Chunk is the number of stories in each d/<n>.json.
	Chunk int `json:"chunk"`
	// Group is the number of stories whose texts are in each x/<g>.txt.
	Group      int           `json:"xg"`
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

// manifestOf returns the manifest of an index.
func manifestOf(version string, taxes []Taxonomy, termIndex []map[string]int, stories, chunk, group int, shards []cachedShard, sets *termSets) manifest {
	m := manifest{Version: version, Stories: stories, Chunk: chunk, Group: group, Stopwords: Stopwords, Shards: make(map[string][2]any, len(shards))}
	for _, s := range shards {
		m.Shards[s.key] = [2]any{s.path[len("t/") : len(s.path)-len(".json")], s.size}
	}
	for i, tax := range taxes {
		mt := manifestTax{Name: tax.Name, Title: tax.Title, Param: tax.Param}
		for _, term := range tax.Terms {
			set := sets.sets[i][termIndex[i][term.Key]]
			mt.Terms = append(mt.Terms, manifestTerm{Key: term.Key, Title: term.Title, URL: term.URL,
				Count: setCount(set), Bits: base64.StdEncoding.EncodeToString(set)})
		}
		m.Taxonomies = append(m.Taxonomies, mt)
	}
	return m
}
