package build_test

import (
	"errors"
	"fmt"
	stdhtml "html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// themeScript is the only script element a page may hold: the theme's
// own, by address.
var themeScript = regexp.MustCompile(`^/[a-z0-9/.-]*\.js$`)

// activeContent describes the first active content in a page, feed or
// image of out that the theme did not put there, or returns "": a script
// element other than the theme's, an event handler attribute, an element
// that runs or embeds a document, or a javascript: or data: address.
func activeContent(out string) string {
	var found string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == out {
			return filepath.SkipAll // the build refused the site
		}
		if err != nil || d.IsDir() || found != "" {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".xml", ".svg":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if what := activeIn(data); what != "" {
			found = p + " holds " + what
		}
		return nil
	})
	if err != nil {
		return err.Error()
	}
	return found
}

// activeIn describes the first active content of one document, or "".
func activeIn(data []byte) string {
	l := html.NewLexer(parse.NewInputBytes(data))
	tag, src := "", ""
	for {
		tt, text := l.Next()
		switch tt {
		case html.ErrorToken:
			if err := l.Err(); err != io.EOF {
				return err.Error()
			}
			return ""
		case html.SVGToken, html.MathToken, html.XMLToken:
			// The lexer hands SVG and MathML over whole: look inside,
			// the outer element renamed so that it is not handed over again.
			name := 1
			for name < len(text) && text[name] >= 'A' && text[name] != '>' {
				name++
			}
			if what := activeIn(append([]byte("<g"), text[name:]...)); what != "" {
				return what
			}
		case html.StartTagToken:
			tag, src = strings.ToLower(string(l.Text())), ""
			switch tag {
			case "iframe", "object", "embed", "frame", "base":
				return "<" + tag + ">"
			}
		case html.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := string(l.AttrVal())
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') {
				val = val[1 : len(val)-1]
			}
			val = strings.ToLower(strings.Join(strings.Fields(stdhtml.UnescapeString(val)), ""))
			switch {
			case strings.HasPrefix(key, "on"):
				return fmt.Sprintf("<%s %s=…>", tag, key)
			case key == "href" || key == "src" || key == "action" || key == "formaction" || key == "xlink:href" || key == "poster":
				if strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:text/html") {
					return fmt.Sprintf("<%s %s=%q>", tag, key, val)
				}
				if tag == "script" && key == "src" {
					src = val
				}
			}
		case html.StartTagCloseToken:
			if tag == "script" && !themeScript.MatchString(src) {
				return fmt.Sprintf("<script src=%q>", src)
			}
		}
	}
}

// TestActiveIn holds the fuzzer's check to finding what it looks for, and
// to passing the theme's own script and escaped or quoted text.
func TestActiveIn(t *testing.T) {
	for doc, want := range map[string]bool{
		`<p>&lt;script>alert(1)&lt;/script></p><script src="/site.js" defer></script>`: false,
		`<meta content="<img src=x onerror=alert(1)>"><a href="/stories/x/">x</a>`:     false,
		`<title>&lt;/title&gt;&lt;script&gt;</title><summary>a onload=b</summary>`:     false,
		`<script>alert(1)</script>`:                         true,
		`<script src="https://evil.example/x.js"></script>`: true,
		`<img src=x onerror=alert(1)>`:                      true,
		`<svg><g ONLOAD="x"/></svg>`:                        true,
		`<a href=" jav&#x61;script:alert(1)">x</a>`:         true,
		`<iframe srcdoc="x"></iframe>`:                      true,
		`<a href="data:text/html,x">x</a>`:                  true,
	} {
		if got := activeIn([]byte(doc)) != ""; got != want {
			t.Errorf("activeIn(%s) found active content: %v, want %v", doc, got, want)
		}
	}
}
