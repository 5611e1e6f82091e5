package lint

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/markdown"
)

// bodyParser parses bodies the way the site renders them, as far as
// headings, images and links go. Parsers are safe for concurrent use.
var bodyParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList)).Parser()

// vagueLinkText holds link texts that say nothing about where a link goes,
// lowercased, without surrounding punctuation.
var vagueLinkText = map[string]bool{
	"click here": true, "here": true, "link": true, "this link": true, "read more": true,
	"more": true, "this": true, "click": true, "click this": true, "go here": true,
}

// body runs the rules that look inside a Markdown body. A body that passes
// one of markdown's limits is not parsed: the build reports it as an
// error, and parsing it could take minutes or gigabytes.
func (l *linter) body(path string, b content.Body) {
	if len(bytes.TrimSpace(b.Source)) == 0 || !markdown.WithinLimits(b.Source) {
		return
	}
	src := b.Source
	doc := bodyParser.Parse(text.NewReader(src))
	at := &positioner{path: path, src: src, firstLine: b.Line}
	prevLevel := 1 // the page title is the h1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			l.heading(n, at, prevLevel)
			prevLevel = n.Level
		case *ast.Image:
			if strings.TrimSpace(plainText(n, src)) == "" {
				l.add("image-alt", at.pos(n.Pos()), "image has no alt text",
					fmt.Sprintf("describe what it shows between the brackets, such as ![A map of the area](%s), for readers who cannot see it", n.Destination))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			l.linkText(n, at)
		}
		return ast.WalkContinue, nil
	})
}

func (l *linter) heading(h *ast.Heading, at *positioner, prevLevel int) {
	marks := strings.Repeat("#", prevLevel+1)
	switch {
	case h.Level == 1:
		l.add("heading-h1", at.lineStart(h), "a top-level heading in the body is a second h1: the story's title is already the page's h1",
			"use ## for the sections of the body")
	case h.Level > prevLevel+1:
		l.add("heading-skip", at.lineStart(h), fmt.Sprintf("heading skips from level %d to level %d", prevLevel, h.Level),
			fmt.Sprintf("use %s here, so that screen reader users can follow the outline", marks))
	}
}

func (l *linter) linkText(n *ast.Link, at *positioner) {
	label := strings.TrimSpace(plainText(n, at.src))
	word := strings.ToLower(strings.Trim(label, " .,:;!?…()\"'“”‘’"))
	switch {
	case label == "" && !hasImage(n):
		l.add("link-text", at.pos(n.Pos()), "link has no text",
			"write between the brackets what the reader will find there, such as [the family support story](other-story.md)")
	case vagueLinkText[word]:
		l.add("link-text", at.pos(n.Pos()), fmt.Sprintf("link text %q does not say where the link goes", label),
			"write what the reader will find there instead, such as [the report on local services](…), so that links make sense when read on their own")
	}
}

// plainText is the text of n's children as the reader sees it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// hasImage reports whether a link wraps an image, whose alt text is then
// the link's text (and is checked by the image rule).
func hasImage(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindImage {
			return true
		}
	}
	return false
}

// positioner turns byte offsets in a body into positions in its file. It
// indexes the line starts once, so that many findings in a long body cost
// a search each rather than a count from the start.
type positioner struct {
	path       string
	src        []byte
	firstLine  int
	lineStarts []int
}

// pos returns the position of the byte at off; an unknown offset (-1)
// gives the body's first line.
func (p *positioner) pos(off int) content.Pos {
	if off < 0 || off > len(p.src) {
		return content.Pos{Path: p.path, Line: p.firstLine, Col: 1}
	}
	if p.lineStarts == nil {
		p.lineStarts = append(p.lineStarts, 0)
		for i, b := range p.src {
			if b == '\n' {
				p.lineStarts = append(p.lineStarts, i+1)
			}
		}
	}
	line := sort.SearchInts(p.lineStarts, off+1) - 1
	return content.Pos{
		Path: p.path,
		Line: p.firstLine + line,
		Col:  utf8.RuneCount(p.src[p.lineStarts[line]:off]) + 1,
	}
}

// lineStart returns the position of the first character that is not a
// space on the line where block n starts: the "#" of an ATX heading.
func (p *positioner) lineStart(n ast.Node) content.Pos {
	off := n.Pos()
	if n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	if off < 0 || off > len(p.src) {
		return p.pos(-1)
	}
	start := bytes.LastIndexByte(p.src[:off], '\n') + 1
	for start < len(p.src) && (p.src[start] == ' ' || p.src[start] == '\t' || p.src[start] == '>') {
		start++
	}
	return p.pos(start)
}
