package i18n_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/i18n"
)

// builtin parses the built-in theme's strings files.
func builtin(t *testing.T) (*i18n.Set, map[string]*i18n.File) {
	t.Helper()
	theme := casebook.DefaultTheme()
	names, err := fs.Glob(theme, "i18n/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no strings files in the built-in theme: %v", err)
	}
	byLang := map[string]*i18n.File{}
	var files []*i18n.File
	for _, name := range names {
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			t.Fatal(err)
		}
		f, diags := i18n.Parse(name, data)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", name, diags)
		}
		files = append(files, f)
		byLang[i18n.LangOf(name)] = f
	}
	return i18n.NewSet(files), byLang
}

// TestBuiltinComplete holds the built-in Welsh and Gaelic strings to the
// English ones: the same keys, nothing more, the same shape, and no
// value that English does not give.
func TestBuiltinComplete(t *testing.T) {
	set, files := builtin(t)
	en := files["en"]
	for _, lang := range []string{"cy", "gd"} {
		f := files[lang]
		if f == nil {
			t.Fatalf("the built-in theme has no i18n/%s.toml", lang)
		}
		for key, m := range en.Msgs {
			got, ok := f.Msgs[key]
			switch {
			case !ok:
				t.Errorf("%s.toml lacks %q", lang, key)
			case (m.List == nil) != (got.List == nil):
				t.Errorf("%s.toml: %q is a list in one language only", lang, key)
			case got.Text == m.Text && m.Text != "" && strings.ContainsAny(m.Text, "abcdefghijklmnopqrstuvwxyz") && len(m.Text) > 3:
				t.Errorf("%s.toml: %q is the English %q", lang, key, m.Text)
			}
		}
		for key := range f.Msgs {
			if _, ok := en.Msgs[key]; !ok {
				t.Errorf("%s.toml has %q, which en.toml does not", lang, key)
			}
		}
	}
	if len(set.Keys()) < 100 {
		t.Errorf("only %d keys in en.toml", len(set.Keys()))
	}
}

func TestDates(t *testing.T) {
	set, _ := builtin(t)
	day := time.Date(2020, time.November, 3, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ lang, want string }{
		{"en-GB", "3 November 2020"},
		{"cy", "3 Tachwedd 2020"},
		{"cy-GB", "3 Tachwedd 2020"},
		{"gd", "3 dhen t-Samhain 2020"},
		{"fr", "3 November 2020"}, // no French strings: English
	} {
		if got := set.Catalog(tt.lang).Date(day); got != tt.want {
			t.Errorf("%s: Date = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestPlurals(t *testing.T) {
	set, _ := builtin(t)
	for _, tt := range []struct {
		lang, key string
		n         int
		want      string
	}{
		{"en", "count.stories", 1, "1 story"},
		{"en", "count.stories", 0, "0 stories"},
		{"en", "count.stories", 2, "2 stories"},
		{"cy", "count.stories", 2, "2 stori"},
		{"cy", "count.reading", 6, "6 munud o ddarllen"},
		{"gd", "count.stories", 1, "1 sgeulachd"},
		{"gd", "count.stories", 3, "3 sgeulachdan"},
		{"gd", "count.stories", 11, "11 sgeulachd"},
		{"gd", "count.stories", 15, "15 sgeulachdan"},
		{"gd", "count.stories", 20, "20 sgeulachd"},
		{"gd", "count.reading", 2, "2 mhionaid leughaidh"},
		{"gd", "count.reading", 7, "7 mionaidean leughaidh"},
	} {
		got, err := set.Catalog(tt.lang).T(tt.key, tt.n)
		if err != nil || got != tt.want {
			t.Errorf("%s %s %d = %q, %v; want %q", tt.lang, tt.key, tt.n, got, err, tt.want)
		}
	}
}

func TestT(t *testing.T) {
	set, _ := builtin(t)
	cat := set.Catalog("en")
	if got, _ := cat.T("intersection.title", "Inquiry", "NHS"); got != "Inquiry and NHS" {
		t.Errorf("T = %q", got)
	}
	if _, err := cat.T("nav.nope"); err == nil || !strings.Contains(err.Error(), `"nav.nope"`) {
		t.Errorf("unknown key: err = %v", err)
	}
	// A value that is not given, and braces that are no placeholder,
	// stay as written.
	f, _ := i18n.Parse("i18n/en.toml", []byte(`a = "{0} {x} {1} {"`))
	c := i18n.NewCatalog("en", f.Msgs, nil)
	if got, _ := c.T("a", 5); got != "5 {x} {1} {" {
		t.Errorf("fill = %q", got)
	}
	js := set.Catalog("cy").Messages("js.")
	if js["type"] != "Teipiwch air, neu dewiswch hidlydd." {
		t.Errorf("cy js.type = %v", js["type"])
	}
}

// TestOverride checks a site's own strings: laid over the theme's, and
// every problem at its line.
func TestOverride(t *testing.T) {
	set, _ := builtin(t)
	for _, tt := range []struct {
		name, path, data string
		want             []string // diagnostics, in order
		key, text        string   // with no diagnostics: the catalog says text for key
	}{
		{name: "override", path: "i18n/cy.toml", data: "[nav]\nsearch = \"Chwilio'r safle\"\n", key: "nav.search", text: "Chwilio'r safle"},
		{name: "region over language", path: "i18n/en-GB.toml", data: "[nav]\nstories = \"Case stories\"\n", key: "nav.stories", text: "Case stories"},
		{name: "unknown key", path: "i18n/cy.toml", data: "[nav]\nsearch = \"x\"\nstoreis = \"x\"\n",
			want: []string{`i18n/cy.toml:3:1: error: unknown string "nav.storeis" (did you mean "nav.stories"?)`}},
		{name: "dotted unknown key", path: "i18n/cy.toml", data: "home.latset = \"x\"\n",
			want: []string{`i18n/cy.toml:1:1: error: unknown string "home.latset" (did you mean "home.latest"?)`}},
		{name: "too many values", path: "i18n/cy.toml", data: "[nav]\n\nsearch = \"{3}\"\n",
			want: []string{`i18n/cy.toml:3:1: error: nav.search uses {3}, but it is given no values`}},
		{name: "months not a list", path: "i18n/cy.toml", data: "[date]\nmonths = \"Ionawr\"\n",
			want: []string{`i18n/cy.toml:2:1: error: date.months must be a list of the twelve month names`}},
		{name: "number", path: "i18n/cy.toml", data: "[nav]\nsearch = 3\n",
			want: []string{`i18n/cy.toml:2:1: error: nav.search must be a piece of text in quotes`}},
		{name: "plural without other", path: "i18n/cy.toml", data: "[count]\nstories = { one = \"{0} stori\" }\n",
			want: []string{`i18n/cy.toml:2:1: error: count.stories needs an "other" form`}},
		{name: "syntax", path: "i18n/cy.toml", data: "[nav]\nsearch = = 1\n",
			want: []string{`i18n/cy.toml:2:`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := i18n.Parse(tt.path, []byte(tt.data))
			if !diags.HasErrors() {
				s, d := set.Override([]*i18n.File{f})
				diags = append(diags, d...)
				if len(d) == 0 {
					got, err := s.Catalog(i18n.LangOf(tt.path)).T(tt.key)
					if err != nil || got != tt.text {
						t.Errorf("%s = %q, %v; want %q", tt.key, got, err, tt.text)
					}
				}
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("diagnostics %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("diagnostic %q, want it to start %q", got[i], tt.want[i])
				}
			}
		})
	}
	if !slices.Contains(set.Languages(), "cy") || !slices.Contains(set.Languages(), "gd") {
		t.Errorf("languages = %v", set.Languages())
	}
}
