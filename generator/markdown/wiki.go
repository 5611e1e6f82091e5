package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// wikiScheme marks a link destination that came from a wiki link; it never
// reaches the output, because every wiki link is resolved or removed.
const wikiScheme = "casebook-wiki:"

// wikiExtension adds [[target]] and [[target|label]] links.
type wikiExtension struct{}

func (wikiExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(wikiParser{}, 199)))
}

type wikiParser struct{}

func (wikiParser) Trigger() []byte { return []byte{'['} }

// Parse reads "[[target]]" or "[[target|label]]" on one line.
func (wikiParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	// Look for the closing brackets only as far as a wiki link can go: a
	// line of 100,000 "[[" must not be rescanned from each of them.
	end := bytes.Index(line[:min(len(line), maxWikiLink)], []byte("]]"))
	if end < 3 {
		return nil
	}
	inner := line[2:end]
	if bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	target, label := inner, []byte(nil)
	labelStart := seg.Start + 2
	if i := bytes.IndexByte(inner, '|'); i >= 0 {
		target, label = inner[:i], inner[i+1:]
		labelStart += i + 1
	}
	target = bytes.TrimSpace(target)
	if len(target) == 0 {
		return nil
	}
	link := ast.NewLink()
	link.Destination = append([]byte(wikiScheme), target...)
	// The label's text does not start where the link does; keep the
	// offset of "[[" for diagnostics.
	link.SetAttributeString("data-wiki-start", seg.Start)
	if len(bytes.TrimSpace(label)) > 0 {
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(labelStart, labelStart+len(label))))
	} else {
		// The label is filled with the target's title once resolved; until
		// then the segment keeps the position of the link.
		t := ast.NewTextSegment(text.NewSegment(seg.Start+2, seg.Start+end))
		link.AppendChild(link, t)
		link.SetAttributeString("data-wiki-untitled", true)
	}
	block.Advance(end + 2)
	return link
}
