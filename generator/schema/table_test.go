package schema

import (
	"strings"
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

func TestVocabularyTableOptional(t *testing.T) {
	cfg := &config.Config{Taxonomies: []string{"values", "regions"}, OptionalTaxonomies: []string{"regions"}}
	col := &content.Collection{Terms: map[string][]*content.Term{
		"values":  {{Key: "kindness", Title: "Kindness"}},
		"regions": {{Key: "gwent", Title: "Gwent"}},
	}}
	want := "| Field | Key | Title | Also accepted | Stories |\n" +
		"| --- | --- | --- | --- | --: |\n" +
		"| values | `kindness` | Kindness |  | 0 |\n" +
		"| regions (optional) | `gwent` | Gwent |  | 0 |\n"
	if got := VocabularyTable(cfg, col); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestStoryOptionalTaxonomy(t *testing.T) {
	cfg := &config.Config{Title: "T", Taxonomies: []string{"values", "regions"}, OptionalTaxonomies: []string{"regions"}}
	col := &content.Collection{Terms: map[string][]*content.Term{
		"values":  {{Key: "kindness", Title: "Kindness"}},
		"regions": {{Key: "gwent", Title: "Gwent"}},
	}}
	s := Story(cfg, col)
	if got := strings.Join(s.Required, ","); got != "title,summary,date,values" {
		t.Errorf("required = %s, want title,summary,date,values", got)
	}
	if list := s.Properties.Get("regions").AnyOf[0]; list.MinItems != nil {
		t.Errorf("regions needs %d items, want any number", *list.MinItems)
	}
	if list := s.Properties.Get("values").AnyOf[0]; list.MinItems == nil || *list.MinItems != 1 {
		t.Errorf("values does not need one item")
	}
}
