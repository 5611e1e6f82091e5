package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"slices"
	"strconv"
	"strings"
)

// builder is one run of Stream.
type builder struct {
	in                Input
	emit              func(File) error
	c                 *Cache
	chunk, shardBytes int
	group             int
	docs              []Doc
	termIndex         []map[string]int
	sig               uint64
	// version hashes a line per file: its path, size and SHA-256.
	version hash.Hash
	line    []byte
	shards  []cachedShard
	// spans locate each story's text in its x/ file.
	spans []span
	// xLines are the size and digest of every x/ file, emitted before
	// the other files but counted in the version after them.
	xLines []fileLine
	// xPaths and dPaths are the paths of x/ and d/ files by number, the
	// cache's when there is one.
	xPaths, dPaths *[]string
}

func newBuilder(in Input, emit func(File) error) *builder {
	b := &builder{in: in, emit: emit, c: in.Cache, chunk: in.Chunk, shardBytes: in.ShardBytes, group: in.Group, version: sha256.New()}
	if b.chunk <= 0 {
		b.chunk = DefaultChunk
	}
	if b.group <= 0 {
		b.group = DefaultGroup
	}
	if b.shardBytes <= 0 {
		b.shardBytes = DefaultShardBytes
	}
	if b.c != nil {
		b.xPaths, b.dPaths = &b.c.xPaths, &b.c.dPaths
	} else {
		b.xPaths, b.dPaths = new([]string), new([]string)
	}
	b.docs = in.Docs
	for i := range in.Docs {
		if in.Docs[i].Draft {
			b.docs = nil
			for _, d := range in.Docs {
				if !d.Draft {
					b.docs = append(b.docs, d)
				}
			}
			break
		}
	}
	if b.c != nil {
		// A cache keeps Docs' texts: take them out of their HTML now.
		copied := false
		for i := range b.docs {
			if d := &b.docs[i]; d.Body == "" && d.HTML != "" {
				if !copied {
					b.docs, copied = slices.Clone(b.docs), true
				}
				b.docs[i].Body, b.docs[i].HTML = PlainText(b.docs[i].HTML), ""
			}
		}
	}
	return b
}

func (b *builder) run() (*Index, error) {
	c, docs := b.c, b.docs
	b.termIndex, b.sig = termIndexes(b.in.Taxonomies)
	var ix *invertedIndex
	var changed []int
	patched := false
	if c != nil {
		c.gen++
		ix, c.inverted = c.inverted, nil // back once the build succeeds
		changed, patched = ix.patchable(docs)
	}
	check := changed
	if !patched || ix.sig != b.sig {
		check = nil
		for id := range docs {
			check = append(check, id)
		}
	}
	for _, id := range check {
		if err := checkTerms(b.in.Taxonomies, b.termIndex, &docs[id]); err != nil {
			if c != nil {
				c.inverted = ix // untouched
			}
			return nil, err
		}
	}
	// The x/ files come first: without a cache, each as soon as its
	// stories are indexed (see oneshot.go).
	switch {
	case patched:
		ix.patch(docs, changed, c)
	case c == nil:
		var err error
		if ix, err = b.oneShot(); err != nil {
			return nil, err
		}
	default:
		ix = newIndex(docs, c)
	}
	if c != nil {
		b.spans = excerptSpans(docs, b.group)
		if err := b.excerptFiles(ix); err != nil {
			return nil, err
		}
	}
	ix.sets.update(docs, b.in.Taxonomies, b.termIndex, b.sig, ix.changed, ix.all)
	if err := b.shardFiles(ix); err != nil {
		return nil, err
	}
	if err := b.chunkFiles(ix); err != nil {
		return nil, err
	}
	// In the version, the x/ files follow the others.
	b.section("x", len(b.xLines))
	for _, l := range b.xLines {
		b.versionLine(l)
	}
	version := hex.EncodeToString(b.version.Sum(nil))[:12]
	man := manifestJSON(version, b.in.Taxonomies, b.termIndex, len(docs), b.chunk, b.group, b.shards, &ix.sets, b.in.Plain)
	if err := b.emit(File{Path: "index.json", Data: man, Key: fileKey(sha256.Sum256(man))}); err != nil {
		return nil, err
	}
	if c != nil {
		ix.sig = b.sig
		c.inverted = ix
		c.prune()
	}
	return &Index{Stories: len(docs), Version: version}, nil
}

// file emits the numbered file path, whose SHA-256 is digest, and adds
// its size and digest to the version (see section).
func (b *builder) file(path string, data []byte, digest *[32]byte) error {
	b.versionLine(fileLine{len(data), *digest})
	return b.emit(File{Path: path, Data: data, Key: fileKey(*digest)})
}

// fileLine is what the version holds of a numbered file.
type fileLine struct {
	size   int
	digest [32]byte
}

func (b *builder) versionLine(l fileLine) {
	b.line = binary.LittleEndian.AppendUint64(b.line[:0], uint64(l.size))
	b.line = append(b.line, l.digest[:]...)
	b.version.Write(b.line)
}

// section starts the numbered files of one kind in the version.
func (b *builder) section(kind string, n int) {
	b.line = append(b.line[:0], '\n')
	b.line = append(b.line, kind...)
	b.line = append(b.line, ' ')
	b.line = strconv.AppendInt(b.line, int64(n), 10)
	b.line = append(b.line, '\n')
	b.version.Write(b.line)
}

// fileKey is File.Key of a file with SHA-256 digest.
func fileKey(digest [32]byte) uint64 { return binary.LittleEndian.Uint64(digest[:8]) | 1 }

// shardFiles emits the t/ files. A cached index keeps them and, after a
// patch, encodes again only the shards holding a touched term.
func (b *builder) shardFiles(ix *invertedIndex) error {
	ix.specs = layout(ix.specs[:0], &ix.cum, ix.sorted, ix.sizes, b.shardBytes)
	specs, old := ix.specs, ix.shards
	// The shards of this build go where those of the one before the
	// last were.
	shards := ix.spare
	if cap(shards) < len(specs) {
		shards = make([]cachedShard, len(specs), len(specs)+len(specs)/4)
	}
	shards = shards[:len(specs)]
	dirty := 0
	touched := ix.touched
	for i, s := range specs {
		// Shards, old and new, and touched terms are all in key order.
		for len(old) > 0 && old[0].key < s.key {
			old = old[1:]
		}
		for len(touched) > 0 && touched[0] < s.key {
			touched = touched[1:]
		}
		hit := len(touched) > 0 && (touched[0] == s.key || !s.own && strings.HasPrefix(touched[0], s.key))
		if !ix.all && len(old) > 0 && old[0].key == s.key && old[0].own == s.own && !hit {
			shards[i] = old[0]
		} else {
			shards[i] = cachedShard{key: s.key, own: s.own}
			dirty++
		}
	}
	made := func(i int) {
		sh, s := &shards[i], specs[i]
		if sh.data != nil {
			return
		}
		size := 0
		for k := s.lo; k < s.hi; k++ {
			size += ix.sizes[k]
		}
		if ix.keep && s.hi-s.lo == 1 {
			sh.data = ix.infos[s.lo].shard // the term's own
		} else {
			sh.data = shardData(s.lo, s.hi, size, func(k int, buf []byte) []byte {
				if ix.keep {
					return append(buf, ix.infos[k].entry()...)
				}
				return appendEntry(buf, ix.sorted[k], ix.infos[k].list)
			})
		}
		sh.digest = sha256.Sum256(sh.data)
		sh.size = len(sh.data)
		file := shardFile(s.key)
		sh.path = "t/" + file + ".json"
		sh.ref = shardRef(s.key, file, sh.size)
	}
	err := ordered(len(specs), 64, dirty > 8, made, func(i int) error {
		sh := &shards[i]
		// In the version, a shard is its manifest entry and digest.
		b.version.Write(sh.ref)
		b.version.Write(sh.digest[:])
		err := b.emit(File{Path: sh.path, Data: sh.data, Key: fileKey(sh.digest)})
		if !ix.keep {
			sh.data = nil
		}
		return err
	})
	b.shards = shards
	if ix.keep {
		clear(ix.shards)
		ix.spare, ix.shards = ix.shards, shards
	} else {
		// Without a cache, the postings are no longer needed.
		ix.sorted, ix.infos, ix.sizes = nil, nil, nil
	}
	return err
}

// shardRef returns a shard's entry in the manifest.
func shardRef(key, file string, size int) []byte {
	b := jsonString(nil, key)
	b = append(b, ':', '[')
	b = jsonString(b, file)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(size), 10)
	return append(b, ']')
}

// chunkFiles emits the d/ files, reusing those of a patched index that
// hold no changed story and no story whose text moved in its x/ file.
func (b *builder) chunkFiles(ix *invertedIndex) error {
	n := (len(b.docs) + b.chunk - 1) / b.chunk
	reuse := !ix.all && ix.chunkSize == b.chunk && ix.sig == b.sig && len(ix.chunks) == n && len(ix.spans) == len(b.spans)
	files := ix.chunks
	if !reuse {
		files = make([]cachedFile, n)
	} else {
		for _, id := range ix.changed {
			files[id/b.chunk] = cachedFile{}
		}
		// A text that grew or shrank moves the texts after it in its
		// group: the chunks of those stories change too.
		for id, s := range b.spans {
			if s != ix.spans[id] {
				files[id/b.chunk] = cachedFile{}
			}
		}
	}
	made := func(i int) {
		if files[i].data == nil {
			lo, hi := i*b.chunk, min(len(b.docs), (i+1)*b.chunk)
			data := chunkJSON(b.docs[lo:hi], b.spans[lo:hi], b.termIndex)
			files[i] = cachedFile{data, sha256.Sum256(data)}
		}
	}
	b.section("d", n)
	err := ordered(n, 64, !reuse, made, func(i int) error {
		err := b.file(path(b.dPaths, "d/", ".json", i), files[i].data, &files[i].digest)
		if !ix.keep {
			files[i] = cachedFile{}
		}
		return err
	})
	if ix.keep {
		ix.chunks, ix.chunkSize, ix.spans = files, b.chunk, b.spans
	}
	return err
}
