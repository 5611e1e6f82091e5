package load

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"unicode/utf8"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
)

// parseFile reads f from fsys and fills in its document and front matter.
func parseFile(fsys fs.FS, f *File) diag.List {
	var diags diag.List
	src, err := readLimited(fsys, f.Path)
	var big *tooBigError
	if errors.As(err, &big) {
		diags.Errorf(f.Path, big.line, big.col, "%v", err)
		return diags
	}
	if err != nil {
		diags.Errorf(f.Path, 0, 0, "%v", err)
		return diags
	}
	doc, front, d := Parse(f.Path, src)
	f.Doc, f.Front = doc, front
	f.Hash = maphash.Bytes(hashSeed, src)
	return append(diags, d...)
}

func readLimited(fsys fs.FS, p string) ([]byte, error) {
	return readUpTo(fsys, p, MaxFileSize, "file is larger than 2 MiB; split the story or move large material out of it")
}

// readAsset reads a bundle file of at most MaxAssetSize bytes.
func readAsset(fsys fs.FS, p string) ([]byte, error) {
	data, err := readUpTo(fsys, p, MaxAssetSize, "bundle file is larger than 100 MiB; put it on a media host and link to it")
	var big *tooBigError
	if err != nil && !errors.As(err, &big) {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	return data, err
}

// tooBigError is a file over its size limit, with the line and column
// (counted in runes) of its first byte past the limit; its text says what
// to do.
type tooBigError struct {
	msg       string
	line, col int
}

func (e *tooBigError) Error() string { return e.msg }

// readUpTo reads the file at p, refusing it with tooBig when it holds more
// than limit bytes.
func readUpTo(fsys fs.FS, p string, limit int, tooBig string) ([]byte, error) {
	file, err := fsys.Open(p)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer file.Close()
	// Size the buffer from the file's size: the body keeps pointing into
	// it for the whole build, so a buffer grown by doubling would keep up
	// to twice the content in memory.
	size := 512
	if info, err := file.Stat(); err == nil && info.Size() >= 0 && info.Size() <= int64(limit) {
		size = int(info.Size()) + 1 // room to see EOF without growing
	}
	src, err := readAll(io.LimitReader(file, int64(limit)+1), make([]byte, 0, size))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(src) > limit {
		line, col := position(src, limit)
		return nil, &tooBigError{tooBig, line, col}
	}
	return src, nil
}

// readAll is io.ReadAll reading into buf, which should be large enough.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// Parse splits and decodes one Markdown file. It is the entry point for
// everything a contributor writes, so it must never panic on any input.
func Parse(p string, src []byte) (*frontmatter.Document, *frontmatter.Node, diag.List) {
	var diags diag.List
	if len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))) == 0 {
		diags.Errorf(p, 1, 1, "file is empty: a story needs front matter (title, summary, date and terms) and a body")
		return nil, nil, diags
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		diags.Errorf(p, line, col, "file is not valid UTF-8 text: save it as UTF-8 in your editor")
		return nil, nil, diags
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := position(src, i)
		diags.Errorf(p, line, col, "file holds a NUL character (byte 0), which no text has: remove it, or save the file again as UTF-8 text")
		return nil, nil, diags
	}
	src = frontmatter.Normalize(src)
	doc, err := frontmatter.Split(src)
	if err != nil {
		var unclosed *frontmatter.UnclosedError
		if errors.As(err, &unclosed) {
			diags.Errorf(p, unclosed.Line, 1, "%v", err)
		} else {
			diags.Errorf(p, 1, 1, "%v", err)
		}
		return nil, nil, diags
	}
	// The body is a slice of src, so only src stays in memory.
	front, err := frontmatter.Decode(doc)
	if err != nil {
		var serr *frontmatter.SyntaxError
		if errors.As(err, &serr) {
			diags.Errorf(p, serr.Line, serr.Col, "%s", serr.Msg)
		} else {
			diags.Errorf(p, doc.RawLine, 1, "%v", err)
		}
		return nil, nil, diags
	}
	return doc, front, diags
}

// position returns the line and column, counted in runes from 1, of byte
// i of src.
func position(src []byte, i int) (line, col int) {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	return bytes.Count(src[:i], []byte("\n")) + 1, utf8.RuneCount(src[start:i]) + 1
}

// invalidUTF8 finds the line and column of the first byte that is not
// valid UTF-8.
func invalidUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}
