package minify

import (
	"bytes"
	"strings"
	"testing"
)

// TestMinify checks Minify against the library's own reader-based call,
// and that it neither changes its input nor loses what dst held.
func TestMinify(t *testing.T) {
	tests := []struct {
		name, path, src string
	}{
		{"html with inline svg, style and script", "a/index.html", `<!DOCTYPE html>
<html lang="en"><head><title> A  page </title><style> body { color : red ; } </style></head>
<body><p class="x">Some   text &amp; more</p>
<svg class="mark" focusable="false"><use href="#m-systems"/></svg>
<script> var  a = 1 ; </script>
</body></html>`},
		{"css", "style.css", "body {\n  margin : 0 ;\n}\n"},
		{"js", "site.js", "function f ( a ) {\n  return a + 1 ;\n}\n"},
		{"xml", "feed.xml", "<?xml version=\"1.0\"?>\n<feed>\n  <title> T </title>\n</feed>\n"},
		{"json", "search/index.json", "{ \"a\" : [ 1, 2 ] }\n"},
		{"svg file", "icon.svg", `<svg xmlns="http://www.w3.org/2000/svg"  viewBox="0 0 10 10"> <rect width="10" height="10"/> </svg>`},
		{"unknown type", "robots.txt", "User-agent: *\n\nAllow: /\n"},
		{"empty html", "empty.html", ""},
		{"long html", "long.html", "<p>" + strings.Repeat("word  ", 5000) + "</p>"},
	}
	m := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.src
			if mt, ok := mediaTypes[pathExt(tt.path)]; ok {
				var buf bytes.Buffer
				lib := m.m
				if mt == "image/svg+xml" {
					lib = m.svg
				}
				if err := lib.Minify(mt, &buf, strings.NewReader(tt.src)); err != nil {
					t.Fatal(err)
				}
				want = buf.String()
			}
			data := []byte(tt.src)
			for round := range 3 { // the second and third reuse pooled buffers
				got := m.Minify([]byte("kept:"), tt.path, data)
				if string(got) != "kept:"+want {
					t.Fatalf("round %d: Minify = %q, want %q", round, got, "kept:"+want)
				}
				if string(data) != tt.src {
					t.Fatalf("round %d: Minify changed its input to %q", round, data)
				}
			}
		})
	}
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i:]
	}
	return ""
}

// TestInlineSVGKept checks that inline SVG in a page is left as written
// while .svg files are minified.
func TestInlineSVGKept(t *testing.T) {
	m := New()
	inline := `<svg class="mark"  focusable="false"><use href="#m"/></svg>`
	page := string(m.Minify(nil, "a.html", []byte("<p>x</p>"+inline)))
	if !strings.Contains(page, inline) {
		t.Errorf("inline SVG changed: %s", page)
	}
	file := string(m.Minify(nil, "a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"  viewBox="0 0 10 10"> <rect width="10" height="10"/> </svg>`)))
	if strings.Contains(file, "  ") || strings.Contains(file, "> <") {
		t.Errorf(".svg file not minified: %s", file)
	}
}

// TestTemplate minifies the text of a Go template and keeps its actions,
// and the attributes and scripts holding one, as they are.
func TestTemplate(t *testing.T) {
	src := "<ul>\n  {{range .}}\n  <li class=\" a  b \"{{if .C}} aria-current=\"page\"{{end}}>{{.T}}  ·  x</li>\n  {{end}}\n</ul>\n<script>var a = {{.J}} ;</script>\n<style> p { color : red } </style>"
	want := "<ul>{{range .}}<li class=\" a  b \"{{if .C}} aria-current=\"page\"{{end}}>{{.T}} · x</li>{{end}}</ul><script>var a = {{.J}} ;</script><style>p{color:red}</style>"
	got, err := New().Template([]byte(src))
	if err != nil || string(got) != want {
		t.Errorf("Template =\n%q, %v\nwant\n%q", got, err, want)
	}
	if _, err := New().Template([]byte("<p>" + strings.Repeat("&amp;", 1<<15) + strings.Repeat("x", 1<<14) + "</p>")); err == nil {
		t.Error("a template too costly to minify was minified")
	}
}

// TestJSONNumbersKept checks that minifying JSON leaves numbers as they
// were written: the JSON minifier on its own writes 2000 as 2e3, which
// programs that read stories.json into integers refuse.
func TestJSONNumbersKept(t *testing.T) {
	in := []byte("{\n  \"year\": 2000,\n  \"words\": [10000, 0.50, -0.5, 120]\n}\n")
	got := string(New().Minify(nil, "stories.json", in))
	if want := `{"year":2000,"words":[10000,0.50,-0.5,120]}`; got != want {
		t.Errorf("minified JSON\n got %s\nwant %s", got, want)
	}
}
