package render

import (
	"bytes"
	"image/png"
	"strings"
	"sync"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/socialcard"
)

func TestSocialCards(t *testing.T) {
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	files := renderAll(t, testSite(t), th)
	for _, p := range []string{"stories/new/card.png", "stories/old/card.png", "card.png"} {
		data := []byte(files[p])
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 || len(data) > 60<<10 {
			t.Errorf("%s is %v, %d bytes", p, b, len(data))
		}
	}
	story := files["stories/new/index.html"]
	for _, want := range []string{
		`<meta property="og:image" content="https://example.org/cb/stories/new/card.png">`,
		`<meta property="og:image:width" content="1200">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta name="twitter:image" content="https://example.org/cb/stories/new/card.png">`,
		`<meta property="og:type" content="article">`,
	} {
		if !strings.Contains(story, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	for _, p := range []string{"index.html", "principles/systems/index.html", "stories/index.html", "search/index.html", "404.html"} {
		if !strings.Contains(files[p], `<meta property="og:image" content="https://example.org/cb/card.png">`) ||
			!strings.Contains(files[p], `<meta property="og:title"`) || !strings.Contains(files[p], `<meta name="twitter:title"`) {
			t.Errorf("%s lacks its Open Graph and Twitter tags", p)
		}
	}
}

// TestSocialCardsPrevious keeps a card the last build wrote when its key
// is the one the card would have, and draws it again otherwise.
func TestSocialCardsPrevious(t *testing.T) {
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	site := testSite(t)
	first := renderAll(t, site, th)
	kept := []byte(first["stories/new/card.png"] + "marker")
	stale, _ := socialcard.PNG(socialcard.Card{Title: "An old title"})
	previous := map[string][]byte{"stories/new/card.png": kept, "stories/old/card.png": stale}
	files := map[string]string{}
	var mu sync.Mutex
	err = Render(site, th, Options{Previous: func(p string) []byte { return previous[p] }}, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if strings.HasSuffix(p, "card.png") {
			files[p] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files["stories/new/card.png"] != string(kept) {
		t.Error("a card with the same key was drawn again")
	}
	if files["stories/old/card.png"] != first["stories/old/card.png"] {
		t.Error("a card with another key was kept")
	}
}
