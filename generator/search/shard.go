package search

import (
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"unicode/utf8"
)

// shard is one t/<file>.json file: the terms that start with key.
type shard struct {
	key, file string
	data      []byte
}

// shardTerms splits the terms into shards of about target bytes. It starts
// from one shard holding everything and splits any shard larger than
// target by the next letter of its terms; a term exactly as long as the
// prefix of a split shard stays in a shard of its own named by the prefix.
// So the shard holding a term is the one with the longest key that is a
// prefix of the term, and the terms starting with a prefix q are in that
// shard and in every shard whose key starts with q.
// entries holds already encoded terms (see invertedIndex) and receives
// the ones encoded here.
func shardTerms(postings map[string][]posting, target int, entries map[string][]byte) []shard {
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		if _, ok := entries[t]; !ok {
			entries[t] = encodeEntry(t, postings[t])
		}
	}
	var out []shard
	var split func(prefix string, n int, terms []string)
	split = func(prefix string, n int, terms []string) {
		size, longer := 2, false
		for _, t := range terms {
			size += len(entries[t]) + 1
			longer = longer || utf8.RuneCountInString(t) > n
		}
		if size <= target || !longer {
			out = append(out, makeShard(prefix, terms, entries))
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
			out = append(out, makeShard(prefix, own, entries))
		}
		for _, next := range order {
			split(next, n+1, groups[next])
		}
	}
	split("", 0, terms)
	return out
}

func makeShard(key string, terms []string, entries map[string][]byte) shard {
	data := []byte{'{'}
	for i, t := range terms {
		if i > 0 {
			data = append(data, ',')
		}
		data = append(data, entries[t]...)
	}
	return shard{key: key, file: shardFile(key), data: append(data, '}')}
}

// shardFile names the file of the shard with key: the key itself when it
// is plain ASCII letters and digits, otherwise "_" and the key's UTF-8
// bytes in hex ("_" alone for the empty key).
func shardFile(key string) string {
	for _, c := range []byte(key) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return "_" + hex.EncodeToString([]byte(key))
		}
	}
	if key == "" {
		return "_"
	}
	return key
}

// encodeEntry writes `"term":[Δid,score,…]`.
func encodeEntry(term string, list []posting) []byte {
	key, _ := json.Marshal(term) // a string always marshals
	b := append(key, ':', '[')
	prev := 0
	for i, p := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(p.id-prev), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.score), 10)
		prev = p.id
	}
	return append(b, ']')
}
