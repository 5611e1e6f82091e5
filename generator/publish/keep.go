package publish

import (
	"io"
	"os"
	"path/filepath"
)

// HeadSize is how many leading bytes of a previous file Keep shows to
// its same function: enough for a PNG's signature, its header and a
// short text chunk after it.
const HeadSize = 256

// Keep publishes the file that the previous output holds at p, unchanged,
// when same accepts its first bytes (at most HeadSize of them): the file
// is hard-linked into the staging folder, so its bytes are neither read
// nor written again. It reports whether it did; on false nothing was
// published at p and the caller writes the file itself.
//
// Only a regular file inside the previous output is kept: the output is
// opened as an os.Root, and the path is linked only when it names the
// very file that the root opened, so a symlink inside the output folder
// never brings in anything from outside it. An output folder that
// casebook did not write (no Marker) keeps nothing.
func (s *Stage) Keep(p string, same func(head []byte) bool) (size int64, ok bool) {
	s.prevOnce.Do(s.openPrevious)
	if s.prev == nil {
		return 0, false
	}
	name := filepath.FromSlash(p)
	f, err := s.prev.Open(name)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return 0, false
	}
	head := make([]byte, HeadSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return 0, false
	}
	if !same(head[:n]) {
		return 0, false
	}
	old := filepath.Join(s.out, name)
	if li, err := os.Lstat(old); err != nil || !os.SameFile(li, info) {
		return 0, false
	}
	full, err := s.Path(p)
	if err != nil || s.mkdir(filepath.Dir(full)) != nil {
		return 0, false
	}
	if os.Link(old, full) != nil {
		return 0, false
	}
	return info.Size(), true
}

// openPrevious opens the previous output folder for Keep, when casebook
// wrote it.
func (s *Stage) openPrevious() {
	root, err := os.OpenRoot(s.out)
	if err != nil {
		return
	}
	if info, err := root.Lstat(Marker); err != nil || !info.Mode().IsRegular() {
		root.Close()
		return
	}
	s.prev = root
}

// closePrevious closes what openPrevious opened.
func (s *Stage) closePrevious() {
	s.prevOnce.Do(func() {})
	if s.prev != nil {
		s.prev.Close()
		s.prev = nil
	}
}
