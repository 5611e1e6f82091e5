package markdown

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

// stubResolver knows a few pages of a site.
type stubResolver struct{}

var stubFiles = map[string][2]string{
	"content/stories/other.md":      {"/cb/stories/other/", "The other story"},
	"content/principles/inquiry.md": {"/cb/principles/inquiry/", "Inquiry"},
	"content/stories/hub/map.png":   {"/cb/stories/hub/map.png", "map.png"},
}

var stubWiki = map[string][2]string{
	"other":              {"/cb/stories/other/", "The other story"},
	"principles/inquiry": {"/cb/principles/inquiry/", "Inquiry"},
}

func (stubResolver) ResolveFile(p string) (string, string, error) {
	if t, ok := stubFiles[p]; ok {
		return t[0], t[1], nil
	}
	return "", "", errors.New("no page at " + p)
}

func (stubResolver) SiteURL(p string) string { return "/prefix/" + p }

func (stubResolver) ResolveWiki(target string) (string, string, error) {
	if t, ok := stubWiki[target]; ok {
		return t[0], t[1], nil
	}
	return "", "", errors.New("no page " + target)
}

func convert(src string) Result {
	return New().Convert("content/stories/x.md", "content/stories", content.Body{Source: []byte(src), Line: 5}, stubResolver{})
}

func TestConvert(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string
		notWant []string
	}{
		{"heading ids keep letters", "## Fàilte\n\n## Fàilte\n\n## Ceòl & ùine!\n", []string{`<h2 id="fàilte">`, `<h2 id="fàilte-1">`, `<h2 id="ceòl-ùine">`}, nil},
		{"empty heading id", "## !!!\n", []string{`<h2 id="section">`}, nil},
		{"gfm table and strikethrough", "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n", []string{"<table>", "<td>1</td>", "<del>old</del>"}, nil},
		{"footnote", "Text[^1].\n\n[^1]: Note.\n", []string{`class="footnote-ref"`, "Note."}, nil},
		{"definition list", "Term\n: Definition\n", []string{"<dl>", "<dt>Term</dt>", "<dd>Definition</dd>"}, nil},
		{"typographer", `"Quoted" -- it's`, []string{"&ldquo;Quoted&rdquo;", "&ndash;", "it&rsquo;s"}, nil},
		{"raw html dropped", "<script>alert(1)</script>\n\nA <b onclick=x>b</b>\n", []string{"raw HTML omitted"}, []string{"<script", "onclick", "<b"}},
		{"relative story link", "[o](other.md)", []string{`<a href="/cb/stories/other/">o</a>`}, nil},
		{"link with fragment", "[o](other.md#who)", []string{`<a href="/cb/stories/other/#who">o</a>`}, nil},
		{"parent folder link", "[i](../principles/inquiry.md)", []string{`<a href="/cb/principles/inquiry/">i</a>`}, nil},
		{"wiki link titled", "[[other]]", []string{`<a href="/cb/stories/other/">The other story</a>`}, nil},
		{"wiki link labelled", "[[other|see this]]", []string{`<a href="/cb/stories/other/">see this</a>`}, nil},
		{"wiki link to a term", "[[principles/inquiry]]", []string{`<a href="/cb/principles/inquiry/">Inquiry</a>`}, nil},
		{"wiki link in code is text", "`[[other]]`", []string{"<code>[[other]]</code>"}, []string{"<a "}},
		{"image in bundle", "![Map](hub/map.png)", []string{`<img src="/cb/stories/hub/map.png" alt="Map"`}, nil},
		{"external links kept", "[w](https://example.org/a?b=1) [m](mailto:a@example.org)", []string{`href="https://example.org/a?b=1"`, `href="mailto:a@example.org"`}, nil},
		{"fragment kept", "[top](#top)", []string{`href="#top"`}, nil},
		{"root-relative link gets the prefix", "[a](/about/)", []string{`href="/prefix/about/"`}, nil},
		{"heading id does not take the theme's main", "## Main\n", []string{`<h2 id="main-1">`}, []string{`id="main"`}},
		{"javascript removed", "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](javascript&colon;alert(1)) [d](java\tscript:x)", []string{"<p>a b c"}, []string{"href", "javascript", "JaVaScRiPt"}},
		{"reference vbscript removed", "[x][v]\n\n[v]: vbscript:msgbox(1)\n", []string{"<p>x</p>"}, []string{"href", "vbscript"}},
		{"data and file schemes removed", "[d](data:text/html,x) [f](file:///etc/passwd) ![i](data:image/svg+xml,x)", []string{"<p>d f"}, []string{"href", "data:", "file:"}},
		{"autolink javascript dropped", "<javascript:alert(1)>", nil, []string{"href", "javascript"}},
		{"template text is text", "{{ .Site }} {{template \"x\"}}", []string{"{{ .Site }}"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert(tt.src)
			html := string(res.HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("output lacks %q:\n%s", w, html)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(html, w) {
					t.Errorf("output holds %q:\n%s", w, html)
				}
			}
			for _, d := range res.Diags {
				if d.Severity == "error" {
					t.Errorf("unexpected error %s", d)
				}
			}
		})
	}
}

func TestConvertDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // diagnostics; the body starts on line 5 of the file
	}{
		{"missing file", "Intro.\n\nSee [the plan](plan.md) now.", []string{`content/stories/x.md:7:5: error: broken link "plan.md": no page at content/stories/plan.md`}},
		{"missing wiki", "Go [[nowhere]].", []string{"content/stories/x.md:5:4: error: broken wiki link [[nowhere]]: no page nowhere"}},
		{"missing labelled wiki at its brackets", "Go to [[nowhere|the place]].", []string{"content/stories/x.md:5:7: error: broken wiki link [[nowhere]]"}},
		{"column counts characters", "Fàilte [x](nope.md)", []string{"content/stories/x.md:5:8: error: broken link"}},
		{"outside the site", "[x](../../../etc/passwd.md)", []string{`content/stories/x.md:5:1: error: link "../../../etc/passwd.md" points outside the site folder`}},
		{"javascript warned", "Hi [x](javascript:alert(1))", []string{`content/stories/x.md:5:4: warning: link to "javascript:alert(1)" removed`}},
		{"image missing", "![a](gone.png)", []string{"content/stories/x.md:5:1: error: broken link \"gone.png\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert(tt.src)
			if len(res.Diags) != len(tt.want) {
				t.Fatalf("diagnostics %v, want %q", res.Diags, tt.want)
			}
			for i, w := range tt.want {
				if got := res.Diags[i].String(); !strings.HasPrefix(got, w) {
					t.Errorf("diagnostic %q, want it to start with %q", got, w)
				}
			}
		})
	}
}

func TestLinksAndWords(t *testing.T) {
	res := convert("One two three [o](other.md) and [[principles/inquiry]] and [w](https://example.org).\n")
	var urls []string
	for _, l := range res.Links {
		urls = append(urls, l.URL)
	}
	if got := strings.Join(urls, " "); got != "/cb/stories/other/ /cb/principles/inquiry/" {
		t.Errorf("Links = %s", got)
	}
	if res.Words < 8 || res.Words > 14 {
		t.Errorf("Words = %d", res.Words)
	}
}

func TestPosAt(t *testing.T) {
	src := []byte("ab\nFàilte [x]\n\n[[y]] z\n")
	w := &linkWalker{path: "p.md", src: src, firstLine: 10}
	tests := []struct {
		name      string
		off       int
		line, col int
	}{
		{"start", 0, 10, 1},
		{"after multibyte", bytes.IndexByte(src, '['), 11, 8},
		{"earlier on the line", 3, 11, 1},
		{"blank line", bytes.Index(src, []byte("\n\n")) + 1, 12, 1},
		{"later line", bytes.Index(src, []byte("z")), 13, 7},
		{"back again", bytes.IndexByte(src, '['), 11, 8},
		{"same line forward", bytes.IndexByte(src, ']'), 11, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := w.posAt(tt.off); got.Line != tt.line || got.Col != tt.col {
				t.Errorf("posAt(%d) = %d:%d, want %d:%d", tt.off, got.Line, got.Col, tt.line, tt.col)
			}
		})
	}
}
