package search

import (
	"bytes"
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
			got := manifestJSON("0123456789ab", c.taxes, termIndex, len(docs), 10, 100, c.shards, &sets)
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
