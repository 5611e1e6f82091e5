package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// MaxHTMLWarnings caps the warnings about dropped HTML of one body: a page
// pasted from a word processor would otherwise bury every other message.
const MaxHTMLWarnings = 20

// htmlAdvice says, for tags contributors paste most, what to write in
// Markdown instead; other tags get defaultHTMLAdvice.
var htmlAdvice = map[string]string{
	"iframe":     "put the YouTube or Vimeo address alone in a paragraph (it becomes a click-to-play video), or link to the page: [Watch the talk](https://…)",
	"video":      "put the YouTube or Vimeo address alone in a paragraph (it becomes a click-to-play video), or link to the file: [Watch the video](film.mp4)",
	"embed":      "link to what it shows: [Open the document](https://…)",
	"object":     "link to what it shows: [Open the document](https://…)",
	"audio":      "link to the recording: [Listen to the interview](interview.mp3)",
	"source":     "link to the file instead: [Watch the video](film.mp4)",
	"details":    "write the hidden part as a heading and paragraphs: every reader sees it",
	"summary":    "write it as a heading (## …) followed by the text",
	"img":        "write an image as ![what it shows](picture.jpg)",
	"a":          "write a link as [text](https://…)",
	"br":         "end the line with a backslash (\\) to break it, or leave a blank line for a new paragraph",
	"b":          "write **bold** instead",
	"strong":     "write **bold** instead",
	"i":          "write *emphasis* instead",
	"em":         "write *emphasis* instead",
	"u":          "write *emphasis* instead; underlined text reads as a link",
	"sup":        "write a footnote[^1] instead",
	"table":      "write a Markdown table: | a | b | on one line, |---|---| under it",
	"div":        "leave it out: Markdown paragraphs, headings and lists need no wrapper",
	"span":       "leave it out, keeping the text",
	"p":          "leave a blank line between paragraphs instead",
	"center":     "leave it out: the theme lays out the page",
	"font":       "leave it out: the theme sets fonts and colours",
	"style":      "styles belong in the site's extra_css file under [style] in site.toml",
	"script":     "scripts never reach the site",
	"form":       "link to the form instead: [Fill in the form](https://…)",
	"blockquote": "start each quoted line with > instead",
	"ul":         "start each item with - on its own line",
	"ol":         "start each item with 1. on its own line",
	"li":         "start each item with - on its own line",
	"h1":         "the title is the page's heading; start a section with ## instead",
	"h2":         "start the line with ## instead",
	"h3":         "start the line with ### instead",
	"h4":         "start the line with #### instead",
	"hr":         "write --- on a line of its own, with blank lines around it",
	"kbd":        "write it as `code` instead",
	"code":       "write it as `code` instead",
	"pre":        "put the text between lines of ``` instead",
}

const defaultHTMLAdvice = "write it in Markdown instead"

// warnRawHTML warns, at its line, about raw HTML that the safe renderer
// drops, saying what to write instead. Comments and closing tags, which
// show nothing, are let be.
func (w *linkWalker) warnRawHTML(n ast.Node) {
	var start, end int
	switch n := n.(type) {
	case *ast.RawHTML:
		if n.Segments.Len() == 0 {
			return
		}
		start, end = n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
	case *ast.HTMLBlock:
		if n.Lines().Len() == 0 {
			return
		}
		start, end = n.Lines().At(0).Start, n.Lines().At(0).Stop
	default:
		return
	}
	// A block starts with its tag after up to three spaces of indent.
	for start < end && (w.src[start] == ' ' || w.src[start] == '\t') {
		start++
	}
	tag, ok := openingTag(w.src[start:end])
	if !ok {
		return
	}
	if w.htmlWarnings++; w.htmlWarnings > MaxHTMLWarnings {
		return
	}
	pos := w.posAt(start)
	advice, known := htmlAdvice[tag]
	if !known {
		advice = defaultHTMLAdvice
	}
	w.diags.Warnf(pos.Path, pos.Line, pos.Col, "raw HTML <%s> is not published: %s", tag, advice)
}

// openingTag returns the lower-cased name of the tag that s starts with,
// and false for a closing tag, a comment, a declaration or anything else.
func openingTag(s []byte) (string, bool) {
	if len(s) < 2 || s[0] != '<' {
		return "", false
	}
	i := 1
	for i < len(s) && i <= 32 && (isASCIILetter(s[i]) || i > 1 && (s[i] >= '0' && s[i] <= '9' || s[i] == '-')) {
		i++
	}
	if i == 1 || i > 32 {
		return "", false
	}
	return strings.ToLower(string(bytes.Clone(s[1:i]))), true
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
