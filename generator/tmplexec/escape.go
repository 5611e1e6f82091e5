package tmplexec

import (
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escapers that html/template inserts into escaped templates, by the
// names it gives them, for the contexts casebook's themes use: element
// text, quoted attributes, URLs, and style elements given trusted CSS.
// Each gives what html/template's would (the tests compare them), or
// ErrUnsupported where it leaves the case to html/template. A template
// needing any other escaper is not compiled.
var escapers = map[string]func(val) (string, error){
	"_html_template_htmlescaper": func(v val) (string, error) {
		s, t, err := stringify(v)
		if err != nil || t == typeHTML {
			return s, err
		}
		return replaceHTML(s), nil
	},
	"_html_template_attrescaper": func(v val) (string, error) {
		s, t, err := stringify(v)
		if err != nil || t == typeHTML {
			return "", ErrUnsupported // html/template strips the tags
		}
		return replaceHTML(s), nil
	},
	"_html_template_rcdataescaper": func(v val) (string, error) {
		s, t, err := stringify(v)
		if err != nil || t == typeHTML {
			return "", ErrUnsupported
		}
		return replaceHTML(s), nil
	},
	"_html_template_urlfilter": func(v val) (string, error) {
		s, t, err := stringify(v)
		if err != nil || t == typeURL {
			return s, err
		}
		if !safeURL(s) {
			return "#ZgotmplZ", nil
		}
		return s, nil
	},
	"_html_template_urlnormalizer": func(v val) (string, error) { return processURL(v, true) },
	"_html_template_urlescaper":    func(v val) (string, error) { return processURL(v, false) },
	"_html_template_cssvaluefilter": func(v val) (string, error) {
		s, t, err := stringify(v)
		if err != nil || t != typeCSS {
			return "", ErrUnsupported
		}
		return s, nil
	},
	"_html_template_commentescaper": func(val) (string, error) { return "", nil },
}

// contentType is the kind of content a value claims to be, by its type.
type contentType uint8

const (
	typePlain contentType = iota
	typeHTML
	typeURL
	typeCSS
	typeOther
)

var (
	stringType = reflect.TypeFor[string]()
	trusted    = map[reflect.Type]contentType{
		reflect.TypeFor[template.HTML]():     typeHTML,
		reflect.TypeFor[template.URL]():      typeURL,
		reflect.TypeFor[template.CSS]():      typeCSS,
		reflect.TypeFor[template.HTMLAttr](): typeOther,
		reflect.TypeFor[template.JS]():       typeOther,
		reflect.TypeFor[template.JSStr]():    typeOther,
		reflect.TypeFor[template.Srcset]():   typeOther,
	}
)

// stringify is html/template's: the text of a value and the content its
// type claims. Only strings, html/template's content types, integers and
// booleans are handled; anything else (whose text fmt would make) is left
// to html/template.
func stringify(v val) (string, contentType, error) {
	if v.str {
		return v.s, typePlain, nil
	}
	rv := v.rv
	for rv.IsValid() && (rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer) {
		if rv.IsNil() {
			return "", 0, ErrUnsupported
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return "", 0, ErrUnsupported
	}
	t := rv.Type()
	if t == stringType {
		return rv.String(), typePlain, nil
	}
	if c, ok := trusted[t]; ok {
		if c == typeOther {
			return "", 0, ErrUnsupported
		}
		return rv.String(), c, nil
	}
	if t.NumMethod() != 0 {
		return "", 0, ErrUnsupported // fmt would call String or Error
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), typePlain, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), typePlain, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10), typePlain, nil
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), typePlain, nil
	}
	return "", 0, ErrUnsupported
}

// htmlReplacement is what html/template writes for the characters it
// escapes in text and quoted attributes.
var htmlReplacement = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// replaceHTML escapes s for HTML text or a quoted attribute. Bytes that
// are not valid UTF-8 are kept as they are, as html/template keeps them.
func replaceHTML(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if int(c) < len(htmlReplacement) && htmlReplacement[c] != "" {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		// Every escaped character is ASCII; a byte of a multi-byte
		// character is never below utf8.RuneSelf.
		if c < utf8.RuneSelf && int(c) < len(htmlReplacement) && htmlReplacement[c] != "" {
			b.WriteString(htmlReplacement[c])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// safeURL reports whether s has no scheme, or http, https or mailto.
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

const hexDigits = "0123456789abcdef"

// processURL percent-encodes what may not stand in a URL; normalizing
// keeps the characters that have a meaning in one, and any %-escape.
func processURL(v val, normalize bool) (string, error) {
	s, t, err := stringify(v)
	if err != nil {
		return "", err
	}
	if t == typeURL {
		normalize = true
	}
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case c == '-' || c == '.' || c == '_' || c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0 && normalize:
			continue
		case c == '%' && normalize && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue // an escape already
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
		written = i + 1
	}
	if written == 0 {
		return s, nil
	}
	b.WriteString(s[written:])
	return b.String(), nil
}
