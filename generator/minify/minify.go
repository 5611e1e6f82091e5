// Package minify shrinks output files by type, chosen from the file
// extension: HTML, CSS, JavaScript, SVG, XML (feeds, sitemaps) and JSON
// (search index). Other files pass through unchanged.
package minify

import (
	"bytes"
	"errors"
	"io"
	"path"
	"sync"

	tdminify "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies files. It is safe for concurrent use.
type Minifier struct {
	m *tdminify.M
	// svg minifies .svg files. It is kept apart from m so that the HTML
	// minifier leaves inline SVG alone: the theme's inline marks are
	// already compact, and starting the SVG minifier for each of the
	// millions of them in a large site cost about 7 % of a build.
	svg *tdminify.M
	// tmpl minifies the text of Go HTML templates (see Template).
	tmpl *tdminify.M
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
	".json": "application/json",
}

// New returns a Minifier.
func New() *Minifier {
	m := tdminify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("text/xml", xml.Minify)
	// Numbers stay as written: 2000 would become 2e3, which programs
	// reading the exports into integers refuse.
	m.Add("application/json", &json.Minifier{KeepNumbers: true})
	svgOnly := tdminify.New()
	svgOnly.AddFunc("image/svg+xml", svg.Minify)
	tmpl := tdminify.New()
	tmpl.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, TemplateDelims: html.GoTemplateDelims})
	tmpl.AddFunc("text/css", css.Minify)
	tmpl.AddFunc("application/javascript", js.Minify)
	return &Minifier{m: m, svg: svgOnly, tmpl: tmpl}
}

// Template minifies the text of a Go HTML template as Minify minifies a
// page: its actions ({{…}}) are kept as they are, and so are the
// attributes, scripts and styles that hold one. The caller must check
// that the result still means what the template did (the minifier drops
// an HTML comment with an action inside, for one); see render.LoadTheme.
func (mf *Minifier) Template(text []byte) ([]byte, error) {
	if entityWork(text) > maxEntityWork {
		return nil, errTooCostly
	}
	var buf bytes.Buffer
	if err := mf.tmpl.Minify("text/html", &buf, bytes.NewReader(text)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var errTooCostly = errors.New("too many character references to minify")

// Minify appends the minified form of data, a file at path p, to dst and
// returns it. Files of unknown type, and files the minifier cannot parse,
// are returned unchanged: minifying is an optimisation, never a reason to
// lose a file.
func (mf *Minifier) Minify(dst []byte, p string, data []byte) []byte {
	mt, ok := mediaTypes[path.Ext(p)]
	if !ok || mt == "text/html" && entityWork(data) > maxEntityWork {
		return append(dst, data...)
	}
	// The minifiers lex a byte slice; handing them one (see input) spares
	// them reading data into a freshly grown copy for every file. They may
	// write into it, so it is a copy of data in a reused buffer.
	in := inputs.Get().(*input)
	in.b, in.off = append(in.b[:0], data...), 0
	if cap(in.b) == len(in.b) {
		in.b = append(in.b, 0)[:len(data)] // room for the lexer's NUL
	}
	buf := bytes.NewBuffer(dst)
	m := mf.m
	if mt == "image/svg+xml" {
		m = mf.svg
	}
	err := m.Minify(mt, buf, in)
	inputs.Put(in)
	if err != nil {
		return append(dst, data...)
	}
	return buf.Bytes()
}

// maxEntityWork bounds the bytes the HTML minifier may move to replace
// character references. It replaces each one ("&amp;" before a space,
// "&rsquo;") by moving the rest of its text in place, so a paragraph of
// 200,000 "&" took 44 s; a page that would cost more than this (some
// 30 ms) is left as rendered.
const maxEntityWork = 1 << 28

// entityWork is an upper bound on the bytes moved in minifying the HTML
// data: for each stretch between two "<", its length times the "&" in it.
func entityWork(data []byte) int {
	work := 0
	for len(data) > 0 {
		seg, rest, _ := bytes.Cut(data, []byte("<"))
		work += len(seg) * bytes.Count(seg, []byte("&"))
		data = rest
	}
	return work
}

// input is a reader whose Bytes method lets tdewolff/parse use its bytes
// directly instead of reading them.
type input struct {
	b   []byte
	off int // read offset, for minifiers that read rather than lex
}

func (in *input) Bytes() []byte { return in.b }

func (in *input) Read(p []byte) (int, error) {
	if in.off >= len(in.b) {
		return 0, io.EOF
	}
	n := copy(p, in.b[in.off:])
	in.off += n
	return n, nil
}

var inputs = sync.Pool{New: func() any { return new(input) }}
