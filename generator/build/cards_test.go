package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/socialcard"
)

// TestCardsKeptBetweenBuilds builds a site twice into the same folder:
// the second build keeps every social card whose key is unchanged (here
// one with bytes added after its image, which it would not draw) and
// draws again the card of a retitled story.
func TestCardsKeptBetweenBuilds(t *testing.T) {
	src := unpackFixture(t, "casebook")
	opts := build.Options{Src: src, Out: filepath.Join(t.TempDir(), "out")}
	first := buildOK(t, opts)
	card := func(slug string) []byte {
		data, err := os.ReadFile(filepath.Join(first.Out, "stories", slug, "card.png"))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	marked := append(card("summer-support"), "kept"...)
	if err := os.WriteFile(filepath.Join(first.Out, "stories", "summer-support", "card.png"), marked, 0o644); err != nil {
		t.Fatal(err)
	}
	before := card("rural-bus")
	story := filepath.Join(src, "content", "stories", "2019", "bus.md")
	data, err := os.ReadFile(story)
	if err != nil {
		t.Fatal(err)
	}
	retitled := strings.Replace(string(data), "title: ", "title: Retitled ", 1)
	if err := os.WriteFile(story, []byte(retitled), 0o644); err != nil {
		t.Fatal(err)
	}
	buildOK(t, opts)
	if !bytes.Equal(card("summer-support"), marked) {
		t.Error("an unchanged card was drawn again")
	}
	after := card("rural-bus")
	if bytes.Equal(after, before) || socialcard.KeyOf(after) == socialcard.KeyOf(before) {
		t.Error("the card of a retitled story was kept")
	}
}

// TestCardsKeptInEveryLanguage builds a site in three languages twice
// into the same folder: each language's cards are kept from its own
// folder, and none is lost, also when a translation's card shows just
// what its original's does (same title, site title and terms), so that
// the two cards have the same key.
func TestCardsKeptInEveryLanguage(t *testing.T) {
	src := unpackFixture(t, "bilingual")
	// The Gaelic edition's title and its afon-story translation's title
	// are the English ones, and its terms are not translated.
	toml := filepath.Join(src, "site.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, toml, strings.Replace(string(data), `title = "Cleachdadh Gleann na h-Aibhne"`, `title = "River Valley Practice"`, 1))
	gd := filepath.Join(src, "content", "stories", "afon-story.gd.md")
	data, err = os.ReadFile(gd)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, gd, strings.Replace(string(data), "title: Glanadh na h-Aibhne", "title: The river clean-up", 1))

	opts := build.Options{Src: src, Out: filepath.Join(t.TempDir(), "out")}
	first := buildOK(t, opts)
	if a, b := socialcard.KeyOf(readOut(t, first.Out, "stories/afon-story/card.png")), socialcard.KeyOf(readOut(t, first.Out, "gd/stories/afon-story/card.png")); a != b || a == "" {
		t.Fatalf("the English and Gaelic cards' keys are %q and %q: the fixture no longer makes them equal", a, b)
	}
	before := tree(t, first.Out)
	var marked []string
	for name := range before {
		if strings.HasSuffix(name, "card.png") && strings.Contains(name, "/") && !strings.HasPrefix(name, "stories/") {
			marked = append(marked, name) // cy/…, gd/…
			writeFile(t, filepath.Join(first.Out, filepath.FromSlash(name)), before[name]+"kept")
		}
	}
	if len(marked) < 4 {
		t.Fatalf("only %d cards of further languages: %v", len(marked), marked)
	}
	second := buildOK(t, opts)
	after := tree(t, second.Out)
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("the second build lost %s", name)
		}
	}
	for _, name := range marked {
		if !strings.HasSuffix(after[name], "kept") {
			t.Errorf("%s was drawn again, not kept", name)
		}
	}
}

// readOut reads the output file name of the output folder out.
func readOut(t *testing.T, out, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
