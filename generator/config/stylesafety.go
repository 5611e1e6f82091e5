package config

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/casebook/casebook/generator/diag"
)

// A site's logo and extra stylesheet are contributor files served from
// the site's own origin: an SVG opened on its own runs its scripts there,
// and a stylesheet can make every reader's browser call another site.
// Both are refused, at their position.

// svgForbidden are the SVG elements that run script or embed other
// documents.
var svgForbidden = map[string]bool{"script": true, "foreignobject": true, "iframe": true, "object": true,
	"embed": true, "handler": true, "listener": true}

// unsafeSVG says what in data makes it unfit as a logo ("contains a
// <script> element"), or "" when it is a plain drawing.
func unsafeSVG(data []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	root := true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return "is not an SVG drawing"
			}
			return ""
		}
		if err != nil {
			return "is not a valid SVG file (" + err.Error() + ")"
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root && name != "svg" {
				return "is not an SVG drawing: its first element is <" + t.Name.Local + ">"
			}
			root = false
			if svgForbidden[name] {
				return "contains a <" + t.Name.Local + "> element"
			}
			for _, a := range t.Attr {
				attr := strings.ToLower(a.Name.Local)
				value := strings.ToLower(strings.TrimSpace(a.Value))
				switch {
				case strings.HasPrefix(attr, "on"):
					return "has an event handler (" + a.Name.Local + ")"
				case (attr == "href" || attr == "src") && !strings.HasPrefix(value, "#") && !strings.HasPrefix(value, "data:image/"):
					return "links to " + a.Value
				case (name == "set" || name == "animate") && attr == "attributename" && strings.HasSuffix(value, "href"):
					return "animates a link"
				case attr == "style" && foreignURL.MatchString(value):
					return "loads " + foreignURL.FindString(value)
				}
			}
		case xml.CharData:
			if foreignURL.Match(t) {
				return "loads " + string(foreignURL.Find(t))
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return "declares entities"
			}
		}
	}
}

// foreignURL matches CSS that fetches something from another site:
// @import of any kind, or url() with a scheme or a network path.
var foreignURL = regexp.MustCompile(`(?i)@import\b[^;]*|url\(\s*['"]?\s*([a-z][a-z0-9+.-]*:|//)[^)]*\)`)

// foreignCSS reports every place in the stylesheet css (the file name)
// that fetches from another site, at its line and column. data: URLs and
// paths on the site itself are accepted.
func foreignCSS(name string, css []byte) diag.List {
	var diags diag.List
	for _, m := range foreignURL.FindAllIndex(css, 100) {
		text := string(css[m[0]:m[1]])
		if strings.HasPrefix(strings.ToLower(strings.Trim(strings.TrimPrefix(strings.ToLower(text), "url("), ` '"`)), "data:") {
			continue
		}
		line := 1 + bytes.Count(css[:m[0]], []byte("\n"))
		col := 1 + m[0] - (bytes.LastIndexByte(css[:m[0]], '\n') + 1)
		diags.Errorf(name, line, col, "%s fetches from another site or file; a casebook makes no requests beyond its own pages: copy what it needs into the site and use a relative url(), or a data: URL", truncate(text, 60))
	}
	return diags
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
