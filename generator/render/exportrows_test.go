package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
)

// TestExportRowsMatchWholeEncoding checks that stories.json and
// stories.csv pieced together from one row a story are byte for byte
// what encoding the whole export at once gives (wholeJSON, wholeCSV):
// hostile text, no source or no update, several taxonomies' worth of
// terms, and no story at all.
func TestExportRowsMatchWholeEncoding(t *testing.T) {
	full := testSiteWith(t, func(col *content.Collection) {
		s := col.Stories[1]
		s.Title, s.Summary, s.Place = hostile+" \u2028 é <b>&amp;", "line\nbreak \"q\", \t tab", "=cmd()"
		s.Partners = []string{"Police; Fire", hostile}
		s.Source = &content.Source{Title: hostile, Authors: []string{"X, Y"}, Year: 2018, URL: "https://example.org/?a=1&b=<2>"}
	})
	empty := testSiteWith(t, func(col *content.Collection) { col.Stories = nil })
	direct := func(_ string, _ *link.Story, make func() ([]byte, error)) ([]byte, error) { return make() }
	for name, site := range map[string]*link.Site{"stories": full, "none": empty} {
		var got, want bytes.Buffer
		if err := writeJSON(&got, site, direct); err != nil {
			t.Fatal(err)
		}
		if err := wholeJSON(&want, site); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: stories.json\n%s\nwant\n%s", name, got.String(), want.String())
		}
		got.Reset()
		want.Reset()
		if err := writeCSV(&got, site, direct); err != nil {
			t.Fatal(err)
		}
		if err := wholeCSV(&want, site); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: stories.csv\n%q\nwant\n%q", name, got.String(), want.String())
		}
	}
}

// wholeJSON encodes stories.json in one go, as casebook did before rows.
func wholeJSON(buf *bytes.Buffer, site *link.Site) error {
	cfg := site.Config
	var e export
	e.Version = ExportVersion
	e.Site.Title, e.Site.URL = cfg.Title, cfg.Abs("")
	e.Taxonomies = orEmpty(cfg.Taxonomies)
	e.Stories = []exportedStory{}
	for _, s := range exported(site) {
		var x exportedStory
		data, err := jsonStory(cfg, s)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(data, &x); err != nil {
			return err
		}
		e.Stories = append(e.Stories, x)
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", " ")
	return enc.Encode(e)
}

// wholeCSV writes stories.csv through one csv.Writer.
func wholeCSV(buf *bytes.Buffer, site *link.Site) error {
	cfg := site.Config
	w := csv.NewWriter(buf)
	w.UseCRLF = true
	if err := w.Write(append(append([]string{}, csvColumns...), cfg.Taxonomies...)); err != nil {
		return err
	}
	for _, s := range exported(site) {
		row := []string{s.Slug, cfg.Abs("stories/" + s.Slug + "/"), s.Title, s.Summary, s.Date.Format(time.DateOnly), "",
			s.Place, s.Period, lines(s.Partners), lines(s.Outcomes), lines(s.Setbacks), lines(s.Authors), "", "", "", "", ""}
		if !s.Updated.IsZero() {
			row[5] = s.Updated.Format(time.DateOnly)
		}
		if src := s.Source; src != nil {
			row[12], row[13], row[15], row[16] = src.Title, lines(src.Authors), src.DOI, src.URL
			if src.Year != 0 {
				row[14] = strconv.Itoa(src.Year)
			}
		}
		terms := termKeys(s)
		for _, tax := range cfg.Taxonomies {
			row = append(row, strings.Join(terms[tax], ";"))
		}
		for i := range row {
			row[i] = defuse(row[i])
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
