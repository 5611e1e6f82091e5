// Package colour parses the #rrggbb colours a site chooses (a term's
// colour, the accent of [style]) and measures them the way WCAG 2.2 does,
// so that every stage judges contrast by the same rule.
//
// A colour a site writes is used on the theme's light backgrounds; the
// theme's dark scheme needs a lighter one, which OnDark derives.
package colour

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// RGB is a colour of the sRGB space, 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// AA is the contrast ratio WCAG 2.2 AA asks of normal text.
const AA = 4.5

// Light and Dark are the backgrounds the built-in theme draws text on in
// its light and dark schemes that are nearest in luminance to text (the
// darkest of its light surfaces, the lightest of its dark ones): a colour
// that reaches AA against them reaches it on every surface of that scheme.
var (
	Light = RGB{0xf1, 0xed, 0xe5}
	Dark  = RGB{0x20, 0x28, 0x2e}
)

var hexPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Parse reads "#rrggbb" (either case). Any other form is an error that
// says what to write.
func Parse(s string) (RGB, error) {
	if !hexPattern.MatchString(s) {
		return RGB{}, fmt.Errorf("%q is not a colour of the form #rrggbb, such as \"#0b5ea8\"", s)
	}
	var c RGB
	fmt.Sscanf(strings.ToLower(s[1:]), "%02x%02x%02x", &c.R, &c.G, &c.B)
	return c, nil
}

// String formats c as "#rrggbb".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the relative luminance of c, from 0 (black) to 1 (white).
func (c RGB) Luminance() float64 {
	channel := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(c.R) + 0.7152*channel(c.G) + 0.0722*channel(c.B)
}

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix moves c towards other by the fraction t (0 keeps c, 1 gives other).
func (c RGB) Mix(other RGB, t float64) RGB {
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return RGB{mix(c.R, other.R), mix(c.G, other.G), mix(c.B, other.B)}
}

// OnDark returns the colour to use for c in a dark scheme: c mixed with
// white, by the smallest step of 5% that reaches AA against Dark, so that
// it keeps its hue.
func (c RGB) OnDark() RGB {
	white := RGB{0xff, 0xff, 0xff}
	for step := 0; step <= 20; step++ {
		if m := c.Mix(white, float64(step)/20); Contrast(m, Dark) >= AA+0.05 {
			return m
		}
	}
	return white
}

// OnLight returns c itself when it reaches AA against Light, else c mixed
// with black by the smallest step of 5% that does: the colour to suggest
// when a site's choice is too light for text.
func (c RGB) OnLight() RGB {
	for step := 0; step <= 20; step++ {
		if d := c.Mix(RGB{}, float64(step)/20); Contrast(d, Light) >= AA+0.05 {
			return d
		}
	}
	return RGB{}
}
