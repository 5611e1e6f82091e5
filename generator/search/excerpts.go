package search

import (
	"crypto/sha256"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// This file writes the excerpt files (x/) and the helpers that write numbered files in order.

// span is where a story's text lies in the x/ file of its group: at
// byte at, n bytes long.
type span struct{ at, n int }

// excerptSpans returns the span of every story's text in its x/ file,
// groups of group stories.
func excerptSpans(docs []Doc, group int) []span {
	out := make([]span, len(docs))
	at := 0
	for id := range docs {
		if id%group == 0 {
			at = 0
		}
		out[id] = span{at, excerptLen(&docs[id])}
		at += out[id].n
	}
	return out
}

// excerptLen returns the length of d's text, appendExcerpt's.
func excerptLen(d *Doc) int {
	n := len(d.Body)
	for _, q := range d.Questions {
		n += len(q) + 1
	}
	return n
}

// appendExcerpt appends d's text, what a result's excerpt is cut from:
// its questions and body, joined by spaces.
func appendExcerpt(buf []byte, d *Doc) []byte {
	for _, q := range d.Questions {
		buf = append(append(buf, q...), ' ')
	}
	return append(buf, d.Body...)
}

// excerptFiles emits the x/ files of a cached index, the texts of the
// stories of each group one after the other (oneShot emits those of an
// index without a cache). A cached index keeps them and, after a patch,
// makes again only the groups holding a changed story, from the stories'
// Docs.
func (b *builder) excerptFiles(ix *invertedIndex) error {
	g := b.group
	n := (len(b.docs) + g - 1) / g
	reuse := !ix.all && ix.groupSize == g && len(ix.groups) == n
	files := ix.groups
	if !reuse {
		files = make([]cachedFile, n)
	} else {
		for _, id := range ix.changed {
			files[id/g] = cachedFile{}
		}
	}
	made := func(i int) {
		if files[i].data == nil {
			lo, hi := i*g, min(len(b.docs), (i+1)*g)
			last := b.spans[hi-1]
			data := make([]byte, 0, last.at+last.n)
			for id := lo; id < hi; id++ {
				data = appendExcerpt(data, &b.docs[id])
			}
			files[i] = cachedFile{data, sha256.Sum256(data)}
		}
	}
	b.xLines = make([]fileLine, n)
	// A group is large: make few at a time.
	err := ordered(n, runtime.GOMAXPROCS(0), !reuse, made, func(i int) error {
		b.xLines[i] = fileLine{len(files[i].data), files[i].digest}
		err := b.emit(File{Path: path(b.xPaths, "x/", ".txt", i), Data: files[i].data, Key: fileKey(files[i].digest)})
		if !ix.keep {
			files[i] = cachedFile{}
		}
		return err
	})
	if ix.keep {
		ix.groups, ix.groupSize = files, g
	}
	return err
}

// numberedPath returns prefix + n + ext.
func numberedPath(prefix, ext string, n int) string {
	return prefix + strconv.Itoa(n) + ext
}

// ordered calls made(i) and then use(i) for every i in [0, n), use in
// order from the calling goroutine, and stops at the first error from use.
// When parallel, made runs on all cores batch items at a time, the next
// batch while use takes the last; made(i) must then write nothing but
// what use(i) reads.
func ordered(n, batch int, parallel bool, made func(int), use func(int) error) error {
	workers := runtime.GOMAXPROCS(0)
	if !parallel || n < 2 || workers < 2 {
		for i := range n {
			made(i)
			if err := use(i); err != nil {
				return err
			}
		}
		return nil
	}
	batch = max(batch, 1)
	start := func(lo int) func() {
		hi := min(lo+batch, n)
		var next atomic.Int64
		next.Store(int64(lo))
		var wg sync.WaitGroup
		for range min(workers, hi-lo) {
			wg.Go(func() {
				for i := int(next.Add(1)) - 1; i < hi; i = int(next.Add(1)) - 1 {
					made(i)
				}
			})
		}
		return wg.Wait
	}
	wait := start(0)
	for lo := 0; lo < n; lo += batch {
		wait()
		wait = func() {}
		if lo+batch < n {
			wait = start(lo + batch)
		}
		for i := lo; i < min(lo+batch, n); i++ {
			if err := use(i); err != nil {
				wait()
				return err
			}
		}
	}
	return nil
}

// parallel calls fn(i) for every i in [0, n) on all cores.
func parallel(n int, fn func(i int)) {
	const step = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+step-1)/step) {
		wg.Go(func() {
			for lo := int(next.Add(step)) - step; lo < n; lo = int(next.Add(step)) - step {
				for i := lo; i < min(lo+step, n); i++ {
					fn(i)
				}
			}
		})
	}
	wg.Wait()
}
