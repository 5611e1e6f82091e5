package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/colour"
	"github.com/casebook/casebook/generator/content"
)

// TestPalette: at least eight colours, all different, each readable as
// text on the theme's surfaces in its scheme.
func TestPalette(t *testing.T) {
	if len(Palette) < 8 {
		t.Fatalf("the palette has %d colours, want at least 8", len(Palette))
	}
	seen := map[string]bool{}
	for i, tone := range Palette {
		light, err1 := colour.Parse(tone.Light)
		bright, err2 := colour.Parse(tone.Bright)
		if err1 != nil || err2 != nil {
			t.Fatalf("palette %d: %v %v", i, err1, err2)
		}
		if seen[tone.Light] || seen[tone.Bright] {
			t.Errorf("palette %d repeats a colour: %v", i, tone)
		}
		seen[tone.Light], seen[tone.Bright] = true, true
		if r := colour.Contrast(light, colour.Light); r < colour.AA {
			t.Errorf("palette %d: %s on the light surfaces is %.2f:1", i, tone.Light, r)
		}
		if r := colour.Contrast(bright, colour.Dark); r < colour.AA {
			t.Errorf("palette %d: %s on the dark surfaces is %.2f:1", i, tone.Bright, r)
		}
	}
}

// primarySite is the test site with n terms in its primary taxonomy, in
// the order given by their order field; the keys are chosen so that
// alphabetical order differs from display order. The term of order 2 has
// colours of its own when own is set.
func primarySite(t *testing.T, n int, own string) map[string]string {
	t.Helper()
	site := testSiteWith(t, func(col *content.Collection) {
		var terms []*content.Term
		for i := range n {
			key := fmt.Sprintf("term-%c", 'z'-i)
			term := &content.Term{Path: "content/principles/" + key + ".md", Taxonomy: "principles", Key: key,
				Title: fmt.Sprintf("Term %d", i+1), Summary: "About it", Order: i + 1}
			if i == 1 {
				term.Colour = own
			}
			terms = append(terms, term)
		}
		// Keep the stories' terms: the first two keys stand for them.
		col.Terms["principles"] = terms
		for i, s := range col.Stories {
			s.Terms["principles"] = []string{terms[i%n].Key}
		}
	})
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return renderAll(t, site, th)
}

var toneRule = regexp.MustCompile(`\.tone-(\d+)\{--tone:(#[0-9a-f]{6});--tone-bright:(#[0-9a-f]{6})\}`)

// TestTonesByOrder: every primary term of a site of 1 to 8 gets its own
// colour, by display order (not by key), its own mark and a logo dot; a
// term's own colour wins, with a lighter one for the dark scheme.
func TestTonesByOrder(t *testing.T) {
	for n := 1; n <= 8; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			home := primarySite(t, n, "")["index.html"]
			rules := toneRule.FindAllStringSubmatch(home, -1)
			if len(rules) != n {
				t.Fatalf("%d tone rules for %d terms:\n%s", len(rules), n, rules)
			}
			colours := map[string]bool{}
			for i, r := range rules {
				if r[1] != fmt.Sprint(i+1) || r[2] != Palette[i].Light || r[3] != Palette[i].Bright {
					t.Errorf("rule %d is %q, want tone-%d in %v", i, r[0], i+1, Palette[i])
				}
				colours[r[2]] = true
			}
			if len(colours) != n {
				t.Errorf("%d distinct colours for %d terms", len(colours), n)
			}
			for i := range n {
				card := fmt.Sprintf(`<li class="primary-term tone-%d"><svg class="mark mark-large" aria-hidden="true" focusable="false"><use href="#mark-%d"/></svg><h3><a href="/cb/principles/term-%c/">Term %d</a>`, i+1, i+1, 'z'-i, i+1)
				if !strings.Contains(strings.ReplaceAll(home, "\n", ""), card) {
					t.Errorf("the home page lacks the card of term %d: %s", i+1, card)
				}
				if !strings.Contains(home, fmt.Sprintf(`<symbol id="mark-%d"`, i+1)) {
					t.Errorf("the page defines no mark-%d", i+1)
				}
			}
			if got := strings.Count(home[:strings.Index(home, "</header>")], `<circle class="tone-`); got != n {
				t.Errorf("the logo has %d dots for %d terms", got, n)
			}
			if !strings.Contains(home, fmt.Sprintf(`class="orbs orbs-%d"`, n)) {
				t.Errorf("the home diagram is not drawn for %d terms", n)
			}
		})
	}
	t.Run("own colour", func(t *testing.T) {
		home := primarySite(t, 3, "#7a2e8c")["index.html"]
		own, _ := colour.Parse("#7a2e8c")
		want := fmt.Sprintf(".tone-2{--tone:#7a2e8c;--tone-bright:%s}", own.OnDark())
		if !strings.Contains(home, want) || !strings.Contains(home, ".tone-3{--tone:"+Palette[2].Light) {
			t.Errorf("the term's own colour is not used, or moves the others: want %s in\n%s", want, toneRule.FindAllString(home, -1))
		}
		if r := colour.Contrast(own.OnDark(), colour.Dark); r < colour.AA {
			t.Errorf("the dark-scheme colour of #7a2e8c has %.2f:1", r)
		}
	})
}
