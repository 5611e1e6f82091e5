package check

import (
	"strings"
	"testing"
)

// TestCheckStoryAliases reports each alias that cannot be an earlier
// address of its story at the alias itself.
func TestCheckStoryAliases(t *testing.T) {
	other := "---\ntitle: B\nsummary: S.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\naliases: [shared]\n---\n"
	draft := "---\ntitle: D\nsummary: S.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\ndraft: true\n---\n"
	tests := []struct {
		name  string
		field string
		want  string // the aliases kept, space-separated
		diags []string
	}{
		{"list", "aliases: [old-name, older]", "old-name older", nil},
		{"one text", "aliases: old-name", "old-name", nil},
		{"repeat counts once", "aliases: [old, old]", "old", nil},
		{"not a slug", "aliases: [Old Name]", "", []string{`x.md:7:11: error: alias "Old Name" is not a valid slug`}},
		{"own slug", "aliases: [x]", "x", []string{`x.md:7:11: error: alias "x" is the story's own slug`}},
		{"another story's slug", "aliases: [b]", "b", []string{`x.md:7:11: error: alias "b" is the slug of another story, content/stories/b.md`}},
		{"a draft's slug", "aliases: [d]", "d", []string{`x.md:7:11: error: alias "d" is the slug of another story, content/stories/d.md`}},
		{"another story's alias", "aliases: [ok, shared]", "ok shared", []string{`x.md:7:15: error: alias "shared" is also an alias of content/stories/b.md`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := append(vocabularyFiles(t), file(t, "content/stories/b.md", other), file(t, "content/stories/d.md", draft),
				file(t, "content/stories/x.md", story("principles: [systems]\nsectors: [nhs]\n"+tt.field)))
			files[len(files)-1].Path = "x.md"
			col, diags := Check(files, opts)
			checkDiags(t, diags, tt.diags)
			var got []string
			for _, s := range col.Stories {
				if s.Slug == "x" {
					for _, a := range s.Aliases {
						got = append(got, a.Value)
					}
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("aliases = %q, want %q", got, tt.want)
			}
		})
	}
}
