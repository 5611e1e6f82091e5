package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/casebook/casebook/generator/colour"
	"github.com/casebook/casebook/generator/diag"
)

// Style is the [style] table: a site's own look on top of its theme.
//
//	[style]
//	logo = "assets/logo.svg"      # site-relative image, copied to the output
//	accent = "#0b5ea8"            # link and button colour, WCAG AA on the theme's light surfaces
//	extra_css = "assets/site.css" # loaded after the theme's stylesheet
//
// Parse checks the values; ReadStyleFiles reads the files, which must
// exist inside the site folder.
type Style struct {
	Logo     string `toml:"logo"`
	Accent   string `toml:"accent"`
	ExtraCSS string `toml:"extra_css"`

	// LogoData and ExtraCSSData are the files' contents once
	// ReadStyleFiles has read them.
	LogoData     []byte `toml:"-"`
	ExtraCSSData []byte `toml:"-"`

	// at holds where each key is written in site.toml.
	at map[string][2]int
}

// Largest style files accepted.
const (
	MaxLogo     = 512 << 10
	MaxExtraCSS = 256 << 10
)

var styleKeys = []string{"logo", "accent", "extra_css"}

// logoTypes are the image formats a logo may have, by extension.
var logoTypes = []string{".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"}

// validateStyle checks the [style] values that need no files.
func (cfg *Config) validateStyle(data []byte, diags *diag.List) {
	st := &cfg.Style
	st.at = map[string][2]int{}
	for _, key := range styleKeys {
		line, col := keyPathPosition(data, toml.Key{"style", key})
		st.at[key] = [2]int{line, col}
	}
	errorf := func(key, format string, args ...any) {
		diags.Errorf(File, st.at[key][0], st.at[key][1], format, args...)
	}
	if st.Accent != "" {
		c, err := colour.Parse(st.Accent)
		switch {
		case err != nil:
			errorf("accent", "accent %v", err)
			st.Accent = ""
		case colour.Contrast(c, colour.Light) < colour.AA:
			errorf("accent", "accent %s is too light for links and buttons: its contrast with the theme's light background is %.1f:1, and WCAG AA needs %.1f:1; a darker one such as %q would pass",
				c, colour.Contrast(c, colour.Light), colour.AA, c.OnLight().String())
			st.Accent = ""
		}
	}
	if st.Logo != "" && !validFile(st.Logo, logoTypes) {
		errorf("logo", "logo %q must be an image file in the site folder, written as a path such as \"assets/logo.svg\" (%s)", st.Logo, strings.Join(logoTypes, ", "))
		st.Logo = ""
	}
	if st.ExtraCSS != "" && !validFile(st.ExtraCSS, []string{".css"}) {
		errorf("extra_css", "extra_css %q must be a .css file in the site folder, written as a path such as \"assets/site.css\"", st.ExtraCSS)
		st.ExtraCSS = ""
	}
}

// validFile reports whether p is a clean site-relative path with one of
// the extensions exts.
func validFile(p string, exts []string) bool {
	return fs.ValidPath(p) && p != "." && !strings.Contains(p, "\\") &&
		slices.Contains(exts, strings.ToLower(path.Ext(p)))
}

// ReadStyleFiles reads the logo and the extra stylesheet of cfg from the
// site folder fsys (which refuses paths leaving it) into cfg.Style. A
// missing, oversized or unsafe file is an error at its line in site.toml.
func ReadStyleFiles(fsys fs.FS, cfg *Config) diag.List {
	var diags diag.List
	st := &cfg.Style
	read := func(key, name string, limit int64) []byte {
		at := st.at[key]
		info, err := fs.Stat(fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			diags.Errorf(File, at[0], at[1], "%s %q not found: there is no such file in the site folder", key, name)
			return nil
		case err != nil:
			diags.Errorf(File, at[0], at[1], "%s %q cannot be read: %v (a symlink leading outside the site folder is refused)", key, name, unwrap(err))
			return nil
		case !info.Mode().IsRegular():
			diags.Errorf(File, at[0], at[1], "%s %q is not a file", key, name)
			return nil
		case info.Size() > limit:
			diags.Errorf(File, at[0], at[1], "%s %q is %d KiB; at most %d KiB is accepted", key, name, info.Size()>>10, limit>>10)
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			diags.Errorf(File, at[0], at[1], "%s %q cannot be read: %v", key, name, unwrap(err))
			return nil
		}
		return data
	}
	if st.Logo != "" {
		st.LogoData = read("logo", st.Logo, MaxLogo)
		if st.LogoData != nil && strings.EqualFold(path.Ext(st.Logo), ".svg") {
			if problem := unsafeSVG(st.LogoData); problem != "" {
				at := st.at["logo"]
				diags.Errorf(File, at[0], at[1], "logo %q %s; a logo must be a plain drawing", st.Logo, problem)
				st.LogoData = nil
			}
		}
	}
	if st.ExtraCSS != "" {
		st.ExtraCSSData = read("extra_css", st.ExtraCSS, MaxExtraCSS)
		if st.ExtraCSSData != nil {
			diags.Add(foreignCSS(st.ExtraCSS, st.ExtraCSSData)...)
		}
	}
	return diags
}

func unwrap(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

// LogoFile and ExtraCSSFile are where the style files are written in the
// output folder: fixed names, so that no setting can overwrite a page.
func (st *Style) LogoFile() string { return "site-logo" + strings.ToLower(path.Ext(st.Logo)) }

// ExtraCSSFile: see LogoFile.
func (st *Style) ExtraCSSFile() string { return "site-extra.css" }

// String describes the style for logs.
func (st *Style) String() string {
	return fmt.Sprintf("logo=%q accent=%q extra_css=%q", st.Logo, st.Accent, st.ExtraCSS)
}

// styleTypeErrors reports a [style] that is not a table, or a value in it
// that is not text, at its line, and whether it found any.
func styleTypeErrors(data []byte, v any, diags *diag.List) bool {
	table, ok := v.(map[string]any)
	if !ok {
		line, col := keyPosition(data, "style")
		diags.Errorf(File, line, col, "style must be a table: a line [style] followed by logo, accent and extra_css")
		return true
	}
	found := false
	for _, key := range styleKeys {
		if value, set := table[key]; set {
			if _, text := value.(string); !text {
				line, col := keyPathPosition(data, toml.Key{"style", key})
				diags.Errorf(File, line, col, "style %s must be a piece of text in quotes", key)
				found = true
			}
		}
	}
	return found
}
