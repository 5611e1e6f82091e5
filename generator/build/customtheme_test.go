package build_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/casebook/casebook/generator/e2e"
)

// customStory is a site's own story template that reads what the
// built-in one does not: for each of the story's terms, how many stories
// it has and the newest of them; the first primary term's count and newest story; and the
// related stories' bodies' length.
const customStory = `{{define "main"}}<article>
<h1>{{.Title}}</h1>
{{range .Story.Terms}}{{range .Terms}}<p class="count">{{.Title}}: {{len .Stories}} stories, newest {{with index .Stories 0}}{{.Title}}{{end}}</p>{{end}}{{end}}
{{with .Site.Primary}}{{with index .Terms 0}}<p class="first">{{.Title}}: {{len .Stories}}, {{(index .Stories 0).Title}}</p>{{end}}{{end}}
{{range .Story.Related}}<p class="related">{{.Title}} {{len .HTML}}</p>{{end}}
{{.Story.HTML}}
</article>{{end}}
`

// customTerm is a site's own term template that shows on every page of a
// list what the built-in one shows on the first only, and every story's
// summary and body length.
const customTerm = `{{define "main"}}<h1>{{.Title}} ({{len .Term.Stories}})</h1>
<ul>{{range .Stories}}<li>{{.Title}}: {{.Summary}} {{len .HTML}}</li>{{end}}</ul>{{end}}
`

// TestBuilderMatchesCleanBuildCustomTheme is the differential test with
// a site whose templates read counts, neighbours and other stories in
// ways the built-in theme does not: after every random edit, watch output
// must be what a clean build of the same files writes.
func TestBuilderMatchesCleanBuildCustomTheme(t *testing.T) {
	for _, seed := range []uint64{4} {
		t.Run(fmt.Sprintf("seed-%d", seed), func(t *testing.T) {
			src := t.TempDir()
			copySite(t, e2e.RepoRoot(t), src)
			writeFile(t, filepath.Join(src, "themes/default/templates/story.html"), customStory)
			writeFile(t, filepath.Join(src, "themes/default/templates/term.html"), customTerm)
			checkBuilderEdits(t, src, seed, "access-to-family-support")
		})
	}
}
