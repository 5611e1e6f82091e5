// Package minify shrinks output files by type, chosen from the file
// extension: HTML, CSS, JavaScript, SVG, XML (feeds, sitemaps) and JSON
// (search index). Other files pass through unchanged.
package minify

import (
	"bytes"
	"path"

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
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	m.AddFunc("application/json", json.Minify)
	return &Minifier{m: m}
}

// Minify appends the minified form of data, a file at path p, to dst and
// returns it. Files of unknown type, and files the minifier cannot parse,
// are returned unchanged: minifying is an optimisation, never a reason to
// lose a file.
func (mf *Minifier) Minify(dst []byte, p string, data []byte) []byte {
	mt, ok := mediaTypes[path.Ext(p)]
	if !ok {
		return append(dst, data...)
	}
	buf := bytes.NewBuffer(dst)
	if err := mf.m.Minify(mt, buf, bytes.NewReader(data)); err != nil {
		return append(dst, data...)
	}
	return buf.Bytes()
}
