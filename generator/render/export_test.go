package render

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
)

// exportSite is the test site with hostile values in every exported
// field of story "old", and a third story that is a draft (as a -drafts
// build would render it).
func exportSite(t *testing.T) map[string]string {
	t.Helper()
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	site := testSiteWith(t, func(col *content.Collection) {
		s := col.Stories[1]
		s.Title, s.Summary, s.Place, s.Period = hostile, hostile, "=HYPERLINK(\"http://evil\")", "2018, 2019"
		s.Partners = []string{"Police; Fire", hostile, "@SUM(A1)"}
		s.Outcomes = []string{"-20% call-outs", "plain"}
		s.Authors = []string{"A \"B\" C"}
		s.Source = &content.Source{Title: hostile, Authors: []string{"X, Y"}, Year: 2018, DOI: "10.1234/x", URL: "https://example.org/?a=1,2"}
		d := *col.Stories[0]
		d.Slug, d.Path, d.Draft = "draft", "content/stories/draft.md", true
		col.Stories = append(col.Stories, &d)
	})
	return renderAll(t, site, th)
}

func TestStoriesJSON(t *testing.T) {
	files := exportSite(t)
	var got struct {
		Version    int
		Site       struct{ Title, URL string }
		Taxonomies []string
		Stories    []struct {
			Slug, URL, Title, Summary, Date, Place, Period string
			Updated                                        *string
			Partners, Outcomes, Setbacks, Authors          []string
			Terms                                          map[string][]string
			Source                                         *struct {
				Title   string
				Authors []string
				Year    *int
				DOI     string
				URL     string
			}
		}
	}
	data := files["stories.json"]
	if err := json.Unmarshal([]byte(data), &got); err != nil {
		t.Fatalf("stories.json does not parse: %v", err)
	}
	if strings.Contains(data, "<script>") {
		t.Error("stories.json holds <script> unescaped")
	}
	if got.Version != ExportVersion || got.Site.Title != "T & <Co>" || got.Site.URL != "https://example.org/cb/" || !reflect.DeepEqual(got.Taxonomies, []string{"principles"}) {
		t.Errorf("header = %v %+v %v", got.Version, got.Site, got.Taxonomies)
	}
	if len(got.Stories) != 2 {
		t.Fatalf("%d stories, want the 2 published ones (no draft)", len(got.Stories))
	}
	newest, old := got.Stories[0], got.Stories[1]
	if newest.Slug != "new" || newest.Updated != nil || newest.Source != nil || newest.Partners == nil || len(newest.Partners) != 0 {
		t.Errorf("story new = %+v", newest)
	}
	if old.Slug != "old" || old.URL != "https://example.org/cb/stories/old/" || old.Title != hostile || old.Summary != hostile ||
		old.Date != "2019-01-01" || old.Updated == nil || *old.Updated != "2020-06-01" || old.Place != "=HYPERLINK(\"http://evil\")" {
		t.Errorf("story old = %+v", old)
	}
	if !reflect.DeepEqual(old.Partners, []string{"Police; Fire", hostile, "@SUM(A1)"}) || !reflect.DeepEqual(old.Terms, map[string][]string{"principles": {"inquiry"}}) {
		t.Errorf("lists = %q, %v", old.Partners, old.Terms)
	}
	if s := old.Source; s == nil || s.Title != hostile || s.Year == nil || *s.Year != 2018 || s.DOI != "10.1234/x" || !reflect.DeepEqual(s.Authors, []string{"X, Y"}) {
		t.Errorf("source = %+v", s)
	}
}

func TestStoriesCSV(t *testing.T) {
	files := exportSite(t)
	data := files["stories.csv"]
	r := csv.NewReader(strings.NewReader(data))
	records, err := r.ReadAll() // also checks every row has the header's width
	if err != nil {
		t.Fatalf("stories.csv does not parse: %v", err)
	}
	if !strings.HasSuffix(data, "\r\n") || strings.Count(data, "\r\n") < 3 {
		t.Error("rows do not end in CRLF")
	}
	header := strings.Join(records[0], ",")
	if header != "slug,url,title,summary,date,updated,place,period,partners,outcomes,setbacks,authors,source_title,source_authors,source_year,source_doi,source_url,principles" {
		t.Errorf("header = %s", header)
	}
	if len(records) != 3 {
		t.Fatalf("%d rows, want a header and the 2 published stories (no draft)", len(records))
	}
	row := map[string]string{}
	for i, name := range records[0] {
		row[name] = records[2][i]
	}
	// encoding/csv reads CRLF inside a quoted field as LF.
	want := map[string]string{
		"slug": "old", "url": "https://example.org/cb/stories/old/", "title": strings.ReplaceAll(hostile, "\r\n", "\n"),
		"date": "2019-01-01", "updated": "2020-06-01", "place": "'=HYPERLINK(\"http://evil\")", "period": "2018, 2019",
		"partners": "Police; Fire\n" + oneLine + "\n@SUM(A1)", "outcomes": "'-20% call-outs\nplain", "authors": "A \"B\" C",
		"source_title": strings.ReplaceAll(hostile, "\r\n", "\n"), "source_authors": "X, Y", "source_year": "2018",
		"source_doi": "10.1234/x", "source_url": "https://example.org/?a=1,2", "principles": "inquiry",
	}
	for name, w := range want {
		if row[name] != w {
			t.Errorf("%s = %q, want %q", name, row[name], w)
		}
	}
	if records[1][0] != "new" || records[1][5] != "" || records[1][12] != "" {
		t.Errorf("row of story new = %q", records[1])
	}
}

// TestStoriesCSVTerms joins a story's terms with ";" in vocabulary order.
func TestStoriesCSVTerms(t *testing.T) {
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	site := testSiteWith(t, func(col *content.Collection) {
		col.Stories[0].Terms["principles"] = []string{"inquiry", "systems"}
		col.Stories[0].Date = time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	})
	records, err := csv.NewReader(strings.NewReader(renderAll(t, site, th)["stories.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := records[1][len(records[1])-1]; got != "systems;inquiry" {
		t.Errorf("terms = %q, want systems;inquiry", got)
	}
}

func TestExportsLinked(t *testing.T) {
	files := exportSite(t)
	for _, want := range []string{`href="/cb/stories.csv"`, `href="/cb/stories.json"`} {
		if !strings.Contains(files["stories/index.html"], want) {
			t.Errorf("the stories page lacks %s", want)
		}
	}
}
