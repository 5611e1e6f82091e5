package config

import (
	"slices"
	"strings"
	"testing"
)

func TestLanguages(t *testing.T) {
	tests := []struct {
		name     string
		toml     string
		wantDiag string // "" for a clean parse
		editions []string
	}{
		{"one further language", "title = \"T\"\nlanguage = \"en-GB\"\n\n[languages.cy]\ntitle = \"Llyfr\"\n", "", []string{"cy"}},
		{"two, in file order", "title = \"T\"\nlanguage = \"en\"\n[languages.gd]\n[languages.cy]\n", "", []string{"gd", "cy"}},
		{"language name", "title = \"T\"\nlanguage = \"Welsh\"\n", `site.toml:2:13: error: language "Welsh" is not a BCP 47 language tag such as "en-GB", "cy" or "gd" (did you mean "cy"?)`, nil},
		{"native name", "title = \"T\"\n[languages.Cymraeg]\n", `site.toml:2:12: error: [languages.Cymraeg]: "Cymraeg" is not a BCP 47 language tag such as "en-GB", "cy" or "gd" (did you mean "cy"?)`, nil},
		{"name as table", "title = \"T\"\n\n  [languages.Gaelic]\n", `site.toml:3:14: error: [languages.Gaelic]: "Gaelic" is not a BCP 47 language tag`, nil},
		{"wrong case", "title = \"T\"\n[languages.CY]\n", `site.toml:2:12: error: [languages.CY]: write the language code as "cy"`, nil},
		{"default again", "title = \"T\"\nlanguage = \"cy\"\n[languages.cy]\n", `site.toml:3:12: error: [languages.cy] is the default language of the site`, nil},
		{"unknown key in a table", "title = \"T\"\n[languages.cy]\ntitel = \"x\"\n", `site.toml:3:1: error: unknown setting "titel" in [languages.cy] (did you mean "title"?)`, nil},
		{"not a table", "title = \"T\"\nlanguages = \"cy\"\n", `site.toml:2:1: error: languages must be tables such as [languages.cy]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := Parse([]byte(tt.toml), "")
			if tt.wantDiag == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				if !slices.Equal(cfg.Editions, tt.editions) {
					t.Errorf("Editions = %v, want %v", cfg.Editions, tt.editions)
				}
				return
			}
			if len(diags) == 0 || !strings.HasPrefix(diags[0].String(), tt.wantDiag) {
				t.Fatalf("diagnostics %v, want one starting %q", diags, tt.wantDiag)
			}
		})
	}
}

func TestEdition(t *testing.T) {
	cfg, diags := Parse([]byte("title = \"Casebook\"\ndescription = \"D\"\nbase_url = \"https://example.org/kb/\"\nlanguage = \"en-GB\"\n[languages.cy]\ntitle = \"Llyfr Achosion\"\n"), "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cy := cfg.Edition("cy")
	if cy == nil {
		t.Fatal("no Welsh edition")
	}
	for _, c := range []struct{ got, want string }{
		{cy.Title, "Llyfr Achosion"}, {cy.Description, "D"}, {cy.Language, "cy"},
		{cy.Rel("stories/"), "/kb/cy/stories/"}, {cy.Abs(""), "https://example.org/kb/cy/"},
		{cy.RootRel("style.css"), "/kb/style.css"}, {cy.EditionPrefix(), "cy/"}, {cfg.EditionPrefix(), ""},
		{cfg.Rel("stories/"), "/kb/stories/"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if cfg.Edition("gd") != nil || cy.Edition("cy") != nil {
		t.Error("Edition of an unknown language or of an edition is not nil")
	}
}
