package tmplexec

import (
	"bytes"
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

type inner struct {
	Name string
	Tags []string
}

func (i *inner) Upper() string        { return strings.ToUpper(i.Name) }
func (i inner) Greet(s string) string { return "hi " + s + " " + i.Name }

type data struct {
	*inner
	Title   string
	Body    template.HTML
	Link    string
	Safe    template.URL
	Style   template.CSS
	N       int
	Zero    int
	On      bool
	When    time.Time
	List    []*inner
	Empty   []string
	Map     map[string]string
	Any     any
	Nil     *inner
	Kind    kind
	private string
}

type kind string

var testFuncs = template.FuncMap{
	"shout":  strings.ToUpper,
	"count":  func(n int) string { return strings.Repeat("*", n) },
	"iso":    func(t time.Time) string { return t.Format(time.DateOnly) },
	"join":   func(l []string) string { return strings.Join(l, ", ") },
	"tr":     func(k string, args ...any) (string, error) { return k + ":" + strings.Repeat("x", len(args)), nil },
	"fail":   func() (string, error) { return "", errors.New("no") },
	"pair":   func(a, b string) string { return a + "/" + b },
	"anyone": func(v any) string { return reflect.TypeOf(v).String() },
	"get":    func(v any, n int) (reflect.Value, error) { return reflect.ValueOf(n * 2), nil },
	"trust":  func(s string) template.HTML { return template.HTML(s) },
}

var sample = data{
	inner: &inner{Name: "Ann & <Bo>", Tags: []string{"a", "b'c"}},
	Title: `Tom's "quoted" <title> + & more`, Body: "<p>body & soul</p>",
	Link: "https://example.org/a b?q=1&r=ü#frag", Safe: "javascript:ok()", Style: "color: red",
	N: 3, On: true, When: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
	List:  []*inner{{Name: "one"}, {Name: "two", Tags: []string{"x"}}, {Name: "three"}},
	Map:   map[string]string{"k": "v<"},
	Any:   "boxed",
	Kind:  "home",
	Empty: nil,
}

// templates run with both executors; each must give html/template's
// output, or ErrUnsupported.
var templates = []string{
	`<p>{{.Title}}</p><p title="{{.Title}}">{{.Body}}</p>`,
	`<a href="{{.Link}}">{{.Name}}</a><a href="/t/{{.Name}}">x</a><a href="{{.Safe}}">s</a><a href="javascript:{{.N}}">j</a>`,
	`<a href="https://x.org/?q={{.Title}}">q</a><a href="mailto:{{.Name}}">m</a><img src="{{.Link}}" alt="">`,
	`<style>{{.Style}}</style>{{.Style}}`,
	`{{if .On}}on{{else}}off{{end}}{{if .Zero}}z{{else if .N}}n{{end}}{{with .Empty}}e{{else}}none{{end}}`,
	`{{range $i, $x := .List}}{{if $i}}, {{end}}{{$x.Name}}{{$x.Upper}}{{end}}{{range .Empty}}x{{else}}empty{{end}}`,
	`{{range .List}}{{if eq .Name "two"}}{{break}}{{end}}{{.Name}}{{end}}|{{range .List}}{{if ne .Name "two"}}{{continue}}{{end}}{{.Name}}{{end}}`,
	`{{$t := .Title}}{{$t}}{{$t = "changed"}}{{$t}}{{with .List}}{{$.Title}}{{len .}}{{end}}`,
	`{{shout .Name}} {{count .N}} {{iso .When}} {{join .Tags}} {{tr "key" 1 .N}} {{pair "a" .Name}}`,
	`{{.Name | shout}} {{.Title | printf "%s!"}} {{print .N .On}} {{println .Name}}`,
	`{{and .On .N}} {{or .Zero .Title}} {{not .On}} {{and .Zero .Missing}} {{or .N}}`,
	`{{len .Title}} {{len .List}} {{index .List 1 | printf "%v"}} {{(index .List 1).Name}} {{index .Map "k"}}`,
	`{{eq .N 3}} {{eq .N 1 2 3}} {{lt .N 4}} {{ge .N 4}} {{eq .Kind "home"}} {{eq .On true}}`,
	`{{.Map.k}} {{.Map.missing}} {{.Any}} {{anyone .Any}} {{anyone .N}} {{get . 4}}`,
	`{{define "item"}}<li>{{.Name}}</li>{{end}}<ul>{{range .List}}{{template "item" .}}{{end}}</ul>{{template "none"}}`,
	`{{define "none"}}[{{.}}]{{end}}{{block "b" .}}{{.N}}{{end}}`,
	`{{.Greet "you"}} {{.inner.Name}}`,
	`{{trust "<b>bold</b>"}} <p title="{{trust "<b>x</b>"}}">t</p>`,
	`{{fail}}`,
	`{{.Nil.Name}}`,
	`{{.private}}`,
	`{{range .N}}{{.}}{{end}}`,
	`{{.When}}`,
	`<!-- {{.Title}} --><p data-x="{{.N}}" class="{{.Kind}}">{{.On}}</p>`,
	`<script>var x = {{.Title}};</script>`,
	`<p>{{html .Title}} {{urlquery .Link}} {{js .Title}}</p>`,
	`{{/* a comment */}}{{- .Title -}} {{"lit" | shout}} {{1}} {{true}}`,
	`{{.Greet "you"}}|{{.Upper}}|{{.Map.k}}|{{.Any}}|{{anyone .Any}}|{{anyone .N}}|{{get . 4}}`,
	`{{.Map.missing}}`,
	`{{with .Nil}}x{{else}}{{.N}}{{end}}{{range $x := .List}}{{$x.Name}}{{end}}{{len .Empty}}{{index .Tags 0}}`,
	"<p>\x00{{\"nul\\x00 and ü & é\\xff\"}}</p>",
}

func TestMatchesHTMLTemplate(t *testing.T) {
	compiled := 0
	for i, src := range templates {
		for _, d := range []any{sample, &sample, nil} {
			native, fast, err := both(src, d)
			if errors.Is(err, ErrUnsupported) {
				continue
			}
			if err != nil {
				t.Errorf("template %d (%q): %v", i, src, err)
				continue
			}
			compiled++
			if fast != native {
				t.Errorf("template %d (%q) with %T:\nhtml/template: %q\ntmplexec:      %q", i, src, d, native, fast)
			}
		}
	}
	if compiled < len(templates) {
		t.Errorf("only %d of %d runs were executed by tmplexec", compiled, 3*len(templates))
	}
}

// both executes src on d with html/template and, once it has escaped it,
// with tmplexec. A template html/template fails on must give
// ErrUnsupported.
func both(src string, d any) (native, fast string, err error) {
	tm, err := template.New("t").Funcs(testFuncs).Parse(src)
	if err != nil {
		return "", "", err
	}
	// Compile takes a template html/template has executed, and so escaped.
	if err := tm.Execute(new(bytes.Buffer), sample); err != nil && !strings.Contains(err.Error(), "error calling") {
		return "", "", ErrUnsupported
	}
	var a bytes.Buffer
	nerr := tm.Execute(&a, d)
	p, err := Compile(tm, "t", testFuncs)
	if err != nil {
		return "", "", err
	}
	var b bytes.Buffer
	ferr := p.Execute(&b, d)
	switch {
	case nerr != nil && ferr == nil:
		return "", "", errors.New("html/template failed with " + nerr.Error() + " where tmplexec gave " + b.String())
	case ferr != nil:
		return "", "", ferr
	}
	return a.String(), b.String(), nil
}
