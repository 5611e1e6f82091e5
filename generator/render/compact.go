package render

import (
	"bytes"
	"strings"
	"text/template/parse"

	"github.com/casebook/casebook/generator/cms"
)

// MinifyTemplate minifies the text of an HTML template, keeping its
// actions as they are (package minify's Template).
//
// A theme loaded with one (LoadMinifiedTheme) is minified once, as it
// loads, instead of every page being minified whole after it renders:
// every story card shows on a dozen list pages or more, so minifying the
// pages whole minified each card's markup a dozen times, about a seventh
// of a build. Its pages are then compact as rendered (see Renderer.Compact), as
// long as what they show from elsewhere, the bodies of stories, terms and
// pages, was minified too (markdown.Converter.Minify).
type MinifyTemplate func(text []byte) ([]byte, error)

// compactTemplates returns the theme's files with every HTML template
// minified by minify, or ok false when one of them cannot be: the
// minifier failed, or the minified template would not do what the
// template as written does. The actions of each (its conditions, loops,
// values and the templates it calls, in order) must be exactly as they
// were, only the text between them may change; text that comes to end in
// "&" is refused too, since the minifier may have
// shortened "&amp;" there into "&", which then joins what the action
// writes. A theme that fails is rendered as written and its pages are
// minified whole, as before.
func compactTemplates(files map[string][]byte, minify MinifyTemplate) (out map[string][]byte, ok bool) {
	out = make(map[string][]byte, len(files))
	for p, data := range files {
		out[p] = data
		if !strings.HasPrefix(p, "templates/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		small, err := minify(data)
		if err != nil || !sameActions(p, data, small) {
			return nil, false
		}
		out[p] = small
	}
	return out, true
}

// sameActions reports whether the template text small has the actions of
// text, in the same order, and no text that ends in "&" before one. A
// text that does not parse is left to the theme's own parse to report.
func sameActions(name string, text, small []byte) bool {
	before, err := skeletons(name, text)
	if err != nil {
		return false
	}
	after, err := skeletons(name, small)
	if err != nil || len(after) != len(before) {
		return false
	}
	for k, s := range before {
		if a, ok := after[k]; !ok || a != s {
			return false
		}
	}
	return true
}

// skeletons parses a template file and returns, for each template it
// defines, its actions written out without the text between them; a
// text ending in "&" (before an action, or where the template ends and
// its caller goes on) is marked.
func skeletons(name string, text []byte) (map[string]string, error) {
	trees := map[string]*parse.Tree{}
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	if _, err := t.Parse(string(text), "", "", trees); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(trees))
	for k, tree := range trees {
		var b strings.Builder
		if tree.Root != nil {
			skeleton(&b, tree.Root)
		}
		out[k] = b.String()
	}
	return out, nil
}

func skeleton(b *strings.Builder, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			if t, ok := c.(*parse.TextNode); ok && bytes.HasSuffix(t.Text, []byte("&")) {
				b.WriteString("\x00&") // never matches the text as written
			}
			skeleton(b, c)
		}
	case *parse.TextNode:
	case *parse.IfNode:
		branch(b, "if", &n.BranchNode)
	case *parse.RangeNode:
		branch(b, "range", &n.BranchNode)
	case *parse.WithNode:
		branch(b, "with", &n.BranchNode)
	default:
		b.WriteString(n.String())
	}
}

func branch(b *strings.Builder, kind string, n *parse.BranchNode) {
	b.WriteString("{{" + kind + " " + n.Pipe.String() + "}}")
	skeleton(b, n.List)
	if n.ElseList != nil {
		b.WriteString("{{else}}")
		skeleton(b, n.ElseList)
	}
	b.WriteString("{{end}}")
}

// Compact reports whether the file at path comes out of render as compact
// as minifying would make it, so that minifying it again would only cost
// time: when the theme was minified as it loaded, every page made by a
// template, which is every HTML file but the theme's own static files and
// the web editor's page. (The files made beside render's, such as the
// search index, are their makers' to say: see search.Compact.) So is
// stories.json, written as minifying JSON would leave it.
func (x *Renderer) Compact(path string) bool {
	th := x.r.theme
	if th.compact && path == "stories.json" {
		return true
	}
	if !th.compact || !strings.HasSuffix(path, ".html") || path == cms.IndexPath {
		return false
	}
	_, static := th.Static[path]
	return !static
}
