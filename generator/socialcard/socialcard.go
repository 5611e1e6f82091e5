// Package socialcard draws the image that a shared link shows: a
// 1200×630 PNG (the size Open Graph and Twitter ask for) with a page's
// title, wrapped, the site's title, and a band and dots in the colours of
// the page's primary terms, each with its title.
//
// It is drawn in Go with the Go fonts (golang.org/x/image/font/gofont,
// under a BSD-style licence, embedded in the binary), on a palette of a
// few dozen colours: glyphs are rasterised once per card and written
// straight into the paletted image, anti-aliased in eight steps, which
// keeps a card to a few tens of kilobytes and a few milliseconds. The
// same input always gives the same bytes.
package socialcard

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the card's size in pixels.
const (
	Width  = 1200
	Height = 630
)

// Version changes whenever a card drawn from the same Card would come out
// different, so that cached cards are drawn again.
const Version = 1

// Term is one primary term of the page: its title and colour.
type Term struct {
	Title  string
	Colour color.RGBA
}

// Card is what a card shows.
type Card struct {
	Title     string
	SiteTitle string
	// Terms are the page's primary terms; with none, the band takes
	// Palette's colours.
	Terms []Term
	// Palette colours the band of a card without terms.
	Palette []color.RGBA
}

var (
	background = color.RGBA{0xfa, 0xf8, 0xf4, 0xff}
	ink        = color.RGBA{0x1b, 0x1f, 0x23, 0xff}
	muted      = color.RGBA{0x4a, 0x4f, 0x55, 0xff}
)

// levels is the number of anti-aliasing steps between the background and
// a text colour.
const levels = 8

const (
	margin     = 80
	bandHeight = 18
	maxLines   = 4
)

type faces struct {
	site, title, smallTitle, term font.Face
}

// fonts are the parsed Go fonts, shared: a parsed font is safe for
// concurrent use, the faces made from it are not.
var fonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return [2]*opentype.Font{}, err
	}
	regular, err := opentype.Parse(goregular.TTF)
	return [2]*opentype.Font{bold, regular}, err
})

// facePool holds sets of faces, one set per card being drawn at a time.
var facePool sync.Pool

func getFaces() (*faces, error) {
	if fs, ok := facePool.Get().(*faces); ok {
		return fs, nil
	}
	f, err := fonts()
	if err != nil {
		return nil, err
	}
	bold, regular := f[0], f[1]
	var fs faces
	for _, x := range []struct {
		dst  *font.Face
		f    *opentype.Font
		size float64
	}{{&fs.site, bold, 34}, {&fs.title, bold, 70}, {&fs.smallTitle, bold, 56}, {&fs.term, regular, 30}} {
		if *x.dst, err = opentype.NewFace(x.f, &opentype.FaceOptions{Size: x.size, DPI: 72, Hinting: font.HintingFull}); err != nil {
			return nil, err
		}
	}
	return &fs, nil
}

// PNG draws c and encodes it as a PNG.
func PNG(c Card) ([]byte, error) {
	fs, err := getFaces()
	if err != nil {
		return nil, err
	}
	defer facePool.Put(fs)
	pal := color.Palette{background}
	ramp := func(fg color.RGBA) uint8 {
		base := uint8(len(pal))
		for i := 1; i <= levels; i++ {
			pal = append(pal, blend(background, fg, i, levels))
		}
		return base
	}
	inkBase, mutedBase := ramp(ink), ramp(muted)
	band := make([]color.RGBA, 0, len(c.Terms))
	for _, t := range c.Terms {
		band = append(band, t.Colour)
	}
	if len(band) == 0 {
		band = c.Palette
	}
	if len(band) == 0 {
		band = []color.RGBA{muted}
	}
	colourIndex := map[color.RGBA]uint8{}
	for _, col := range band {
		if _, ok := colourIndex[col]; !ok && len(pal) < 256 {
			colourIndex[col] = uint8(len(pal))
			pal = append(pal, col)
		}
	}
	pix := pixPool.Get().(*[]uint8)
	defer pixPool.Put(pix)
	clear(*pix) // index 0 is the background
	img := &image.Paletted{Pix: *pix, Stride: Width, Rect: image.Rect(0, 0, Width, Height), Palette: pal}

	for i, col := range band {
		x0, x1 := Width*i/len(band), Width*(i+1)/len(band)
		fill(img, image.Rect(x0, 0, x1, bandHeight), colourIndex[col])
	}

	text(img, fs.site, mutedBase, margin, 110, ellipsize(fs.site, c.SiteTitle, Width-2*margin))

	face, lineHeight := fs.title, 84
	lines := wrap(face, c.Title, Width-2*margin)
	if len(lines) > 3 {
		face, lineHeight = fs.smallTitle, 68
		lines = wrap(face, c.Title, Width-2*margin)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = ellipsize(face, lines[maxLines-1]+"…", Width-2*margin)
	}
	y := 215
	for _, l := range lines {
		text(img, face, inkBase, margin, y, l)
		y += lineHeight
	}

	x := margin
	for _, t := range c.Terms {
		w := font.MeasureString(fs.term, t.Title).Ceil()
		if x+36+w > Width-margin {
			break
		}
		disc(img, x+14, 560, 14, colourIndex[t.Colour])
		text(img, fs.term, inkBase, x+38, 571, t.Title)
		x += 38 + w + 36
	}

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: encoderBuffers{}}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return withKey(buf.Bytes(), Key(c)), nil
}

// pixPool and encoderPool keep the 750 KB of pixels of a card and the
// PNG encoder's buffers between cards.
var (
	pixPool     = sync.Pool{New: func() any { pix := make([]uint8, Width*Height); return &pix }}
	encoderPool sync.Pool
)

type encoderBuffers struct{}

func (encoderBuffers) Get() *png.EncoderBuffer {
	b, _ := encoderPool.Get().(*png.EncoderBuffer)
	return b
}

func (encoderBuffers) Put(b *png.EncoderBuffer) { encoderPool.Put(b) }

func blend(bg, fg color.RGBA, i, n int) color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8((int(a)*(n-i) + int(b)*i + n/2) / n) }
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

func fill(img *image.Paletted, r image.Rectangle, idx uint8) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[y*img.Stride+r.Min.X : y*img.Stride+r.Max.X]
		for i := range row {
			row[i] = idx
		}
	}
}

// disc fills a circle, without anti-aliasing, so that it keeps exactly
// its term's colour.
func disc(img *image.Paletted, cx, cy, r int, idx uint8) {
	for y := -r; y <= r; y++ {
		for x := -r; x <= r; x++ {
			if x*x+y*y <= r*r {
				img.SetColorIndex(cx+x, cy+y, idx)
			}
		}
	}
}

// text draws s with its baseline at (x, y), each glyph's coverage turned
// into one of the levels of the ramp that starts at base.
func text(img *image.Paletted, face font.Face, base uint8, x, y int, s string) {
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, advance, ok := face.Glyph(dot, r)
		if !ok {
			dr, mask, mp, advance, _ = face.Glyph(dot, '?')
		}
		alpha, isAlpha := mask.(*image.Alpha)
		for py := dr.Min.Y; py < dr.Max.Y; py++ {
			if py < 0 || py >= Height {
				continue
			}
			for px := dr.Min.X; px < dr.Max.X; px++ {
				if px < 0 || px >= Width {
					continue
				}
				mx, my := mp.X+px-dr.Min.X, mp.Y+py-dr.Min.Y
				var a uint8
				if isAlpha {
					a = alpha.AlphaAt(mx, my).A
				} else {
					_, _, _, a32 := mask.At(mx, my).RGBA()
					a = uint8(a32 >> 8)
				}
				if step := (int(a)*levels + 127) / 255; step > 0 {
					img.Pix[py*img.Stride+px] = base + uint8(step) - 1
				}
			}
		}
		dot.X += advance
		prev = r
	}
}

// wrap breaks s into lines no wider than width, at spaces; a word wider
// than a line is broken where it overflows.
func wrap(face font.Face, s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if font.MeasureString(face, try).Ceil() <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		for font.MeasureString(face, word).Ceil() > width && utf8.RuneCountInString(word) > 1 {
			cut := fitting(face, word, width)
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		line = word
		if len(lines) > maxLines {
			break
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fitting returns the length in bytes of the longest prefix of s, at
// least one rune, that fits in width.
func fitting(face font.Face, s string, width int) int {
	cut := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		if cut > 0 && font.MeasureString(face, s[:end]).Ceil() > width {
			break
		}
		cut = end
	}
	return cut
}

// ellipsize shortens s, ending it with "…", until it fits in width.
func ellipsize(face font.Face, s string, width int) string {
	if font.MeasureString(face, s).Ceil() <= width {
		return s
	}
	runes := []rune(strings.TrimSuffix(s, "…"))
	for len(runes) > 0 && font.MeasureString(face, string(runes)+"…").Ceil() > width {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimSpace(string(runes)) + "…"
}
