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
