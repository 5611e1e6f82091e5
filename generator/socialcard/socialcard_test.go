package socialcard

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"strings"
	"testing"
)

var (
	teal   = color.RGBA{0x0d, 0x69, 0x65, 0xff}
	orange = color.RGBA{0x9a, 0x48, 0x06, 0xff}
)

func TestPNG(t *testing.T) {
	tests := []struct {
		name string
		card Card
	}{
		{"short", Card{Title: "Summer holiday support", SiteTitle: "Casebook", Terms: []Term{{"Systems", teal}, {"Inquiry", orange}}}},
		{"long title wraps and is cut", Card{Title: strings.Repeat("A much longer title about collective leadership ", 8), SiteTitle: strings.Repeat("Site ", 60)}},
		{"one long word", Card{Title: strings.Repeat("x", 500), SiteTitle: "S"}},
		{"hostile", Card{Title: "<script>\"'{}\n\t\u202e\u0000 Ŵŷ ‘quoted’ 漢字", SiteTitle: "", Terms: make([]Term, 20)}},
		{"empty", Card{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := PNG(tt.card)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 60<<10 {
				t.Errorf("card is %d bytes, over 60 KB", len(data))
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
				t.Errorf("card is %v, want 1200×630", b)
			}
			if got := KeyOf(data); got != Key(tt.card) || got == "" {
				t.Errorf("KeyOf = %q, want %q", got, Key(tt.card))
			}
			again, _ := PNG(tt.card)
			if !bytes.Equal(data, again) {
				t.Error("the same card drawn twice differs")
			}
		})
	}
}

// TestPNGDraws checks what a card shows: the band in the terms' colours,
// in order, and ink where the title and the site's title are, inside the
// margins.
func TestPNGDraws(t *testing.T) {
	data, err := PNG(Card{Title: "Summer holiday support for families", SiteTitle: "Casebook", Terms: []Term{{"Systems", teal}, {"Inquiry", orange}}})
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("CASEBOOK_CARD_OUT") != "" {
		os.WriteFile(os.Getenv("CASEBOOK_CARD_OUT"), data, 0o644)
	}
	img, _ := png.Decode(bytes.NewReader(data))
	at := func(x, y int) color.RGBA {
		r, g, b, a := img.At(x, y).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	}
	if at(10, 5) != teal || at(1190, 5) != orange {
		t.Errorf("band = %v … %v, want the terms' colours", at(10, 5), at(1190, 5))
	}
	if at(94, 560) != teal {
		t.Errorf("first term's dot = %v", at(94, 560))
	}
	inked := func(r image.Rectangle) int {
		n := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if at(x, y) != background {
					n++
				}
			}
		}
		return n
	}
	if inked(image.Rect(80, 80, 400, 115)) == 0 {
		t.Error("no site title")
	}
	if inked(image.Rect(80, 150, 1120, 320)) < 2000 {
		t.Error("no title")
	}
	if n := inked(image.Rect(0, bandHeight, 60, 630)) + inked(image.Rect(1140, bandHeight, 1200, 630)); n > 0 {
		t.Errorf("%d pixels drawn in the side margins", n)
	}
}

func BenchmarkPNG(b *testing.B) {
	c := Card{Title: "Summer holiday support for families in a local authority area", SiteTitle: "Collective Leadership Casebook",
		Terms: []Term{{"Systems", teal}, {"Inquiry", orange}, {"Relationality", teal}}}
	for b.Loop() {
		if _, err := PNG(c); err != nil {
			b.Fatal(err)
		}
	}
}

func TestKey(t *testing.T) {
	a := Card{Title: "A", SiteTitle: "S", Terms: []Term{{"T", teal}}}
	for name, b := range map[string]Card{
		"title":       {Title: "B", SiteTitle: "S", Terms: []Term{{"T", teal}}},
		"site title":  {Title: "A", SiteTitle: "S2", Terms: []Term{{"T", teal}}},
		"term colour": {Title: "A", SiteTitle: "S", Terms: []Term{{"T", orange}}},
		"term title":  {Title: "A", SiteTitle: "S", Terms: []Term{{"U", teal}}},
		"split":       {Title: "AS", SiteTitle: "", Terms: []Term{{"T", teal}}},
	} {
		if Key(a) == Key(b) {
			t.Errorf("%s: two cards that differ share a key", name)
		}
	}
	for _, bad := range [][]byte{nil, []byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 100)} {
		if KeyOf(bad) != "" {
			t.Errorf("KeyOf(%q) found a key", bad)
		}
	}
	data, _ := PNG(a)
	data[40] ^= 1 // inside the key: the chunk's CRC no longer matches
	if KeyOf(data) != "" {
		t.Error("KeyOf accepted a damaged chunk")
	}
}
