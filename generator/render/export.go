package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/link"
)

// ExportVersion is the version of the schema of stories.json and of the
// columns of stories.csv (docs/links-and-data.md). It changes only when a
// field is removed or changes meaning; new fields may be added within a
// version.
const ExportVersion = 1

// export is stories.json.
type export struct {
	Version int `json:"version"`
	Site    struct {
		Title string `json:"title"`
		URL   string `json:"url"`
	} `json:"site"`
	// Taxonomies names the keys of every story's terms, in site order.
	Taxonomies []string        `json:"taxonomies"`
	Stories    []exportedStory `json:"stories"`
}

// exportedStory is one story of stories.json. Every key is always
// present: absent text is "", absent lists are [], an absent date or
// source is null.
type exportedStory struct {
	Slug     string              `json:"slug"`
	URL      string              `json:"url"`
	Title    string              `json:"title"`
	Summary  string              `json:"summary"`
	Date     string              `json:"date"`
	Updated  *string             `json:"updated"`
	Place    string              `json:"place"`
	Period   string              `json:"period"`
	Partners []string            `json:"partners"`
	Outcomes []string            `json:"outcomes"`
	Setbacks []string            `json:"setbacks"`
	Authors  []string            `json:"authors"`
	Terms    map[string][]string `json:"terms"`
	Source   *exportedSource     `json:"source"`
}

type exportedSource struct {
	Title   string   `json:"title"`
	Authors []string `json:"authors"`
	Year    *int     `json:"year"`
	DOI     string   `json:"doi"`
	URL     string   `json:"url"`
}

// exported lists the stories that the exports hold: every published one,
// newest first. Drafts, which a -drafts build renders, are left out.
func exported(site *link.Site) []*link.Story { return published(site.Stories) }

// exportJobs adds stories.json and stories.csv.
func (r *renderer) exportJobs(add func(job)) {
	key := func(name string) func() uint64 {
		return func() uint64 { return r.made(name, exported(r.site)...) }
	}
	add(job{path: "stories.json", fingerprint: key("stories.json"), render: func(buf *bytes.Buffer) error { return writeJSON(buf, r.site, r.row, r.theme.compact) }})
	add(job{path: "stories.csv", fingerprint: key("stories.csv"), render: func(buf *bytes.Buffer) error { return writeCSV(buf, r.site, r.row) }})
}

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// writeJSON writes stories.json: the export's head, then each story's
// entry as row gives it (see jsonStory). With compact, it is written as
// minifying would make it (see Renderer.Compact), without indentation.
func writeJSON(buf *bytes.Buffer, site *link.Site, row rowFunc, compact bool) error {
	cfg := site.Config
	var head bytes.Buffer
	if err := encodeExport(&head, exportHead(cfg), compact); err != nil {
		return err
	}
	// The stories are the last key; no string can hold the bare key,
	// whose quotes would be escaped.
	h := head.Bytes()
	empty, sep, end := `"stories": []`, "\n  ", "\n "
	if compact {
		empty, sep, end = `"stories":[]`, "", ""
	}
	at := bytes.LastIndex(h, []byte(empty)) + len(empty) - 1
	stories := exported(site)
	rows := make([][]byte, len(stories))
	size := len(h)
	for k, s := range stories {
		data, err := row("stories.json", s, func() ([]byte, error) { return jsonStory(cfg, s, compact) })
		if err != nil {
			return err
		}
		rows[k] = data
		size += len(data) + 1 + len(sep)
	}
	buf.Grow(size + len(end))
	buf.Write(h[:at])
	for k, data := range rows {
		if k > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(sep)
		buf.Write(data)
	}
	if len(stories) > 0 {
		buf.WriteString(end)
	}
	buf.Write(h[at:])
	return nil
}

// exportHead is stories.json without its stories.
func exportHead(cfg *config.Config) export {
	var e export
	e.Version = ExportVersion
	e.Site.Title, e.Site.URL = cfg.Title, cfg.Abs("")
	e.Taxonomies = orEmpty(cfg.Taxonomies)
	e.Stories = []exportedStory{}
	return e
}

// encodeExport writes e as stories.json holds it: indented, or with
// compact, with no space between values and no line end.
func encodeExport(buf *bytes.Buffer, e export, compact bool) error {
	enc := json.NewEncoder(buf)
	// Escaping <, > and & keeps the file inert even if it is served as
	// HTML by mistake.
	enc.SetEscapeHTML(true)
	if !compact {
		enc.SetIndent("", " ")
		return enc.Encode(e)
	}
	if err := enc.Encode(e); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // the encoder's line end
	return nil
}

// jsonStory is the entry of s in stories.json, indented as the export
// holds it, or compact.
func jsonStory(cfg *config.Config, s *link.Story, compact bool) ([]byte, error) {
	// json.Marshal escapes <, > and & as encodeExport does.
	if compact {
		return json.Marshal(exportedStoryOf(cfg, s))
	}
	return json.MarshalIndent(exportedStoryOf(cfg, s), "  ", " ")
}

// exportedStoryOf is the entry of s in stories.json.
func exportedStoryOf(cfg *config.Config, s *link.Story) exportedStory {
	x := exportedStory{Slug: s.Slug, URL: cfg.Abs("stories/" + s.Slug + "/"), Title: s.Title, Summary: s.Summary,
		Date: s.Date.Format(time.DateOnly), Place: s.Place, Period: s.Period,
		Partners: orEmpty(s.Partners), Outcomes: orEmpty(s.Outcomes), Setbacks: orEmpty(s.Setbacks), Authors: orEmpty(s.Authors),
		Terms: termKeys(s)}
	if !s.Updated.IsZero() {
		u := s.Updated.Format(time.DateOnly)
		x.Updated = &u
	}
	if src := s.Source; src != nil {
		x.Source = &exportedSource{Title: src.Title, Authors: orEmpty(src.Authors), DOI: src.DOI, URL: src.URL}
		if src.Year != 0 {
			x.Source.Year = &src.Year
		}
	}
	return x
}

// termKeys is a story's term keys by taxonomy, every taxonomy present.
func termKeys(s *link.Story) map[string][]string {
	out := make(map[string][]string, len(s.Terms))
	for _, g := range s.Terms {
		keys := []string{}
		for _, t := range g.Terms {
			keys = append(keys, t.Key)
		}
		out[g.Taxonomy.Name] = keys
	}
	return out
}

// csvColumns are the columns of stories.csv before one per taxonomy.
var csvColumns = []string{"slug", "url", "title", "summary", "date", "updated", "place", "period",
	"partners", "outcomes", "setbacks", "authors", "source_title", "source_authors", "source_year", "source_doi", "source_url"}

// writeCSV writes stories.csv (RFC 4180: a header row, CRLF line ends,
// fields with commas, quotes or line breaks quoted). A cell holding a
// list has its items one a line, except term keys, which are joined with
// ";". A cell that a spreadsheet would run as a formula (starting with =,
// +, -, @, a tab or a carriage return) is prefixed with ', as OWASP
// advises, since contributors' text is untrusted.
func writeCSV(buf *bytes.Buffer, site *link.Site, row rowFunc) error {
	cfg := site.Config
	w := csv.NewWriter(buf)
	w.UseCRLF = true
	header := append(append([]string{}, csvColumns...), cfg.Taxonomies...)
	if err := w.Write(header); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	for _, s := range exported(site) {
		data, err := row("stories.csv", s, func() ([]byte, error) { return csvStory(cfg, s) })
		if err != nil {
			return err
		}
		buf.Write(data)
	}
	return nil
}

// csvStory is the row of s in stories.csv, with its line end.
func csvStory(cfg *config.Config, s *link.Story) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(csvRow(cfg, s)); err != nil {
		return nil, err
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// csvRow is the cells of s in stories.csv.
func csvRow(cfg *config.Config, s *link.Story) []string {
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
	return row
}

// lines joins list items one a line; a line break inside an item (which
// a quoted YAML value may hold) becomes a space, so items stay apart.
func lines(items []string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = lineBreaks.Replace(it)
	}
	return strings.Join(out, "\n")
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// defuse keeps a spreadsheet from running a cell as a formula.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
