package render

import (
	"fmt"
	"html/template"
	"image/color"
	"math"
	"strings"

	"github.com/casebook/casebook/generator/colour"
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/link"
)

// Tones: each term of the primary taxonomy wears a colour, set by a class
// tone-N (N its place in display order, from 1), and a mark, the SVG
// symbol mark-M of the theme (M from 1 to MarkCount, by order). A term's
// own colour (its colour field) wins; otherwise it takes the palette's
// colour of its place, so that the first eight terms always differ and a
// term keeps its colour until terms are reordered. The classes are
// written per site by ToneCSS, into every page's head, and the social
// cards use the same colours.

// Tone is one colour of the palette: Light for text on the light scheme's
// surfaces, Bright for the dark scheme and the dark page header.
type Tone struct{ Light, Bright string }

// Palette is the default theme's colours for primary terms, by order.
// Each Light colour reaches WCAG AA (4.5:1) on the light surfaces, each
// Bright one on the dark surfaces and the page header; neighbours differ
// in hue.
var Palette = []Tone{
	{"#0b6e4f", "#4fd1a5"}, // green
	{"#a13d00", "#ff9a5c"}, // orange
	{"#1f5fbf", "#8cb4ff"}, // blue
	{"#a3236e", "#f590c9"}, // magenta
	{"#6a3fb5", "#c5a8ff"}, // violet
	{"#6b6200", "#d4c94a"}, // olive
	{"#b0243a", "#ff8a9a"}, // red
	{"#7a4e1d", "#d9a66b"}, // brown
}

// MarkCount is the number of distinct marks the default theme draws
// (mark-1 to mark-8 in partials.html).
const MarkCount = 8

// termTone is the colour pair of a primary term: its own colour, with a
// lighter one derived for the dark scheme, or the palette's.
func termTone(t *link.Term) Tone {
	if c, err := colour.Parse(t.Colour); err == nil {
		return Tone{c.String(), c.OnDark().String()}
	}
	return Palette[t.Rank()%len(Palette)]
}

// toneClass names the colour class of a primary term ("tone-3"); other
// terms have none and take the theme's link colour.
func toneClass(v any) string {
	if t, ok := v.(*link.Term); ok && t.Primary {
		return fmt.Sprintf("tone-%d", t.Rank()+1)
	}
	return ""
}

// markID names the SVG symbol of a term: mark-1 to mark-8 for primary
// terms by order, mark-any for the others.
func markID(v any) string {
	if t, ok := v.(*link.Term); ok && t.Primary {
		return fmt.Sprintf("mark-%d", t.Rank()%MarkCount+1)
	}
	return "mark-any"
}

// ToneCSS is the stylesheet of a site's tone classes: --tone and
// --tone-bright per primary term, and --tone again in the dark scheme. It
// is made only of validated #rrggbb colours and class numbers.
func ToneCSS(primary *link.Taxonomy) template.CSS {
	if primary == nil || len(primary.Terms) == 0 {
		return ""
	}
	var light, dark strings.Builder
	for _, t := range primary.Terms {
		tone := termTone(t)
		fmt.Fprintf(&light, ".tone-%d{--tone:%s;--tone-bright:%s}", t.Rank()+1, tone.Light, tone.Bright)
		fmt.Fprintf(&dark, ".tone-%d{--tone:%s}", t.Rank()+1, tone.Bright)
	}
	return template.CSS(light.String() + "@media (prefers-color-scheme: dark){" + dark.String() + "}")
}

// termColour is the light colour of a primary term, for social cards.
func termColour(t *link.Term) color.RGBA {
	// The light tone alone: termTone's dark one is a costly search.
	c, err := colour.Parse(t.Colour)
	if err != nil {
		c, _ = colour.Parse(Palette[t.Rank()%len(Palette)].Light)
	}
	return color.RGBA{c.R, c.G, c.B, 0xff}
}

// LogoDot is one dot of the drawn logo, in a 32×32 box.
type LogoDot struct {
	CX, CY, R string
	// Tone is the colour class of the term the dot stands for.
	Tone string
}

// logoDots lays out a dot per primary term (at most MarkCount): one large
// dot, two side by side, or a ring.
func logoDots(primary *link.Taxonomy) []LogoDot {
	if primary == nil {
		return nil
	}
	terms := primary.Terms[:min(len(primary.Terms), MarkCount)]
	n := len(terms)
	var dots []LogoDot
	for i, t := range terms {
		cx, cy, r := 16.0, 16.0, 12.0
		switch {
		case n == 2:
			cx, r = 10.5+11*float64(i), 8
		case n > 2:
			angle := 2*math.Pi*float64(i)/float64(n) - math.Pi/2
			ring := 9.0
			r = math.Min(8, ring*math.Sin(math.Pi/float64(n))*1.25)
			cx, cy = 16+ring*math.Cos(angle), 16+ring*math.Sin(angle)
		}
		dots = append(dots, LogoDot{fmt.Sprintf("%.1f", cx), fmt.Sprintf("%.1f", cy), fmt.Sprintf("%.1f", r), toneClass(t)})
	}
	return dots
}

// AccentCSS sets the theme's link and button colours from the site's
// accent ([style] accent, validated #rrggbb that reaches AA on the light
// surfaces), with a darker one for hover and, in the dark scheme, lighter
// ones derived from it. Print keeps its own colours.
func AccentCSS(accent string) template.CSS {
	c, err := colour.Parse(accent)
	if err != nil {
		return ""
	}
	dark := c.OnDark()
	return template.CSS(fmt.Sprintf("@media screen{:root{--link:%s;--link-hover:%s}}"+
		"@media screen and (prefers-color-scheme: dark){:root{--link:%s;--link-hover:%s}}",
		c, c.Mix(colour.RGB{}, 0.3), dark, dark.Mix(colour.RGB{R: 0xff, G: 0xff, B: 0xff}, 0.4)))
}

// styleFile is a file of the site's own [style], copied to the output.
type styleFile struct {
	path string
	data []byte
}

// styleFiles lists the site's logo and extra stylesheet, when it has them.
func styleFiles(cfg *config.Config) []styleFile {
	var files []styleFile
	if st := cfg.Style; st.LogoData != nil {
		files = append(files, styleFile{st.LogoFile(), st.LogoData})
	}
	if st := cfg.Style; st.ExtraCSSData != nil {
		files = append(files, styleFile{st.ExtraCSSFile(), st.ExtraCSSData})
	}
	return files
}
