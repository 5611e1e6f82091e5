package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestStyleSettings(t *testing.T) {
	tests := []struct {
		name, style, want string // want: "" or the start of the first diagnostic
	}{
		{"all good", "logo = \"assets/logo.svg\"\naccent = \"#0B5EA8\"\nextra_css = \"assets/site.css\"\n", ""},
		{"accent not hex", "accent = \"blue\"\n", `site.toml:3:1: error: accent "blue" is not a colour of the form #rrggbb`},
		{"accent short hex", "  accent = \"#05a\"\n", `site.toml:3:3: error: accent "#05a" is not a colour`},
		{"accent too light", "logo = \"a.png\"\naccent = \"#f2a75d\"\n", `site.toml:4:1: error: accent #f2a75d is too light for links and buttons: its contrast with the theme's light background is 1.7:1, and WCAG AA needs 4.5:1; a darker one such as "#`},
		{"accent not text", "accent = 0x0b5ea8\n", `site.toml:3:1: error: style accent must be a piece of text in quotes`},
		{"logo outside", "logo = \"../logo.svg\"\n", `site.toml:3:1: error: logo "../logo.svg" must be an image file in the site folder`},
		{"logo absolute", "logo = \"/etc/logo.png\"\n", `site.toml:3:1: error: logo "/etc/logo.png" must be an image file`},
		{"logo not an image", "logo = \"site.toml\"\n", `site.toml:3:1: error: logo "site.toml" must be an image file`},
		{"css not css", "extra_css = \"a.js\"\n", `site.toml:3:1: error: extra_css "a.js" must be a .css file`},
		{"unknown style key", "acent = \"#0b5ea8\"\n", `site.toml:3:1: error: unknown setting "acent" (did you mean "accent"?); known settings are logo, accent, extra_css`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse([]byte("title = \"T\"\n[style]\n"+tt.style), "")
			got := ""
			if len(diags) > 0 {
				got = diags[0].String()
			}
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, diags := Parse([]byte("title = \"T\"\nstyle = \"dark\"\n"), ""); len(diags) == 0 || !strings.Contains(diags[0].String(), "site.toml:2:1: error: style must be a table") {
		t.Errorf("style as text: %v", diags)
	}
}

func TestReadStyleFiles(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle r="4" cx="4" cy="4"/></svg>`
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"present", map[string]string{"assets/logo.svg": svg, "assets/site.css": "a { color: #123456; background: url(data:image/png;base64,AA==) }"}, ""},
		{"missing logo", map[string]string{"assets/site.css": ""}, `site.toml:3:1: error: logo "assets/logo.svg" not found: there is no such file in the site folder`},
		{"missing css", map[string]string{"assets/logo.svg": svg}, `site.toml:5:1: error: extra_css "assets/site.css" not found`},
		{"logo with script", map[string]string{"assets/site.css": "", "assets/logo.svg": `<svg><script>alert(1)</script></svg>`}, `site.toml:3:1: error: logo "assets/logo.svg" contains a <script> element`},
		{"logo with handler", map[string]string{"assets/site.css": "", "assets/logo.svg": `<svg onload="alert(1)"/>`}, `site.toml:3:1: error: logo "assets/logo.svg" has an event handler (onload)`},
		{"logo with link", map[string]string{"assets/site.css": "", "assets/logo.svg": `<svg><a href="javascript:alert(1)"><circle r="1"/></a></svg>`}, `site.toml:3:1: error: logo "assets/logo.svg" links to javascript:alert(1)`},
		{"logo not svg", map[string]string{"assets/site.css": "", "assets/logo.svg": `<html><body>x</body></html>`}, `site.toml:3:1: error: logo "assets/logo.svg" is not an SVG drawing`},
		{"css import", map[string]string{"assets/logo.svg": svg, "assets/site.css": "a{}\n  @import url(https://evil.example/x.css);\n"}, `assets/site.css:2:3: error: @import url(https://evil.example/x.css) fetches from another site`},
		{"css remote font", map[string]string{"assets/logo.svg": svg, "assets/site.css": "@font-face { src: url( '//fonts.example/f.woff2') }"}, `assets/site.css:1:19: error: url( '//fonts.example/f.woff2') fetches`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := Parse([]byte("title = \"T\"\n[style]\nlogo = \"assets/logo.svg\"\naccent = \"#0b5ea8\"\nextra_css = \"assets/site.css\"\n"), "")
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			diags = ReadStyleFiles(fsys, cfg)
			got := ""
			if len(diags) > 0 {
				got = diags[0].String()
			}
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.want == "" && (len(cfg.Style.LogoData) == 0 || len(cfg.Style.ExtraCSSData) == 0) {
				t.Errorf("the files were not read")
			}
		})
	}
}
