package build_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
)

// TestEscaping builds testdata/escape.txtar, whose story carries script
// tags, event handlers, javascript:, vbscript: and data: links and
// template text in every field and in its body, and checks that nothing
// of it is active in any output file: HTML, Atom feeds, the sitemap and
// JSON alike, minified or not.
func TestEscaping(t *testing.T) {
	for _, minify := range []bool{false, true} {
		name := map[bool]string{false: "unminified", true: "minified"}[minify]
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(filepath.Join("testdata", "escape.txtar"))
			if err != nil {
				t.Fatal(err)
			}
			src := unpackSite(t, ar)
			res := buildOK(t, build.Options{Src: src, NoMinify: !minify})
			files := outputFiles(t, res.Out)
			prefix := res.Site.Config.Prefix()
			checked := 0
			for _, p := range sortedPaths(files) {
				data := files[p]
				var problems []string
				switch path.Ext(p) {
				case ".html":
					problems = htmlProblems(data, prefix, files)
				case ".xml":
					problems = xmlProblems(data)
				case ".json":
					problems = jsonProblems(data)
				default:
					continue
				}
				for _, msg := range problems {
					t.Errorf("%s: %s", p, msg)
				}
				checked++
			}
			if checked < 30 {
				t.Errorf("checked only %d files", checked)
			}
			for _, p := range []string{"stories/attack-old/index.html", "_redirects"} {
				if _, ok := files[p]; !ok {
					t.Errorf("%s not written", p)
				}
			}
			story := string(files["stories/attack/index.html"])
			if !strings.Contains(story, "Drawn from") {
				t.Errorf("story page lacks its source")
			}
			// Template text is shown, not run.
			for _, want := range []string{"{{ .Site }}", "{{ .Site.Title }}", "{{ template "} {
				if !strings.Contains(story, want) {
					t.Errorf("story page lacks the literal text %q", want)
				}
			}
			if !strings.Contains(string(files["feed.xml"]), "{{ .Site }}") {
				t.Errorf("feed lacks the literal template text")
			}
		})
	}
}

// checkHTMLInert fails on inline scripts that are not the theme's, on
// event handler attributes, and on URL attributes with an active scheme.
func htmlProblems(data []byte, prefix string, files map[string][]byte) []string {
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, tg := range scanTags(data) {
		switch tg.name {
		case "script":
			if msg := scriptProblem(tg, prefix, files); msg != "" {
				errorf("%s", msg)
			}
		case "iframe", "object", "embed", "base", "meta":
			if tg.name != "meta" {
				errorf("unexpected <%s> element", tg.name)
				continue
			}
			// Only a redirect page refreshes, and only to a page of the
			// site itself.
			if v, _ := tg.attr("http-equiv"); strings.EqualFold(v, "refresh") {
				c, _ := tg.attr("content")
				target, ok := strings.CutPrefix(c, "0; url=")
				if u, err := url.Parse(target); !ok || err != nil || (u.Scheme != "https" && u.Scheme != "http") || !strings.HasPrefix(u.Path, prefix) {
					errorf("<meta http-equiv=refresh content=%q>", c)
				}
			}
		}
		for _, a := range tg.attrs {
			if strings.HasPrefix(a.name, "on") {
				errorf("<%s> has an event handler %s=%q", tg.name, a.name, a.value)
			}
			if isURLAttr(a.name) || a.name == "xlink:href" {
				for _, u := range urlsOf(a) {
					if s := activeScheme(u); s != "" {
						errorf("<%s %s=%q> has an active %s: URL", tg.name, a.name, u, s)
					}
				}
			}
		}
	}
	return problems
}

// checkScript accepts the theme's own scripts, loaded from a file of the
// output under the base path, and inline JSON data that is valid JSON.
func scriptProblem(tg tag, prefix string, files map[string][]byte) string {
	if src, ok := tg.attr("src"); ok {
		target := strings.TrimPrefix(src, prefix)
		if !strings.HasPrefix(src, prefix) || !strings.HasSuffix(target, ".js") || files[target] == nil {
			return fmt.Sprintf("<script src=%q> is not a script of the theme", src)
		}
		if strings.TrimSpace(tg.text) != "" {
			return fmt.Sprintf("<script src=%q> has inline content", src)
		}
		return ""
	}
	typ, _ := tg.attr("type")
	if typ == "application/json" || typ == "application/ld+json" {
		if !json.Valid([]byte(tg.text)) || strings.Contains(strings.ToLower(tg.text), "<") {
			return fmt.Sprintf("inline %s is not valid, inert JSON: %.200q", typ, tg.text)
		}
		return ""
	}
	return fmt.Sprintf("inline <script> that is not the theme's: %.200q", tg.text)
}

// activeScheme returns the scheme of u when a browser would run or load
// it as active content, the way browsers read it: control characters and
// spaces ignored, case folded.
func activeScheme(u string) string {
	var b strings.Builder
	for _, r := range u {
		if r <= ' ' || r == 0x7f {
			continue
		}
		if r == ':' {
			break
		}
		b.WriteRune(r)
	}
	s := strings.ToLower(b.String())
	if s == "javascript" || s == "vbscript" || s == "data" || s == "livescript" {
		return s
	}
	return ""
}

// checkXMLInert parses a feed or sitemap: it must be well formed, hold no
// script element or event handler, and link only with http(s) URLs.
func xmlProblems(data []byte) []string {
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return problems
		}
		if err != nil {
			errorf("not well-formed XML: %v", err)
			return problems
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(tok.Name.Local, "script") {
				errorf("<script> element")
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					errorf("event handler %s", a.Name.Local)
				}
				if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "https://") && !strings.HasPrefix(a.Value, "http://") {
					errorf("link %q is not an http(s) URL", a.Value)
				}
			}
			if tok.Name.Local == "loc" || tok.Name.Local == "id" {
				var text string
				if err := dec.DecodeElement(&text, &tok); err != nil {
					errorf("%v", err)
				} else if !strings.HasPrefix(text, "https://") && !strings.HasPrefix(text, "http://") {
					errorf("<%s>%s</%s> is not an http(s) URL", tok.Name.Local, text, tok.Name.Local)
				}
			}
		case xml.ProcInst:
			if tok.Target != "xml" {
				errorf("processing instruction %q", tok.Target)
			}
		}
	}
}

// checkJSONInert wants valid JSON that a page could not mistake for
// markup: no raw "<" (encoding/json writes it as \u003c).
func jsonProblems(data []byte) []string {
	var problems []string
	if !json.Valid(data) {
		problems = append(problems, "not valid JSON")
	}
	if i := bytes.IndexByte(data, '<'); i >= 0 {
		problems = append(problems, fmt.Sprintf("raw '<' in JSON: %.80q", data[i:]))
	}
	return problems
}

// TestInertCheckers makes sure the checks of TestEscaping can fail.
func TestInertCheckers(t *testing.T) {
	files := map[string][]byte{"site.js": []byte("x")}
	tests := []struct {
		name, kind, doc string
		bad             bool
	}{
		{"theme script", "html", `<script src="/cb/site.js" defer></script>`, false},
		{"escaped text", "html", `<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x javascript:x</p>`, false},
		{"inline script", "html", `<p><script>alert(1)</script>`, true},
		{"foreign script", "html", `<script src="https://evil.example/x.js"></script>`, true},
		{"event handler", "html", `<img src="/cb/a.png" onerror="alert(1)">`, true},
		{"javascript href", "html", `<a href="  JaVa&#x09;Script:alert(1)">x</a>`, true},
		{"entity colon", "html", `<a href="javascript&colon;alert(1)">x</a>`, true},
		{"vbscript", "html", `<a href=vbscript:x>x</a>`, true},
		{"data src", "html", `<img src="data:image/svg+xml,x">`, true},
		{"json data", "html", `<script type="application/ld+json">{"a":"\u003c"}</script>`, false},
		{"json with markup", "html", `<script type="application/ld+json">{"a":"<img onerror=x>"}</script>`, true},
		{"good feed", "xml", `<?xml version="1.0"?><feed><id>https://e.org/</id><link href="https://e.org/"/></feed>`, false},
		{"feed script", "xml", `<feed><script/></feed>`, true},
		{"feed javascript link", "xml", `<feed><link href="javascript:x"/></feed>`, true},
		{"broken xml", "xml", `<feed><title>a</feed>`, true},
		{"good json", "json", `{"t":"\u003cscript\u003e"}`, false},
		{"raw markup json", "json", `{"t":"<script>"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var problems []string
			switch tt.kind {
			case "html":
				problems = htmlProblems([]byte(tt.doc), "/cb/", files)
			case "xml":
				problems = xmlProblems([]byte(tt.doc))
			case "json":
				problems = jsonProblems([]byte(tt.doc))
			}
			if (len(problems) > 0) != tt.bad {
				t.Errorf("problems %q, want bad = %v", problems, tt.bad)
			}
		})
	}
}
