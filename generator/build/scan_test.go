package build_test

import (
	"bytes"
	"html"
	"strings"
	"testing"
)

// tag is a start tag found in HTML output, with its attribute values
// decoded the way a browser decodes them.
type tag struct {
	name  string
	attrs []attr
	// text is the raw content of a script or style element.
	text string
}

type attr struct{ name, value string }

// scanTags is a small HTML tokenizer, enough to find every start tag and
// attribute of casebook's output the way a browser would: comments,
// doctypes and end tags are skipped, attribute values may be quoted or not,
// and the content of script and style elements is raw text.
func scanTags(doc []byte) []tag {
	var tags []tag
	s := string(doc)
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return tags
		}
		s = s[i+1:]
		switch {
		case strings.HasPrefix(s, "!--"):
			end := strings.Index(s, "-->")
			if end < 0 {
				return tags
			}
			s = s[end+3:]
			continue
		case s[0] == '!' || s[0] == '/' || s[0] == '?':
			end := strings.IndexByte(s, '>')
			if end < 0 {
				return tags
			}
			s = s[end+1:]
			continue
		case !isASCIILetter(s[0]):
			continue
		}
		var t tag
		t, s = readTag(s)
		if t.name == "script" || t.name == "style" {
			end := strings.Index(strings.ToLower(s), "</"+t.name)
			if end < 0 {
				end = len(s)
			}
			t.text, s = s[:end], s[end:]
		}
		tags = append(tags, t)
	}
}

// readTag reads a tag name and its attributes from s, which starts just
// after "<", and returns the rest of s after the closing ">".
func readTag(s string) (tag, string) {
	n := 0
	for n < len(s) && !isSpace(s[n]) && s[n] != '>' && s[n] != '/' {
		n++
	}
	t := tag{name: strings.ToLower(s[:n])}
	s = s[n:]
	for {
		s = strings.TrimLeft(s, " \t\n\r\f/")
		if s == "" {
			return t, s
		}
		if s[0] == '>' {
			return t, s[1:]
		}
		n := 0
		for n < len(s) && !isSpace(s[n]) && s[n] != '>' && s[n] != '=' && (s[n] != '/' || n == 0) {
			n++
		}
		a := attr{name: strings.ToLower(s[:n])}
		s = strings.TrimLeft(s[n:], " \t\n\r\f")
		if strings.HasPrefix(s, "=") {
			s = strings.TrimLeft(s[1:], " \t\n\r\f")
			var raw string
			if s != "" && (s[0] == '"' || s[0] == '\'') {
				end := strings.IndexByte(s[1:], s[0])
				if end < 0 {
					end = len(s) - 1
				}
				raw, s = s[1:1+end], s[min(len(s), end+2):]
			} else {
				n := 0
				for n < len(s) && !isSpace(s[n]) && s[n] != '>' {
					n++
				}
				raw, s = s[:n], s[n:]
			}
			a.value = html.UnescapeString(raw)
		}
		t.attrs = append(t.attrs, a)
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool       { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func (t tag) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

func TestScanTags(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string // tags as name[attr=value ...], space separated
	}{
		{"plain", `<p class="a">x</p>`, "p[class=a]"},
		{"unquoted and entities", `<a href=/x?a=1&amp;b=2 title='it&#39;s'>`, "a[href=/x?a=1&b=2 title=it's]"},
		{"escaped text is not a tag", `&lt;script&gt;alert(1)&lt;/script&gt;`, ""},
		{"comment skipped", `<!-- <script> --><b>`, "b[]"},
		{"script content is text", `<script src="/a.js"></script><script>var a = "<img onerror=x>"</script><i>`, "script[src=/a.js] script[] i[]"},
		{"bare attribute and self closing", `<input disabled/><br/>`, "input[disabled=] br[]"},
		{"doctype", `<!DOCTYPE html><html lang=en>`, "html[lang=en]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tg := range scanTags([]byte(tt.doc)) {
				var attrs []string
				for _, a := range tg.attrs {
					attrs = append(attrs, a.name+"="+a.value)
				}
				got = append(got, tg.name+"["+strings.Join(attrs, " ")+"]")
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("scanTags(%q) = %q, want %q", tt.doc, g, tt.want)
			}
		})
	}
	if tags := scanTags(bytes.Repeat([]byte("<"), 3)); len(tags) != 0 {
		t.Errorf("scanTags of bare brackets found %v", tags)
	}
}
