package build_test

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/i18n"
)

// englishFragments returns the pieces of the built-in English strings
// that a page in another language must not show: each string split at
// its placeholders, keeping pieces of two words or more.
func englishFragments(t *testing.T) []string {
	t.Helper()
	data, err := fs.ReadFile(casebook.DefaultTheme(), "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, diags := i18n.Parse("i18n/en.toml", data)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	placeholder := regexp.MustCompile(`\{\d+\}`)
	var out []string
	add := func(text string) {
		for _, piece := range placeholder.Split(text, -1) {
			piece = strings.TrimSpace(strings.Trim(piece, " .,:;“”()"))
			if strings.Count(piece, " ") >= 1 && len(piece) >= 8 {
				out = append(out, piece)
			}
		}
	}
	for _, m := range f.Msgs {
		add(m.Text)
		for _, text := range m.Plural {
			add(text)
		}
	}
	return out
}

// TestWelshSite builds a site whose language is Welsh: every built-in
// string on every page is Welsh, dates included, and the site's own
// i18n/cy.toml replaces the theme's string.
func TestWelshSite(t *testing.T) {
	src := unpackFixture(t, "casebook")
	toml := filepath.Join(src, "site.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), `language = "en-GB"`, `language = "cy"`, 1))
	if !strings.Contains(string(data), `language = "cy"`) {
		t.Fatal("the fixture's site.toml has no language line to change")
	}
	writeFile(t, toml, string(data))
	writeFile(t, filepath.Join(src, "i18n", "cy.toml"), "[nav]\nsearch = \"Chwilio'r casgliad\"\n")
	res := buildOK(t, build.Options{Src: src, NoMinify: true})
	files := outputFiles(t, res.Out)
	fragments := englishFragments(t)
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		text := html.UnescapeString(string(data))
		for _, f := range fragments {
			if strings.Contains(text, f) {
				t.Errorf("%s shows the English %q", name, f)
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages built", pages)
	}
	story := html.UnescapeString(string(files["stories/summer-support/index.html"]))
	for _, want := range []string{`<html lang="cy">`, "Awst 2019", "munud o ddarllen", "Neidio i'r cynnwys", ">Chwilio'r casgliad<", `&#34;lang&#34;:&#34;cy&#34;`} {
		if want == `&#34;lang&#34;:&#34;cy&#34;` {
			if !strings.Contains(string(files["search/index.html"]), want) {
				t.Errorf("search/index.html gives the scripts no Welsh messages")
			}
			continue
		}
		if !strings.Contains(story, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
}
