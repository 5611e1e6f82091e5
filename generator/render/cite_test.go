package render

import (
	"fmt"
	"html"
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
)

// hostile is a value with everything that could end a field, an entry, a
// tag or an attribute in one of the citation formats.
const hostile = "A \"quoted\", {braced} } title\nER  - with\r\nTY  - lines \\ % & $ # _ ^ ~ <script>alert(1)</script>"

// oneLine is hostile as the formats keep it: line breaks become spaces.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ").Replace(hostile)

func citeSite(t *testing.T) map[string]string {
	t.Helper()
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	site := testSiteWith(t, func(col *content.Collection) {
		s := col.Stories[1]
		s.Title, s.Summary = hostile, hostile
		s.Authors = []string{"Police and Fire", hostile}
		s.Source = &content.Source{Title: hostile, Authors: []string{"B. Writer"}, Year: 2018, DOI: "10.1234/a{b}c", URL: "https://example.org/r?a=1&b={2}"}
	})
	return renderAll(t, site, th)
}

// bibEntry is one parsed BibTeX entry.
type bibEntry struct {
	kind, key string
	fields    map[string]string
}

// parseBibTeX reads entries of the form @kind{key, name = {value}, …}
// with braces nested in values, as BibTeX does, and undoes the escapes
// writeBibTeX makes. It fails on anything it does not expect.
func parseBibTeX(src string) ([]bibEntry, error) {
	var out []bibEntry
	i := 0
	skip := func() {
		for i < len(src) && strings.ContainsRune(" \t\r\n", rune(src[i])) {
			i++
		}
	}
	word := func(stop string) string {
		start := i
		for i < len(src) && !strings.ContainsRune(stop, rune(src[i])) {
			i++
		}
		return strings.TrimSpace(src[start:i])
	}
	for skip(); i < len(src); skip() {
		if src[i] != '@' {
			return nil, fmt.Errorf("at %d: want @, got %q", i, src[i:])
		}
		i++
		e := bibEntry{kind: word("{"), fields: map[string]string{}}
		i++
		e.key = word(",")
		i++
		for skip(); i < len(src) && src[i] != '}'; skip() {
			name := word("=")
			i++
			skip()
			if i >= len(src) || src[i] != '{' {
				return nil, fmt.Errorf("field %s: value not in braces", name)
			}
			depth, start := 0, i+1
			for ; i < len(src); i++ {
				if src[i] == '\\' {
					i++
					continue
				}
				if src[i] == '{' {
					depth++
				} else if src[i] == '}' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("field %s: braces not closed", name)
			}
			e.fields[name] = src[start:i]
			i++
			skip()
			if i < len(src) && src[i] == ',' {
				i++
			}
		}
		i++
		out = append(out, e)
	}
	return out, nil
}

var bibUnescape = strings.NewReplacer(`\textbackslash{}`, `\`, `\{`, `{`, `\}`, `}`, `\%`, `%`, `\&`, `&`, `\$`, `$`,
	`\#`, `#`, `\_`, `_`, `\^{}`, `^`, `\~{}`, `~`)

func TestCiteBibTeX(t *testing.T) {
	files := citeSite(t)
	entries, err := parseBibTeX(files["stories/old/cite.bib"])
	if err != nil {
		t.Fatalf("%v\n%s", err, files["stories/old/cite.bib"])
	}
	if len(entries) != 2 {
		t.Fatalf("%d entries, want the story and its source:\n%s", len(entries), files["stories/old/cite.bib"])
	}
	story, source := entries[0], entries[1]
	checks := []struct{ name, got, want string }{
		{"kind", story.kind, "misc"},
		{"key", story.key, "old"},
		{"title", bibUnescape.Replace(strings.TrimSuffix(strings.TrimPrefix(story.fields["title"], "{"), "}")), oneLine},
		{"authors", story.fields["author"], "{Police and Fire} and {" + bibEscape(oneLine) + "}"},
		{"year", story.fields["year"], "2019"},
		{"date", story.fields["date"], "2019-01-01"},
		{"url", story.fields["url"], "https://example.org/cb/stories/old/"},
		{"organization", bibUnescape.Replace(story.fields["organization"]), "T & <Co>"},
		{"related", story.fields["related"], "old-source"},
		{"source key", source.key, "old-source"},
		{"source title", bibUnescape.Replace(strings.Trim(source.fields["title"], "{}")), oneLine},
		{"source year", source.fields["year"], "2018"},
		{"source doi", source.fields["doi"], "10.1234/a%7Bb%7Dc"},
		{"source url", source.fields["url"], "https://example.org/r?a=1&b=%7B2%7D"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	// The new story names no authors: the site is its author.
	entries, err = parseBibTeX(files["stories/new/cite.bib"])
	if err != nil || len(entries) != 1 {
		t.Fatalf("new: %v, %d entries", err, len(entries))
	}
	if got := entries[0].fields["author"]; got != `{T \& <Co>}` {
		t.Errorf("author of a story without authors = %q", got)
	}
}

// parseRIS reads RIS records, one "XX  - value" tag a line, and fails on
// any other line.
func parseRIS(src string) ([][][2]string, error) {
	var records [][][2]string
	var cur [][2]string
	for n, line := range strings.Split(strings.TrimSuffix(src, "\r\n"), "\r\n") {
		if line == "" && cur == nil {
			continue
		}
		if len(line) < 6 || line[2:6] != "  - " {
			return nil, fmt.Errorf("line %d is no tag: %q", n+1, line)
		}
		if strings.ContainsAny(line, "\r\n") {
			return nil, fmt.Errorf("line %d holds a line break", n+1)
		}
		cur = append(cur, [2]string{line[:2], line[6:]})
		if line[:2] == "ER" {
			records, cur = append(records, cur), nil
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("record not ended by ER")
	}
	return records, nil
}

func TestCiteRIS(t *testing.T) {
	files := citeSite(t)
	records, err := parseRIS(files["stories/old/cite.ris"])
	if err != nil {
		t.Fatalf("%v\n%q", err, files["stories/old/cite.ris"])
	}
	if len(records) != 2 {
		t.Fatalf("%d records, want 2", len(records))
	}
	got := map[string][]string{}
	for _, tag := range records[0] {
		got[tag[0]] = append(got[tag[0]], tag[1])
	}
	want := map[string][]string{
		"TY": {"ELEC"}, "AU": {"Police and Fire", oneLine}, "TI": {oneLine}, "PY": {"2019"}, "DA": {"2019/01/01"},
		"PB": {"T & <Co>"}, "AB": {oneLine}, "UR": {"https://example.org/cb/stories/old/"}, "ID": {"old"}, "ER": {""},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("story record:\n%v\nwant\n%v", got, want)
	}
	src := fmt.Sprint(records[1])
	for _, w := range []string{"[TY GEN]", "[AU B. Writer]", "[PY 2018]", "[DO 10.1234/a{b}c]", "[UR https://example.org/r?a=1&b={2}]"} {
		if !strings.Contains(src, w) {
			t.Errorf("source record %s lacks %s", src, w)
		}
	}
}

// TestCitePage checks the story page: the plain-text citation, the links
// to the files and the citation_* meta tags, all escaped.
func TestCitePage(t *testing.T) {
	files := citeSite(t)
	page := files["stories/old/index.html"]
	esc := html.EscapeString(hostile)
	for _, want := range []string{
		`<h2 id="cite-heading">Cite this story</h2>`,
		`<a href="/cb/stories/old/cite.bib" download>BibTeX</a>`,
		`<a href="/cb/stories/old/cite.ris" download>RIS</a>`,
		`<meta name="citation_title" content="` + esc + `">`,
		`<meta name="citation_author" content="Police and Fire">`,
		`<meta name="citation_author" content="` + esc + `">`,
		`<meta name="citation_publication_date" content="2019/01/01">`,
		`<meta name="citation_public_url" content="https://example.org/cb/stories/old/">`,
		`(2019). <cite>` + esc + `</cite>. T &amp; &lt;Co&gt;. https://example.org/cb/stories/old/</p>`,
		`B. Writer (2018). <cite>` + esc + `</cite>. https://doi.org/10.1234/a{b}c</p>`,
	} {
		if !strings.Contains(page, strings.ReplaceAll(want, "&#34;", "&#34;")) {
			t.Errorf("story page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("a hostile value reached the page unescaped")
	}
	if !strings.Contains(files["stories/new/index.html"], `<meta name="citation_author" content="T &amp; &lt;Co&gt;">`) {
		t.Error("a story without authors is not cited with the site as author")
	}
}
