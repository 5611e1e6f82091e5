package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/casebook/casebook/generator/publish"
)

// This file writes a Builder's changed files into the output folder and records what each was rendered from.

// outFile is an output file waiting to be written.
type outFile struct {
	name string
	data []byte
}

// writeAll writes files on all cores and returns the first error.
func writeAll(out string, files []outFile) error {
	next := make(chan outFile)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range cap(errs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var first error
			for f := range next {
				if err := writeAtomic(out, f.name, f.data); err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// keyRecorder collects the fingerprints of one build's pages.
type keyRecorder struct {
	mu   sync.Mutex
	keys map[string]uint64
}

// newKeyRecorder returns a recorder with room for about n fingerprints.
func newKeyRecorder(n int) *keyRecorder { return &keyRecorder{keys: make(map[string]uint64, n)} }

// fresh records a fingerprint and asks for the page to be rendered.
func (k *keyRecorder) fresh(name string, key uint64) bool {
	k.record(name, key)
	return false
}

// record records a fingerprint.
func (k *keyRecorder) record(name string, key uint64) {
	k.mu.Lock()
	k.keys[name] = key
	k.mu.Unlock()
}

// same records a fingerprint and reports whether prev held the same one.
func (k *keyRecorder) same(prev map[string]uint64, name string, key uint64) bool {
	k.record(name, key)
	old, ok := prev[name]
	return ok && old == key
}

// minify returns data minified unless the options say not to or the file
// is compact already; either way the result is a new slice.
func (b *Builder) minify(name string, data []byte) []byte {
	if !b.opts.minifies(name, b.compact) {
		return bytes.Clone(data) // render reuses its buffer after emit returns
	}
	return minifier().Minify(make([]byte, 0, len(data)), name, data)
}

// writeAtomic replaces out/name with data (see publish.WriteFileAtomic),
// creating the folders it needs.
func writeAtomic(out, name string, data []byte) error {
	full, err := publish.Join(out, name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	if err := publish.WriteFileAtomic(full, data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// removeOutput deletes out/name and then every folder above it that the
// removal left empty, stopping at out.
func removeOutput(out, name string) error {
	full, err := publish.Join(out, name)
	if err != nil {
		return err
	}
	if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for dir := path.Dir(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(out, filepath.FromSlash(dir))) != nil {
			break // not empty, or already gone
		}
	}
	return nil
}

// fileIndex is what a short build needs to know of Builder.files without
// looking at every file: the search files among them and the bytes of
// all. It is made on the first short build after setFiles.
type fileIndex struct {
	ok     bool
	search []string
	bytes  int64
}

// setFiles replaces the Builder's files, and so forgets their index.
func (b *Builder) setFiles(files map[string]fileDigest) {
	b.files, b.index = files, fileIndex{}
}

// patchFiles brings b.files up to date after a short build that produced
// c's files, removing the search files it no longer produces (the index
// may now be split into other shard files), and sets up's totals.
func (b *Builder) patchFiles(c *changes, up *Update) error {
	ix := &b.index
	if !ix.ok {
		*ix = fileIndex{ok: true}
		for name, d := range b.files {
			ix.bytes += int64(d.size)
			if strings.HasPrefix(name, "search/") {
				ix.search = append(ix.search, name)
			}
		}
	}
	search := ix.search[:0]
	for _, name := range ix.search {
		if _, ok := c.p.files[name]; ok || name == "search/index.html" {
			search = append(search, name)
			continue
		}
		if err := removeOutput(b.out, name); err != nil {
			ix.ok = false // rescan next time
			return err
		}
		up.Removed = append(up.Removed, name)
		ix.bytes -= int64(b.files[name].size)
		delete(b.files, name)
		delete(b.keys, name)
	}
	ix.search = search
	for name, d := range c.p.files {
		old, had := b.files[name]
		if had {
			ix.bytes -= int64(old.size)
		} else if strings.HasPrefix(name, "search/") {
			ix.search = append(ix.search, name)
		}
		ix.bytes += int64(d.size)
		b.files[name] = d
	}
	maps.Copy(b.keys, c.keys.keys)
	up.Files, up.Bytes = len(b.files), ix.bytes
	return nil
}
