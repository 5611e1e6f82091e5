package markdown

import (
	"html"
	"net/url"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
)

// allowedSchemes are the URL schemes a contributor's link may use. Anything
// else (javascript:, vbscript:, data:, file:) is removed, whatever its case
// or encoding.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// linkWalker resolves every link and image of a document in place.
type linkWalker struct {
	path      string
	dir       string
	src       []byte
	firstLine int
	resolver  Resolver
	links     []Link
	diags     diag.List
	// lineStarts holds the offset of every line of src, and last the
	// previous position found, so that positioning every link of a long
	// body stays linear (links come in document order).
	lineStarts []int
	last       struct{ off, line, col int }
	headings   int
	// htmlWarnings counts the warnings about dropped HTML (see
	// MaxHTMLWarnings).
	htmlWarnings int
}

func (w *linkWalker) walk(doc ast.Node) {
	var unlink []ast.Node
	var videos [][2]ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			if v := videoOf(n, w.src); v != nil {
				videos = append(videos, [2]ast.Node{n, v})
				return ast.WalkSkipChildren, nil
			}
		case *ast.Heading:
			if w.headings++; w.headings == MaxHeadings+1 {
				pos := w.pos(n)
				w.diags.Errorf(pos.Path, pos.Line, 1, "body has more than %d headings: split the page", MaxHeadings)
			}
		case *ast.Link:
			dest, ok := w.resolve(n, string(n.Destination), false)
			n.Destination = []byte(dest)
			if !ok {
				unlink = append(unlink, n)
			}
		case *ast.Image:
			dest, ok := w.resolve(n, string(n.Destination), true)
			n.Destination = []byte(dest)
			if !ok {
				n.Destination = nil
			}
		case *ast.AutoLink:
			if !allowedSchemes[scheme(string(n.URL(w.src)))] && n.AutoLinkType == ast.AutoLinkURL {
				unlink = append(unlink, n)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			// Dropped from the output by the safe renderer.
			w.warnRawHTML(n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unlink {
		replaceWithChildren(n)
	}
	for _, pv := range videos {
		pv[0].Parent().ReplaceChild(pv[0].Parent(), pv[0], pv[1])
	}
}

// resolve returns the destination to render and whether to keep the link.
func (w *linkWalker) resolve(n ast.Node, dest string, image bool) (string, bool) {
	if target, ok := strings.CutPrefix(dest, wikiScheme); ok {
		return w.resolveWiki(n, target)
	}
	trimmed := strings.TrimSpace(dest)
	if s := scheme(trimmed); s != "" {
		if allowedSchemes[s] {
			return trimmed, true
		}
		pos := w.pos(n)
		w.diags.Warnf(pos.Path, pos.Line, pos.Col, "link to %q removed: only http, https, mailto and tel links are allowed", truncate(trimmed))
		return "", false
	}
	if trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "//") || strings.HasPrefix(trimmed, "?") {
		return trimmed, true
	}
	ref, frag, _ := strings.Cut(trimmed, "#")
	ref, _, _ = strings.Cut(ref, "?")
	unescaped, err := url.PathUnescape(ref)
	if err != nil {
		unescaped = ref
	}
	var sitePath string
	if strings.HasPrefix(unescaped, "/") {
		sitePath = path.Clean(strings.TrimPrefix(unescaped, "/"))
		if !strings.HasPrefix(sitePath, "content/") {
			// A link to a URL path of the built site: it gets the base
			// URL's path prefix like every generated link.
			rest := strings.TrimPrefix(trimmed, "/")
			return w.resolver.SiteURL(rest), true
		}
	} else {
		sitePath = path.Join(w.dir, unescaped)
	}
	if sitePath == ".." || strings.HasPrefix(sitePath, "../") {
		pos := w.pos(n)
		w.diags.Errorf(pos.Path, pos.Line, pos.Col, "link %q points outside the site folder", dest)
		return "", false
	}
	u, title, err := w.resolver.ResolveFile(sitePath)
	if err != nil {
		pos := w.pos(n)
		w.diags.Errorf(pos.Path, pos.Line, pos.Col, "broken link %q: %v", dest, err)
		return "", false
	}
	_ = title
	if !image {
		w.links = append(w.links, Link{URL: u, Pos: w.pos(n)})
	}
	if frag != "" {
		u += "#" + frag
	}
	return u, true
}

func (w *linkWalker) resolveWiki(n ast.Node, target string) (string, bool) {
	untitled, _ := n.AttributeString("data-wiki-untitled")
	start, _ := n.AttributeString("data-wiki-start")
	n.RemoveAttributes()
	pos := w.pos(n)
	if off, ok := start.(int); ok {
		pos = w.posAt(off)
	}
	u, title, err := w.resolver.ResolveWiki(target)
	if err != nil {
		w.diags.Errorf(pos.Path, pos.Line, pos.Col, "broken wiki link [[%s]]: %v", target, err)
		return "", false
	}
	if untitled != nil {
		n.RemoveChildren(n)
		n.AppendChild(n, ast.NewString([]byte(title)))
	}
	w.links = append(w.links, Link{URL: u, Pos: pos})
	return u, true
}

// scheme returns the lowercased URL scheme of dest, ignoring the control
// characters and spaces browsers ignore, or "" for a relative reference.
func scheme(dest string) string {
	var b strings.Builder
	// Browsers decode character references in attributes, so
	// "javascript&colon;" is a javascript: URL; goldmark leaves such
	// references in destinations as written.
	for _, r := range html.UnescapeString(dest) {
		switch {
		case r == ':':
			return strings.ToLower(b.String())
		case r == '/' || r == '?' || r == '#':
			return ""
		case r <= ' ' || r == 0x7f:
			continue
		}
		b.WriteRune(r)
	}
	return ""
}

// pos finds where node n starts in the file, from the first text segment
// inside it; it points at the opening bracket.
func (w *linkWalker) pos(n ast.Node) content.Pos {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				off = p.Lines().At(0).Start
				break
			}
		}
	}
	if off < 0 {
		return content.Pos{Path: w.path, Line: w.firstLine, Col: 1}
	}
	if off > 0 && w.src[off-1] == '[' {
		off--
		if off > 0 && w.src[off-1] == '[' || off > 0 && w.src[off-1] == '!' {
			off--
		}
	}
	return w.posAt(off)
}

// posAt converts a byte offset of the body to a position in the file.
func (w *linkWalker) posAt(off int) content.Pos {
	if w.lineStarts == nil {
		w.lineStarts = append(w.lineStarts, 0)
		for i, b := range w.src {
			if b == '\n' {
				w.lineStarts = append(w.lineStarts, i+1)
			}
		}
	}
	line := sort.SearchInts(w.lineStarts, off+1) - 1
	lineStart := w.lineStarts[line]
	var col int
	if w.last.col > 0 && w.last.line == line && w.last.off <= off && w.last.off >= lineStart {
		col = w.last.col + utf8.RuneCount(w.src[w.last.off:off])
	} else {
		col = utf8.RuneCount(w.src[lineStart:off]) + 1
	}
	w.last.off, w.last.line, w.last.col = off, line, col
	return content.Pos{Path: w.path, Line: w.firstLine + line, Col: col}
}

// replaceWithChildren removes a link but keeps its text.
func replaceWithChildren(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		_ = al
		parent.RemoveChild(parent, n)
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
