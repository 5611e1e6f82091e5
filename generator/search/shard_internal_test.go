package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceLayout is the first way shards were made, grouping terms in
// maps, kept to check layout against.
func referenceLayout(terms []string, size map[string]int, target int) []shardSpec {
	var out []shardSpec
	var split func(prefix string, n int, terms []string)
	split = func(prefix string, n int, terms []string) {
		total, longer := 2, false
		for _, t := range terms {
			total += size[t]
			longer = longer || utf8.RuneCountInString(t) > n
		}
		if total <= target || !longer {
			out = append(out, shardSpec{key: prefix, lo: len(terms)})
			return
		}
		var own []string
		groups := map[string][]string{}
		var order []string
		for _, t := range terms {
			if utf8.RuneCountInString(t) == n {
				own = append(own, t)
				continue
			}
			_, w := utf8.DecodeRuneInString(t[len(prefix):])
			next := t[:len(prefix)+w]
			if _, ok := groups[next]; !ok {
				order = append(order, next)
			}
			groups[next] = append(groups[next], t)
		}
		if len(own) > 0 {
			out = append(out, shardSpec{key: prefix, own: true, lo: len(own)})
		}
		for _, next := range order {
			split(next, n+1, groups[next])
		}
	}
	split("", 0, terms)
	return out
}

// TestLayout checks layout against referenceLayout on random terms, some
// of them prefixes of others, some not ASCII, and that shards come in key
// order, as the manifest and the reuse of shards need.
func TestLayout(t *testing.T) {
	letters := []string{"a", "b", "c", "é", "ê", "z", "ß", "日", "0"}
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 3))
		seen := map[string]bool{}
		var terms []string
		for range 1 + rng.IntN(400) {
			var b strings.Builder
			for range 1 + rng.IntN(6) {
				b.WriteString(letters[rng.IntN(len(letters))])
			}
			if t := b.String(); !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
		sort.Strings(terms)
		size := map[string]int{}
		sizes := make([]int, len(terms))
		for i, t := range terms {
			sizes[i] = 5 + rng.IntN(200)
			if rng.IntN(20) == 0 {
				sizes[i] = 3000
			}
			size[t] = sizes[i]
		}
		target := 100 + rng.IntN(2000)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			var room []int
			got := layout(nil, &room, terms, sizes, target)
			want := referenceLayout(terms, size, target)
			if len(got) != len(want) {
				t.Fatalf("%d shards, want %d", len(got), len(want))
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.key != w.key || g.own != w.own || g.hi-g.lo != w.lo {
					t.Errorf("shard %d: %q own %v with %d terms, want %q own %v with %d", i, g.key, g.own, g.hi-g.lo, w.key, w.own, w.lo)
				}
				if i > 0 && got[i-1].key >= g.key {
					t.Errorf("shard %q after %q", g.key, got[i-1].key)
				}
			}
			if covered := slices.Collect(func(yield func(int) bool) {
				for _, s := range got {
					for k := s.lo; k < s.hi; k++ {
						yield(k)
					}
				}
			}); len(covered) != len(terms) || (len(covered) > 0 && (covered[0] != 0 || !slices.IsSorted(covered))) {
				t.Errorf("the shards do not hold every term once, in order")
			}
		})
	}
}

// TestSplice checks that a term's shard after a few changes of each kind,
// spliced, or encoded again after many, is the shard encoded anew, and
// that the shard it was spliced from is left as it was.
func TestSplice(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for round := range 500 {
		term := []string{"summer", "é", "a1"}[round%3]
		var model []posting
		for id := int32(0); id < 60; id++ {
			if rng.IntN(3) == 0 {
				model = append(model, posting{id * 7, int32(1 + rng.IntN(120))})
			}
		}
		ti := &termInfo{list: slices.Clone(model), shard: encodeShard(term, model)}
		before := string(ti.shard)
		shard := ti.shard
		for range 1 + rng.IntN(maxSplices+3) {
			switch op := rng.IntN(3); {
			case op == 0 || len(model) == 0:
				id := int32(rng.IntN(60*7 + 10))
				i := searchPostings(model, id)
				if i < len(model) && model[i].id == id {
					continue
				}
				p := posting{id, int32(1 + rng.IntN(120))}
				model = slices.Insert(model, i, p)
				ti.ops = append(ti.ops, termOp{p.id, p.score, insert})
			case op == 1:
				i := rng.IntN(len(model))
				model[i].score = model[i].score%120 + 1
				ti.ops = append(ti.ops, termOp{model[i].id, model[i].score, update})
			default:
				i := rng.IntN(len(model))
				ti.ops = append(ti.ops, termOp{model[i].id, 0, remove})
				model = slices.Delete(model, i, i+1)
			}
		}
		ti.apply(term)
		if string(shard) != before {
			t.Fatalf("round %d: the old shard was changed", round)
		}
		if !slices.Equal(ti.list, model) {
			t.Fatalf("round %d: postings %v, want %v", round, ti.list, model)
		}
		if len(model) == 0 {
			if ti.shard != nil {
				t.Errorf("round %d: a term without postings keeps a shard", round)
			}
			continue
		}
		if want := encodeShard(term, model); string(ti.shard) != string(want) {
			t.Fatalf("round %d: spliced\n%s\nwant\n%s", round, ti.shard, want)
		}
	}
}
