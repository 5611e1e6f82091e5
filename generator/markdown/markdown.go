// Package markdown converts story and page bodies to HTML with goldmark:
// GFM tables, strikethrough and autolinks, footnotes, typographic quotes,
// definition lists, and heading IDs that keep non-ASCII letters and are
// unique per page.
//
// Raw HTML is never passed through and links are limited to http, https,
// mailto and tel URLs and to paths inside the site: contributor content is
// untrusted. Links to other Markdown files ("other-story.md",
// "../values/listening.md") and wiki links ("[[slug]]", "[[slug|label]]",
// "[[values/listening]]") are handed to a Resolver, which maps them to page
// URLs; a link it cannot resolve becomes a diagnostic at its line and
// column in the file.
//
// Raw HTML that is dropped is a warning at its line that says what to write
// instead; a paragraph that is only a YouTube or Vimeo address becomes a
// click-to-play video (see video.go).
package markdown

import (
	"bufio"
	"bytes"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
)

// Resolver maps links found in a body to URLs. It is implemented by the
// link stage, which knows every page of the site.
type Resolver interface {
	// ResolveFile maps a site-relative path of a file ("content/stories/x.md",
	// "content/stories/b/map.png") to the URL of the page or asset it
	// becomes, and the page's title.
	ResolveFile(sitePath string) (url, title string, err error)
	// ResolveWiki maps the target of a wiki link ("slug",
	// "values/listening") to a URL and title.
	ResolveWiki(target string) (url, title string, err error)
	// SiteURL maps a path of the built site written as a root-relative
	// link ("/about/") to its URL, adding the base URL's path prefix.
	SiteURL(sitePath string) string
}

// Link is an internal link found in a body, resolved.
type Link struct {
	URL string
	Pos content.Pos
}

// Result is a converted body.
type Result struct {
	HTML []byte
	// Links are the internal links to other pages, for backlinks.
	Links []Link
	// Words is the number of words of text, for reading time.
	Words int
	Diags diag.List
}

// Converter converts bodies. One Converter serves a whole build and is safe
// for concurrent use.
type Converter struct {
	// Minify, when set, minifies each body's HTML as it is converted: it
	// appends the minified form of html to dst. The build sets it to the
	// minifier of pages (package minify) when the theme is minified too
	// (see render.LoadMinifiedTheme), so that a body is minified once,
	// not again on every page that shows it.
	Minify  func(dst, html []byte) []byte
	md      goldmark.Markdown
	bufPool sync.Pool // of *output
}

// New returns a Converter.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
			extension.DefinitionList,
			wikiExtension{},
			videoExtension{},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(html.WithXHTML()),
	)
	return &Converter{md: md, bufPool: sync.Pool{New: func() any {
		out := new(output)
		out.w = bufio.NewWriter(&out.buf)
		return out
	}}}
}

// Convert renders body, which belongs to the file at path and starts on
// line body.Line; dir is the folder relative links start from.
func (c *Converter) Convert(path, dir string, body content.Body, r Resolver) Result {
	src := body.Source
	if diags := checkLimits(path, src, body.Line, false); len(diags) > 0 {
		return Result{Diags: diags}
	}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	lw := &linkWalker{path: path, dir: dir, src: src, firstLine: body.Line, resolver: r}
	lw.walk(doc)
	out := c.bufPool.Get().(*output)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	defer c.bufPool.Put(out)
	var res Result
	// goldmark writes through a bufio.Writer; given none, it makes one
	// (4 KiB) per body.
	if err := c.md.Renderer().Render(out.w, src, doc); err != nil {
		res.Diags.Errorf(path, body.Line, 1, "rendering Markdown: %v", err)
	}
	if c.Minify != nil {
		// Minified, a body is rarely longer: one allocation, not a
		// buffer grown by doubling (150 MB more garbage per 10,000).
		res.HTML = c.Minify(make([]byte, 0, out.buf.Len()+out.buf.Len()/8), out.buf.Bytes())
	} else {
		res.HTML = bytes.Clone(out.buf.Bytes())
	}
	res.Links = lw.links
	res.Diags = append(res.Diags, lw.diags...)
	res.Words = countWords(src)
	return res
}

// countWords counts runs of letters and digits, a fair measure of reading
// length for Markdown source.
func countWords(src []byte) int {
	n, in := 0, false
	for _, b := range src {
		word := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80 || b == '\''
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

// output is where Convert renders a body: a buffer and the bufio.Writer
// goldmark writes to it through.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer
}
