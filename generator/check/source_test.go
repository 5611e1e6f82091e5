package check

import (
	"reflect"
	"testing"

	"github.com/casebook/casebook/generator/content"
)

// checkOne checks a story at x.md (front matter from line 2) with the
// test vocabulary.
func checkOne(t *testing.T, fields string) (*content.Collection, []string) {
	t.Helper()
	files := append(vocabularyFiles(t), file(t, "content/stories/x.md", story("principles: [systems]\nsectors: [nhs]\n"+fields)))
	files[len(files)-1].Path = "x.md"
	col, diags := Check(files, opts)
	var out []string
	for _, d := range diags.Sort() {
		out = append(out, d.String())
	}
	return col, out
}

// TestCheckSource decodes a story's source in each front matter shape and
// reports each problem at the value it concerns (the field starts on line
// 7 of x.md).
func TestCheckSource(t *testing.T) {
	tests := []struct {
		name  string
		field string
		want  *content.Source
		diags []string
	}{
		{"full", "source:\n  title: \"Report: \\\"quotes\\\", {braces}\"\n  authors: [A. Writer, B. Other]\n  year: 2019\n  doi: 10.1234/ab.c-1\n  url: https://example.org/r?a=1&b=2",
			&content.Source{Title: `Report: "quotes", {braces}`, Authors: []string{"A. Writer", "B. Other"}, Year: 2019, DOI: "10.1234/ab.c-1", URL: "https://example.org/r?a=1&b=2", Pos: content.Pos{Path: "x.md", Line: 8, Col: 3}}, nil},
		{"title only, flow map", "source: {title: A book}", &content.Source{Title: "A book", Pos: content.Pos{Path: "x.md", Line: 7, Col: 9}}, nil},
		{"one author as text", "source: {title: T, authors: Solo}", &content.Source{Title: "T", Authors: []string{"Solo"}, Pos: content.Pos{Path: "x.md", Line: 7, Col: 9}}, nil},
		{"doi with resolver is kept bare, with a warning", "source: {title: T, doi: \"https://doi.org/10.1000/xyz\"}",
			&content.Source{Title: "T", DOI: "10.1000/xyz", Pos: content.Pos{Path: "x.md", Line: 7, Col: 9}},
			[]string{"x.md:7:25: warning: write the source doi without the resolver, as 10.1000/xyz"}},
		{"text instead of keys", "source: A report", nil, []string{"x.md:7:9: error: source must be a set of keys"}},
		{"no title", "source: {year: 2019}", nil, []string{"x.md:7:9: error: source needs a title"}},
		{"empty title", "source: {title: \"\"}", nil, []string{"x.md:7:17: error: source title is empty"}},
		{"year not four digits", "source: {title: T, year: 19}", nil, []string{"x.md:7:26: error: source year must be a year of four digits"}},
		{"year as words", "source: {title: T, year: last year}", nil, []string{"x.md:7:26: error: source year"}},
		{"not a doi", "source: {title: T, doi: 1234/x}", nil, []string{"x.md:7:25: error: source doi \"1234/x\" is not a DOI"}},
		{"relative url", "source: {title: T, url: report.pdf}", nil, []string{"x.md:7:25: error: source url \"report.pdf\" is not a web address"}},
		{"script url", "source: {title: T, url: \"javascript:alert(1)\"}", nil, []string{"x.md:7:25: error: source url"}},
		{"unknown key", "source: {title: T, publisher: P}", &content.Source{Title: "T", Pos: content.Pos{Path: "x.md", Line: 7, Col: 9}},
			[]string{"x.md:7:20: warning: unknown front matter key \"publisher\""}},
		{"misspelt key", "source: {title: T, yaer: 2019}", &content.Source{Title: "T", Pos: content.Pos{Path: "x.md", Line: 7, Col: 9}},
			[]string{"x.md:7:20: warning: unknown front matter key \"yaer\" is ignored (did you mean \"year\"?)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col, diags := checkOne(t, tt.field)
			if len(diags) != len(tt.diags) {
				t.Fatalf("diagnostics %q, want %q", diags, tt.diags)
			}
			for i, w := range tt.diags {
				if len(diags[i]) < len(w) || diags[i][:len(w)] != w {
					t.Errorf("diagnostic %q, want it to start with %q", diags[i], w)
				}
			}
			if len(col.Stories) != 1 {
				t.Fatalf("story not kept")
			}
			if got := col.Stories[0].Source; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("source = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestCheckSourceFormats reads the same source from TOML and JSON front
// matter.
func TestCheckSourceFormats(t *testing.T) {
	want := &content.Source{Title: "T", Authors: []string{"A"}, Year: 2020, URL: "https://example.org/"}
	for name, src := range map[string]string{
		"toml": "+++\ntitle = \"A\"\nsummary = \"S.\"\ndate = \"2019-01-01\"\nprinciples = [\"systems\"]\nsectors = [\"nhs\"]\n[source]\ntitle = \"T\"\nauthors = [\"A\"]\nyear = 2020\nurl = \"https://example.org/\"\n+++\nBody.\n",
		"json": "{\n\"title\": \"A\", \"summary\": \"S.\", \"date\": \"2019-01-01\", \"principles\": [\"systems\"], \"sectors\": [\"nhs\"],\n\"source\": {\"title\": \"T\", \"authors\": [\"A\"], \"year\": 2020, \"url\": \"https://example.org/\"}\n}\nBody.\n",
	} {
		t.Run(name, func(t *testing.T) {
			files := append(vocabularyFiles(t), file(t, "content/stories/x.md", src))
			col, diags := Check(files, opts)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			got := col.Stories[0].Source
			if got == nil {
				t.Fatal("no source")
			}
			got.Pos = content.Pos{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("source = %+v, want %+v", got, want)
			}
		})
	}
}
