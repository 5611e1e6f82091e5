package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/minify"
)

// TestExportRowsMatchWholeEncoding checks that stories.json and
// stories.csv pieced together from one row a story are byte for byte what
// one JSON encoder, or one CSV writer, given the whole export gives
// (wholeJSON, wholeCSV): hostile text, no source or no update, and no
// story at all.
func TestExportRowsMatchWholeEncoding(t *testing.T) {
	full := testSiteWith(t, func(col *content.Collection) {
		s := col.Stories[1]
		s.Title, s.Summary, s.Place = hostile+" \u2028 é <b>&amp;", "line\nbreak \"q\", \t tab", "=cmd()"
		s.Partners = []string{"Police; Fire", hostile}
		s.Source = &content.Source{Title: hostile, Authors: []string{"X, Y"}, Year: 2000, URL: "https://example.org/?a=1&b=<2>"}
	})
	empty := testSiteWith(t, func(col *content.Collection) { col.Stories = nil })
	direct := func(_ string, _ *link.Story, make func() ([]byte, error)) ([]byte, error) { return make() }
	for _, f := range []struct {
		name   string
		pieced func(*bytes.Buffer, *link.Site, rowFunc) error
		whole  func(*bytes.Buffer, *link.Site) error
	}{{"stories.json", indented(writeJSON), wholeJSON(false)}, {"stories.json, compact", compactJSON, wholeJSON(true)},
		{"stories.csv", writeCSV, wholeCSV}} {
		for name, site := range map[string]*link.Site{"stories": full, "none": empty} {
			var got, want bytes.Buffer
			if err := f.pieced(&got, site, direct); err != nil {
				t.Fatal(err)
			}
			if err := f.whole(&want, site); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, %s:\n%q\nwant\n%q", f.name, name, got.String(), want.String())
			}
		}
	}
}

func indented(write func(*bytes.Buffer, *link.Site, rowFunc, bool) error) func(*bytes.Buffer, *link.Site, rowFunc) error {
	return func(buf *bytes.Buffer, site *link.Site, row rowFunc) error { return write(buf, site, row, false) }
}

func compactJSON(buf *bytes.Buffer, site *link.Site, row rowFunc) error {
	return writeJSON(buf, site, row, true)
}

// wholeJSON encodes stories.json in one go, compact as json.Compact
// makes it or indented.
func wholeJSON(compact bool) func(*bytes.Buffer, *link.Site) error {
	return func(buf *bytes.Buffer, site *link.Site) error {
		e := exportHead(site.Config)
		for _, s := range exported(site) {
			e.Stories = append(e.Stories, exportedStoryOf(site.Config, s))
		}
		var whole bytes.Buffer
		if err := encodeExport(&whole, e, false); err != nil {
			return err
		}
		if compact {
			return json.Compact(buf, whole.Bytes())
		}
		_, err := buf.Write(whole.Bytes())
		return err
	}
}

// TestCompactExportIsMinified checks what Renderer.Compact claims of
// stories.json: written compact, it is byte for byte the indented file
// minified, so a build may leave it as it is.
func TestCompactExportIsMinified(t *testing.T) {
	site := testSiteWith(t, func(col *content.Collection) {
		s := col.Stories[1]
		s.Title, s.Summary = hostile+" \u2028 é <b>&amp; 1e3", "  spaced  \t out  "
		s.Source = &content.Source{Title: "t", Year: 2000}
	})
	direct := func(_ string, _ *link.Story, make func() ([]byte, error)) ([]byte, error) { return make() }
	var plain, compact bytes.Buffer
	if err := writeJSON(&plain, site, direct, false); err != nil {
		t.Fatal(err)
	}
	if err := writeJSON(&compact, site, direct, true); err != nil {
		t.Fatal(err)
	}
	if got, want := compact.String(), string(minify.New().Minify(nil, "stories.json", plain.Bytes())); got != want {
		t.Errorf("compact stories.json\n%q\nminified\n%q", got, want)
	}
	if !strings.Contains(compact.String(), `"year":2000`) {
		t.Errorf("the source's year is not kept as written: %q", compact.String())
	}
}

// wholeCSV writes stories.csv through one csv.Writer.
func wholeCSV(buf *bytes.Buffer, site *link.Site) error {
	w := csv.NewWriter(buf)
	w.UseCRLF = true
	rows := [][]string{append(append([]string{}, csvColumns...), site.Config.Taxonomies...)}
	for _, s := range exported(site) {
		rows = append(rows, csvRow(site.Config, s))
	}
	return w.WriteAll(rows)
}
