package schema

import (
	"testing"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
)

func TestVocabularyTable(t *testing.T) {
	cfg := &config.Config{Taxonomies: []string{"principles", "sectors"}}
	col := &content.Collection{
		Terms: map[string][]*content.Term{
			"principles": {{Key: "inquiry", Title: "Inquiry | asking", Aliases: []string{"enquiry"}}, {Key: "systems", Title: "Systems"}},
			"sectors":    {{Key: "nhs", Title: "NHS <health>"}},
		},
		Stories: []*content.Story{
			{Terms: map[string][]string{"principles": {"inquiry"}, "sectors": {"nhs"}}},
			{Terms: map[string][]string{"principles": {"inquiry", "systems"}}},
		},
	}
	want := "| Field | Key | Title | Also accepted | Stories |\n" +
		"| --- | --- | --- | --- | --: |\n" +
		"| principles | `inquiry` | Inquiry \\| asking | `enquiry` | 2 |\n" +
		"| principles | `systems` | Systems |  | 1 |\n" +
		"| sectors | `nhs` | NHS &lt;health> |  | 1 |\n"
	if got := VocabularyTable(cfg, col); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
