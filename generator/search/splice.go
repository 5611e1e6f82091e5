package search

import (
	"bytes"
	"cmp"
	"slices"
)

// This file applies queued posting changes to a term and splices its shard file to match.

// termOp is a change to a term's postings: story id's posting updated,
// inserted or removed.
type termOp struct {
	id, score int32
	op        int8
}

const (
	update = iota
	insert
	remove
)

// apply makes the queued changes to the postings of term t, and splices
// its shard file to match, or encodes it again after many changes.
func (ti *termInfo) apply(t string) {
	splicing := ti.shard != nil && len(ti.ops) <= maxSplices
	head := 1 + len(jsonString(nil, t)) + 2 // {"term":[
	for _, o := range ti.ops {
		list := ti.list
		was := len(list)
		i := searchPostings(list, o.id)
		// Postings [i, oldEnd) of the old list become [i, newEnd) of the
		// new: the one of id, and the next one, whose gap to its
		// predecessor changes when id comes or goes.
		var oldEnd, newEnd int
		switch o.op {
		case update:
			list[i].score = o.score
			oldEnd, newEnd = i+1, i+1
		case insert:
			list = slices.Insert(list, i, posting{o.id, o.score})
			oldEnd, newEnd = min(i+1, was), min(i+2, len(list))
		case remove:
			list = slices.Delete(list, i, i+1)
			oldEnd, newEnd = min(i+2, was), min(i+1, len(list))
		}
		ti.list = list
		if splicing = splicing && len(list) > 0; splicing {
			ti.shard = splice(ti.shard, head, was, i, oldEnd, list, newEnd)
		}
	}
	ti.ops = ti.ops[:0]
	if !splicing {
		ti.shard = nil
		if len(ti.list) > 0 {
			ti.shard = encodeShard(t, ti.list)
		}
	}
}

// searchPostings returns the index of the first posting of list with an
// id of at least id.
func searchPostings(list []posting, id int32) int {
	i, _ := slices.BinarySearchFunc(list, id, func(p posting, id int32) int { return cmp.Compare(p.id, id) })
	return i
}

// splice returns a copy of shard, a shard holding one term's was
// postings after a head of head bytes, with its postings [i, oldEnd)
// replaced by postings [i, newEnd) of list. The bytes of a posting k > 0
// start with the comma before it. The shard itself is left as it is: it
// may have been emitted.
func splice(shard []byte, head, was, i, oldEnd int, list []posting, newEnd int) []byte {
	lo, hi := head, len(shard)-2 // at ]}
	if i == was {
		lo = hi
	} else if i > 0 {
		lo = nthComma(shard, head, 2*i)
	}
	if oldEnd < was {
		if i > 0 {
			hi = nthComma(shard, lo+1, 2*(oldEnd-i))
		} else {
			hi = nthComma(shard, head, 2*oldEnd)
		}
	}
	var buf [64]byte
	mid := appendPostings(buf[:0], list, i, newEnd)
	out := make([]byte, 0, lo+len(mid)+len(shard)-hi)
	return append(append(append(out, shard[:lo]...), mid...), shard[hi:]...)
}

// nthComma returns the index of the n-th comma (n ≥ 1) of b from index
// from on, counting commas a block at a time.
func nthComma(b []byte, from, n int) int {
	const block = 256
	i := from
	for len(b)-i > block {
		c := bytes.Count(b[i:i+block], comma)
		if c >= n {
			break
		}
		n -= c
		i += block
	}
	for {
		j := bytes.IndexByte(b[i:], ',')
		if j < 0 {
			panic("search: corrupt cached entry")
		}
		i += j
		if n--; n == 0 {
			return i
		}
		i++
	}
}

var comma = []byte{','}
