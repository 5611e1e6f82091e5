package tmplexec

import (
	"html/template"
	"testing"
)

// escapeContexts put a value where each escaper tmplexec implements is
// used.
var escapeContexts = []string{
	`<p>{{.}}</p>`,
	`<p title="{{.}}">x</p>`,
	`<p title='{{.}}'>x</p>`,
	`<a href="{{.}}">x</a>`,
	`<a href="/path/{{.}}">x</a>`,
	`<a href="/path?q={{.}}">x</a>`,
	`<img src="{{.}}" alt="">`,
	`<textarea>{{.}}</textarea>`,
	`<title>{{.}}</title>`,
}

func checkEscapes(t *testing.T, s string) {
	t.Helper()
	for _, v := range []any{s, template.HTML(s), template.URL(s), template.CSS(s)} {
		for _, src := range escapeContexts {
			native, fast, err := both(src, v)
			if err == ErrUnsupported {
				continue
			}
			if err != nil {
				t.Fatalf("%q in %q: %v", s, src, err)
			}
			if native != fast {
				t.Fatalf("%q (%T) in %q:\nhtml/template: %q\ntmplexec:      %q", s, v, src, native, fast)
			}
		}
	}
}

func TestEscapersMatch(t *testing.T) {
	for _, s := range []string{
		"", "plain", `<b>"quoted" & 'single'</b>`, "a+b=c", "\x00nul", "ü é 漢字", "\xff\xfe bad", "%41%zz%4", "%", "a%2",
		"javascript:alert(1)", "JavaScript:x", "HTTPS://ok", "mailto:a@b", "data:text/html,x", "/rel:ative", "?q=a b&c=d#f",
		"!#$&*+,/:;=?@[]", "-._~", "(x) 'y' `z`", "\t\n\r\f ", "\uFDD0\uFFFE",
	} {
		checkEscapes(t, s)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"<a&b>", "http://x/?a=1&b=%zz", "\x00\xff", "javascript:x"} {
		f.Add(s)
	}
	f.Fuzz(checkEscapes)
}
