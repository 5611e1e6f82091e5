package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		toml     string
		baseURL  string
		wantDiag string // "" for a clean parse; else the text of the first diagnostic
		prefix   string
		abs      string // cfg.Abs("stories/x/")
	}{
		{"defaults", "title = \"T\"\n", "", "", "/", "http://localhost/stories/x/"},
		{"path prefix without slash", "title = \"T\"\nbase_url = \"https://example.org/casebook\"\n", "", "", "/casebook/", "https://example.org/casebook/stories/x/"},
		{"flag overrides", "title = \"T\"\nbase_url = \"https://example.org/\"\n", "https://docs.example.net/kb/", "", "/kb/", "https://docs.example.net/kb/stories/x/"},
		{"bom", "\xef\xbb\xbftitle = \"T\"\n", "", "", "/", "http://localhost/stories/x/"},
		{"unknown key", "title = \"T\"\n\ntitel = \"x\"\n", "", `site.toml:3:1: error: unknown setting "titel" (did you mean "title"?)`, "", ""},
		{"unknown key indented", "title = \"T\"\n  langauge = \"en\"\n", "", `site.toml:2:3: error: unknown setting "langauge" (did you mean "language"?)`, "", ""},
		{"syntax error", "title = \"T\"\ndescription = \"unterminated\ntheme = \"x\"\n", "", "site.toml:2:28: error: not valid TOML: strings cannot contain newlines", "", ""},
		{"missing title", "description = \"d\"\n", "", "site.toml: error: title is required", "", ""},
		{"relative base url", "title = \"T\"\nbase_url = \"/casebook/\"\n", "", "site.toml:2:1: error: base_url \"/casebook/\" must be an absolute http or https URL", "", ""},
		{"javascript base url", "title = \"T\"\nbase_url = \"javascript:alert(1)\"\n", "", "site.toml:2:1: error: base_url", "", ""},
		{"bad taxonomy", "title = \"T\"\ntaxonomies = [\"principles\", \"stories\"]\n", "", `site.toml:2:1: error: taxonomy "stories" is not a valid name`, "", ""},
		{"duplicate taxonomy", "title = \"T\"\ntaxonomies = [\"a\", \"a\"]\n", "", `site.toml:2:1: error: taxonomy "a" is listed twice`, "", ""},
		{"no taxonomies", "title = \"T\"\ntaxonomies = []\n", "", "site.toml:2:1: error: taxonomies must list at least one", "", ""},
		{"wrong type", "title = \"T\"\ntaxonomies = \"principles\"\n", "", `site.toml:2:1: error: taxonomies must be a list of names such as ["principles", "sectors", "themes"]`, "", ""},
		{"wrong item type", "title = \"T\"\ntaxonomies = [1]\n", "", "site.toml:2:1: error: taxonomies must be a list", "", ""},
		{"optional taxonomy", "title = \"T\"\ntaxonomies = [\"values\", \"regions\"]\noptional_taxonomies = [\"regions\"]\n", "", "", "/", "http://localhost/stories/x/"},
		{"unknown optional taxonomy", "title = \"T\"\ntaxonomies = [\"values\", \"regions\"]\n\n  optional_taxonomies = [\"regoins\"]\n", "", `site.toml:4:3: error: optional taxonomy "regoins" is not one of the taxonomies (did you mean "regions"?)`, "", ""},
		{"optional taxonomy twice", "title = \"T\"\ntaxonomies = [\"values\", \"regions\"]\noptional_taxonomies = [\"regions\", \"regions\"]\n", "", `site.toml:3:1: error: optional taxonomy "regions" is listed twice`, "", ""},
		{"optional taxonomies not a list", "title = \"T\"\noptional_taxonomies = \"regions\"\n", "", `site.toml:2:1: error: optional_taxonomies must be a list of names`, "", ""},
		{"title not text", "title = 3\n", "", "site.toml:1:1: error: title must be a piece of text in quotes", "", ""},
		{"unknown table", "title = \"T\"\n\n[stile]\ntitle = \"x\"\n", "", `site.toml:3:1: error: unknown setting "stile"`, "", ""},
		{"unknown dotted table", "title = \"T\"\ntheme = \"x\"\n  extra.title = \"x\"\n", "", `site.toml:3:3: error: unknown setting "extra.title"`, "", ""},
		{"deep inline tables", "title = \"T\"\nx = " + strings.Repeat("{a=", 20000), "", "site.toml:2:53: error: site.toml nests lists or tables more than 16 levels deep", "", ""},
		{"deep table header", "title = \"T\"\n[" + strings.Repeat("a.", 20000) + "b]\n", "", "site.toml:2:33: error: site.toml nests lists or tables more than 16 levels deep", "", ""},
		{"too large", "title = \"T\"\n" + strings.Repeat("# padding\n", 30000), "", "site.toml:26215:3: error: site.toml is 292 KiB, more than the 256 KiB allowed", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := Parse([]byte(tt.toml), tt.baseURL)
			if tt.wantDiag == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				if got := cfg.Prefix(); got != tt.prefix {
					t.Errorf("Prefix() = %q, want %q", got, tt.prefix)
				}
				if got := cfg.Abs("stories/x/"); got != tt.abs {
					t.Errorf("Abs() = %q, want %q", got, tt.abs)
				}
				if got, want := cfg.Rel("stories/x/"), tt.prefix+"stories/x/"; got != want {
					t.Errorf("Rel() = %q, want %q", got, want)
				}
				return
			}
			if len(diags) == 0 || !diags.HasErrors() {
				t.Fatalf("no error, want %q", tt.wantDiag)
			}
			if got := diags[0].String(); !strings.HasPrefix(got, tt.wantDiag) {
				t.Errorf("diagnostic %q, want it to start with %q", got, tt.wantDiag)
			}
		})
	}
}

func TestDefaultTaxonomies(t *testing.T) {
	cfg, diags := Parse([]byte("title = \"T\"\n"), "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got := strings.Join(cfg.Taxonomies, ","); got != "principles,sectors,themes" {
		t.Errorf("Taxonomies = %q", got)
	}
}
