package search

import (
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// shardSpec is one t/<file>.json file: the terms sorted[lo:hi] of an
// index, which start with key, or are key itself when own is set.
type shardSpec struct {
	key    string
	own    bool
	lo, hi int
}

// layout splits the sorted terms, whose entries take sizes bytes (each
// with its comma), into shards of about target bytes. It starts from one
// shard holding everything and splits any shard larger than target by the
// next letter of its terms; a term exactly as long as the prefix of a
// split shard stays in a shard of its own named by the prefix. So the
// shard holding a term is the one with the longest key that is a prefix
// of the term, and the terms starting with a prefix q are in that shard
// and in every shard whose key starts with q. Shards come in key order.
//
// Sorted bytewise, the terms starting with a prefix are a run, and so are
// those starting with each longer prefix inside it, so every shard is a
// run of sorted, found by binary search.
//
// The shards are appended to out; room is reused for the sums of sizes.
func layout(out []shardSpec, room *[]int, sorted []string, sizes []int, target int) []shardSpec {
	if cap(*room) < len(sizes)+1 {
		*room = make([]int, len(sizes)+1, len(sizes)+len(sizes)/8+1)
	}
	cum := (*room)[:len(sizes)+1]
	cum[0] = 0
	for i, s := range sizes {
		cum[i+1] = cum[i] + s
	}
	var split func(prefix string, lo, hi int)
	split = func(prefix string, lo, hi int) {
		own := lo < hi && sorted[lo] == prefix
		longer := hi-lo > 1 || (hi-lo == 1 && !own)
		if 2+cum[hi]-cum[lo] <= target || !longer {
			out = append(out, shardSpec{key: prefix, lo: lo, hi: hi})
			return
		}
		if own {
			out = append(out, shardSpec{key: prefix, own: true, lo: lo, hi: lo + 1})
			lo++
		}
		for lo < hi {
			t := sorted[lo]
			_, w := utf8.DecodeRuneInString(t[len(prefix):])
			next := t[:len(prefix)+w]
			end := runEnd(sorted, lo, hi, next)
			split(next, lo, end)
			lo = end
		}
	}
	split("", 0, len(sorted))
	return out
}

// runEnd returns the end of the run of terms starting with prefix that
// starts at sorted[lo], searching sorted[lo:hi] from lo, since runs are
// mostly short.
func runEnd(sorted []string, lo, hi int, prefix string) int {
	in, out := lo, lo+1 // sorted[in] starts with prefix; sorted[out] not, or out == hi
	for step := 1; out < hi && strings.HasPrefix(sorted[out], prefix); step *= 2 {
		in, out = out, min(hi, out+step)
	}
	for out-in > 1 {
		mid := int(uint(in+out) >> 1)
		if strings.HasPrefix(sorted[mid], prefix) {
			in = mid
		} else {
			out = mid
		}
	}
	return out
}

// shardData returns the shard holding the terms sorted[lo:hi], whose
// entries take size bytes with their commas; entry returns each one.
func shardData(lo, hi, size int, entry func(i int, b []byte) []byte) []byte {
	data := make([]byte, 0, size+1)
	data = append(data, '{')
	for i := lo; i < hi; i++ {
		if i > lo {
			data = append(data, ',')
		}
		data = entry(i, data)
	}
	return append(data, '}')
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

// encodeShard returns `{"term":[Δid,score,…]}`, a shard holding the term
// alone.
func encodeShard(term string, list []posting) []byte {
	b := make([]byte, 0, entrySize(term, list)+2)
	b = append(b, '{')
	return append(appendEntry(b, term, list), '}')
}

func appendEntry(b []byte, term string, list []posting) []byte {
	b = jsonString(b, term)
	b = append(b, ':', '[')
	b = appendPostings(b, list, 0, len(list))
	return append(b, ']')
}

// appendPostings appends postings [from, to) of list, each but the first
// of the list after a comma, with its id as the gap from the one before.
func appendPostings(b []byte, list []posting, from, to int) []byte {
	prev := int32(0)
	if from > 0 {
		prev = list[from-1].id
	}
	for k := from; k < to; k++ {
		if k > 0 {
			b = append(b, ',')
		}
		p := list[k]
		b = strconv.AppendInt(b, int64(p.id-prev), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.score), 10)
		prev = p.id
	}
	return b
}

// entrySize returns len(appendEntry(nil, term, list)) without encoding it.
func entrySize(term string, list []posting) int {
	n := len(jsonString(nil, term)) + 3 + max(0, 2*len(list)-1)
	prev := int32(0)
	for _, p := range list {
		n += digits(p.id-prev) + digits(p.score)
		prev = p.id
	}
	return n
}

func digits(v int32) int {
	n := 1
	if v < 0 {
		n, v = 2, -v
	}
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}

// jsonString appends s as encoding/json writes it.
func jsonString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			q, _ := json.Marshal(s) // a string always marshals
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
