package schema

import (
	"fmt"
	"strings"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
)

// VocabularyTable returns the site's vocabulary as a Markdown table: one
// row per term, taxonomies in site.toml order and terms in display order,
// with the term's title, its aliases and the number of stories tagged with
// it (drafts not counted).
func VocabularyTable(cfg *config.Config, col *content.Collection) string {
	var b strings.Builder
	b.WriteString("| Field | Key | Title | Also accepted | Stories |\n")
	b.WriteString("| --- | --- | --- | --- | --: |\n")
	for _, name := range cfg.Taxonomies {
		field := name
		if cfg.Optional(name) {
			field += " (optional)"
		}
		counts := map[string]int{}
		for _, s := range col.Stories {
			for _, key := range s.Terms[name] {
				counts[key]++
			}
		}
		for _, t := range col.Terms[name] {
			aliases := make([]string, len(t.Aliases))
			for i, a := range t.Aliases {
				aliases[i] = "`" + a + "`"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %d |\n", field, t.Key, cell(t.Title), strings.Join(aliases, ", "), counts[t.Key])
		}
	}
	return b.String()
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;").Replace(s)
}
