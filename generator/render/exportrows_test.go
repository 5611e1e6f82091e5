package render

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
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
		s.Source = &content.Source{Title: hostile, Authors: []string{"X, Y"}, Year: 2018, URL: "https://example.org/?a=1&b=<2>"}
	})
	empty := testSiteWith(t, func(col *content.Collection) { col.Stories = nil })
	direct := func(_ string, _ *link.Story, make func() ([]byte, error)) ([]byte, error) { return make() }
	for _, f := range []struct {
		name   string
		pieced func(*bytes.Buffer, *link.Site, rowFunc) error
		whole  func(*bytes.Buffer, *link.Site) error
	}{{"stories.json", writeJSON, wholeJSON}, {"stories.csv", writeCSV, wholeCSV}} {
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

// wholeJSON encodes stories.json in one go.
func wholeJSON(buf *bytes.Buffer, site *link.Site) error {
	e := exportHead(site.Config)
	for _, s := range exported(site) {
		e.Stories = append(e.Stories, exportedStoryOf(site.Config, s))
	}
	return encodeExport(buf, e)
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
