package search_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/search"
)

var taxonomies = []search.Taxonomy{
	{Name: "principles", Title: "Principles", Param: "principle", Terms: []search.Term{
		{Key: "inquiry", Title: "Inquiry", URL: "/principles/inquiry/"},
		{Key: "systems", Title: "Systems", URL: "/principles/systems/"},
	}},
	{Name: "sectors", Title: "Sectors", Param: "sector", Terms: []search.Term{
		{Key: "nhs", Title: "NHS", URL: "/sectors/nhs/"},
	}},
}

func doc(title, summary, body string, principles ...string) search.Doc {
	return search.Doc{Title: title, URL: "/stories/" + search.Fold(strings.Fields(title)[0]) + "/", Summary: summary,
		Body: body, Date: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), Terms: [][]string{principles, {}}}
}

// manifest is the part of index.json the tests read.
type manifest struct {
	N      int               `json:"n"`
	Shards map[string][2]any `json:"shards"`
	Tax    []json.RawMessage `json:"tax"`
	Stop   []string          `json:"stop"`
}

type index struct {
	files map[string][]byte
	man   manifest
}

func build(t *testing.T, in search.Input) *index {
	t.Helper()
	in.Taxonomies = taxonomies
	ix, err := search.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	out := &index{files: map[string][]byte{}}
	for _, f := range ix.Files {
		if _, dup := out.files[f.Path]; dup {
			t.Fatalf("file %s written twice", f.Path)
		}
		if strings.HasSuffix(f.Path, ".json") && !json.Valid(f.Data) {
			t.Fatalf("%s is not valid JSON: %s", f.Path, f.Data)
		} else if !strings.HasSuffix(f.Path, ".json") && !strings.HasPrefix(f.Path, "x/") {
			t.Fatalf("unexpected file %s", f.Path)
		}
		out.files[f.Path] = f.Data
	}
	if err := json.Unmarshal(out.files["index.json"], &out.man); err != nil {
		t.Fatal(err)
	}
	return out
}

// shardOf returns the key of the shard holding term, as search.js finds
// it: the longest shard key that is a prefix of the term.
func (ix *index) shardOf(term string) string {
	best := ""
	found := false
	for key := range ix.man.Shards {
		if strings.HasPrefix(term, key) && (!found || len(key) > len(best)) {
			best, found = key, true
		}
	}
	return best
}

// lookup returns the postings of term as id → score.
func (ix *index) lookup(t *testing.T, term string) map[int]int {
	t.Helper()
	ref := ix.man.Shards[ix.shardOf(term)]
	var shard map[string][]int
	if err := json.Unmarshal(ix.files["t/"+ref[0].(string)+".json"], &shard); err != nil {
		t.Fatal(err)
	}
	out := map[int]int{}
	id := 0
	list := shard[term]
	for i := 0; i+1 < len(list); i += 2 {
		id += list[i]
		out[id] = list[i+1]
	}
	return out
}

func TestRanking(t *testing.T) {
	questions := doc("Questions only", "Nothing.", "Text.")
	questions.Questions = []string{"What makes a good summer?"}
	ix := build(t, search.Input{Docs: []search.Doc{
		doc("Body only", "Nothing here.", strings.Repeat("Summer again. ", 40)),
		doc("Summary only", "A summer story.", "Text."),
		doc("Summer in the title", "Nothing.", "Text."),
		questions,
		doc("Unrelated", "Nothing.", "Winter."),
	}})
	got := ix.lookup(t, "summer")
	if len(got) != 4 {
		t.Fatalf("summer postings = %v, want stories 0 to 3", got)
	}
	if !(got[2] > got[1] && got[1] > got[0]) {
		t.Errorf("scores title %d, summary %d, body %d: want title > summary > body", got[2], got[1], got[0])
	}
	if got[3] != got[1] {
		t.Errorf("questions score %d, summary %d: want them equal", got[3], got[1])
	}
}

func TestInflectionsAndAccents(t *testing.T) {
	ix := build(t, search.Input{Docs: []search.Doc{
		doc("Carers guidance", "Carers travelled from Dùn Èideann.", "Supporting families in the city."),
	}})
	for _, query := range []string{"family", "families", "support", "supports", "dun", "Èideann", "eideann", "carer"} {
		t.Run(query, func(t *testing.T) {
			terms := search.Terms(query)
			if len(terms) != 1 {
				t.Fatalf("Terms(%q) = %q", query, terms)
			}
			if got := ix.lookup(t, terms[0]); len(got) != 1 {
				t.Errorf("%q (term %q) finds %v, want story 0", query, terms[0], got)
			}
		})
	}
}

func TestDraftsExcluded(t *testing.T) {
	draft := doc("Secretplan draft", "Unpublished zanzibar work.", "Confidential.", "inquiry")
	draft.Draft = true
	ix := build(t, search.Input{Docs: []search.Doc{doc("Public story", "Shared.", "Open.", "inquiry"), draft}})
	if ix.man.N != 1 {
		t.Errorf("manifest counts %d stories, want 1", ix.man.N)
	}
	for path, data := range ix.files {
		for _, word := range []string{"secretplan", "Secretplan", "zanzibar", "onfidential"} {
			if bytes.Contains(data, []byte(word)) {
				t.Errorf("%s contains %q from a draft", path, word)
			}
		}
	}
	if got := string(ix.files["x/0.txt"]); got != "Open." {
		t.Errorf("the texts are %q, want only the public story's", got)
	}
}

func TestHostileTitleEscaped(t *testing.T) {
	hostile := `</script><script>alert(1)</script>`
	ix := build(t, search.Input{Docs: []search.Doc{
		doc(hostile+" & more", `"quoted" <b>summary</b>`, `<img src=x onerror=alert(2)>`),
	}})
	// The texts are plain text, kept as they are: the script only ever
	// puts them into the page as text.
	if got := string(ix.files["x/0.txt"]); got != `<img src=x onerror=alert(2)>` {
		t.Errorf("x/0.txt is %q, want the body as it is", got)
	}
	for path, data := range ix.files {
		if strings.HasPrefix(path, "x/") {
			continue
		}
		for _, raw := range []string{"<script", "</script", "<b>", "<img"} {
			if bytes.Contains(data, []byte(raw)) {
				t.Errorf("%s contains raw %q: %s", path, raw, data)
			}
		}
	}
	var chunk []struct {
		T string `json:"t"`
	}
	if err := json.Unmarshal(ix.files["d/0.json"], &chunk); err != nil {
		t.Fatal(err)
	}
	if len(chunk) != 1 || chunk[0].T != hostile+" & more" {
		t.Errorf("title decodes to %q, want it unchanged", chunk)
	}
}

func TestSharding(t *testing.T) {
	var docs []search.Doc
	words := strings.Fields("summer support family inquiry systems emergent relation practice story council police school health housing poverty justice sector theme")
	for i := range 200 {
		body := fmt.Sprintf("%s %s %s word%d unique%dthing", words[i%len(words)], words[(i*7)%len(words)], words[(i*3)%len(words)], i, i)
		docs = append(docs, doc(fmt.Sprintf("Story %d", i), "A "+words[i%len(words)]+" story.", body))
	}
	in := search.Input{Docs: docs, ShardBytes: 2000, Chunk: 7}
	ix := build(t, in)
	t.Run("split into many small shards", func(t *testing.T) {
		if len(ix.man.Shards) < 10 {
			t.Fatalf("%d shards, want many at 2000 bytes each", len(ix.man.Shards))
		}
		for key, ref := range ix.man.Shards {
			data := ix.files["t/"+ref[0].(string)+".json"]
			if int(ref[1].(float64)) != len(data) {
				t.Errorf("shard %q: manifest says %v bytes, file has %d", key, ref[1], len(data))
			}
			var shard map[string][]int
			if err := json.Unmarshal(data, &shard); err != nil {
				t.Fatal(err)
			}
			if len(data) > 2000 && len(shard) > 1 {
				t.Errorf("shard %q is %d bytes with %d terms; it should have been split", key, len(data), len(shard))
			}
			for term := range shard {
				if ix.shardOf(term) != key {
					t.Errorf("term %q is in shard %q, the client looks in %q", term, key, ix.shardOf(term))
				}
			}
		}
	})
	t.Run("every word is found", func(t *testing.T) {
		for _, w := range []string{"summer", "unique17thing", "word199", "story"} {
			term := search.Terms(w)[0]
			if got := ix.lookup(t, term); len(got) == 0 {
				t.Errorf("%q not found", w)
			}
		}
		if got := ix.lookup(t, "story"); len(got) != 200 {
			t.Errorf("story is in %d stories, want 200", len(got))
		}
	})
	t.Run("chunks", func(t *testing.T) {
		for i := range 29 {
			if _, ok := ix.files[fmt.Sprintf("d/%d.json", i)]; !ok {
				t.Errorf("d/%d.json missing", i)
			}
		}
		if _, ok := ix.files["d/29.json"]; ok {
			t.Error("d/29.json written for 200 stories in chunks of 7")
		}
	})
	t.Run("deterministic", func(t *testing.T) {
		again := build(t, in)
		if len(again.files) != len(ix.files) {
			t.Fatalf("second build has %d files, first %d", len(again.files), len(ix.files))
		}
		for p, data := range ix.files {
			if !bytes.Equal(again.files[p], data) {
				t.Errorf("%s differs between two builds", p)
			}
		}
	})
}

func TestTermSets(t *testing.T) {
	ix := build(t, search.Input{Docs: []search.Doc{
		doc("One", "s", "b", "inquiry"),
		doc("Two", "s", "b", "systems"),
		doc("Three", "s", "b", "inquiry", "systems"),
	}})
	var tax struct {
		Param string `json:"param"`
		Terms []struct {
			K string `json:"k"`
			C int    `json:"c"`
			B string `json:"b"`
		} `json:"terms"`
	}
	if err := json.Unmarshal(ix.man.Tax[0], &tax); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		count int
		bits  byte
	}{"inquiry": {2, 0b101}, "systems": {2, 0b110}}
	for _, term := range tax.Terms {
		bits, err := base64.StdEncoding.DecodeString(term.B)
		if err != nil {
			t.Fatal(err)
		}
		if w := want[term.K]; term.C != w.count || len(bits) != 1 || bits[0] != w.bits {
			t.Errorf("%s: count %d bits %08b, want %d %08b", term.K, term.C, bits, w.count, w.bits)
		}
	}
	if tax.Param != "principle" {
		t.Errorf("param %q", tax.Param)
	}
}

func TestUnknownTerm(t *testing.T) {
	_, err := search.Build(search.Input{Taxonomies: taxonomies, Docs: []search.Doc{doc("One", "s", "b", "nonsense")}})
	if err == nil || !strings.Contains(err.Error(), `unknown principles term "nonsense"`) {
		t.Errorf("err = %v, want an unknown term error", err)
	}
}
