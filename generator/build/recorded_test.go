package build_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/build"
)

// Templates of a site's own that read what the built-in theme does not,
// in every way a template can: variables, nested ranges, index, with, a
// method given an argument, a map ranged over, other stories' bodies,
// counts on every page, and a card of its own (zz.html is parsed after
// partials.html, so its "card" wins).
var recordedTheme = map[string]string{
	"story.html": `{{define "main"}}<article><h1>{{.Title}}</h1>
{{$s := .Story}}{{range $s.Terms}}{{$g := .}}{{range .Terms}}<p class="t">{{$g.Taxonomy.Title}} {{.Title}} {{len .Stories}} {{with index .Stories 0}}{{.Title}} {{.ReadingMinutes}}{{end}} {{tone .}}</p>{{end}}{{end}}
{{range $i, $r := .Story.Related}}<p class="rel">{{$i}} {{$r.Title}} {{len $r.HTML}} {{range $r.Backlinks}}{{.Title}}{{end}}</p>{{end}}
{{range .Story.Backlinks}}<p class="bl">{{.Title}}</p>{{end}}
{{with .Site.Primary}}{{with .Term "listening"}}<p class="m">{{.Title}} {{len .Stories}}</p>{{end}}{{end}}
<p class="n">{{.Site.StoryCount}} {{(index .Site.Taxonomies 0).Title}}</p>
{{range $k, $v := .Story.Story.Terms}}<p class="raw">{{$k}}={{join $v}}</p>{{end}}
{{.Story.HTML}}</article>{{end}}
`,
	"term.html": `{{define "main"}}<h1>{{.Title}} ({{len .Term.Stories}})</h1>
<p>{{range .Taxonomy.Terms}}{{.Title}}:{{len .Stories}} {{end}}</p>
<ul>{{range .Stories}}<li>{{.Title}}: {{.Summary}} {{len .HTML}}</li>{{end}}</ul>{{end}}
`,
	"taxonomy.html": `{{define "main"}}<h1>{{.Title}}</h1>
{{range .Taxonomy.Terms}}<h2>{{.Title}}</h2>{{with .Stories}}{{with index . 0}}<p>{{.Title}} {{.HTML}}</p>{{end}}{{end}}{{end}}{{end}}
`,
	"home.html": `{{define "main"}}<h1>{{.Site.Title}}</h1>
{{range .Latest}}<p>{{.Title}} {{len .HTML}} {{cardHTML .}}</p>{{end}}
{{range .Site.Taxonomies}}{{range .Terms}}<p>{{.Title}} {{len .Stories}}</p>{{end}}{{end}}{{end}}
`,
	"zz.html": `{{define "card"}}<article class="own-card">{{.Title}} {{range .Terms}}{{range .Terms}}{{.Title}}({{len .Stories}}){{end}}{{end}} {{len .Related}}</article>{{end}}
`,
}

// TestRecordsFollowAnyTemplate is the differential test on a site that
// is not the sample (other taxonomies, three languages) with the
// templates above: after every random edit, the watched output must be
// what a clean build writes. A body edit that no other page reads renders
// few files.
func TestRecordsFollowAnyTemplate(t *testing.T) {
	for _, seed := range recordSeeds() {
		t.Run(fmt.Sprintf("seed-%d", seed), func(t *testing.T) {
			src := unpackFixture(t, "bilingual")
			// Translations take their original's date: one that sets it
			// would be an error each time the editor redates a story.
			gd := filepath.Join(src, "content/stories/afon-story.gd.md")
			data, err := os.ReadFile(gd)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, gd, strings.Replace(string(data), "date: 2020-11-03\n", "", 1))
			for name, text := range recordedTheme {
				writeFile(t, filepath.Join(src, "themes/default/templates", name), text)
			}
			out := filepath.Join(t.TempDir(), "out")
			b := build.NewBuilder(build.Options{Src: src, Out: out})
			if up, err := b.Build(); err != nil || up.Diags.HasErrors() {
				t.Fatalf("first build: %v %v", err, up.Diags)
			}
			e := &vocabEditor{t: t, src: src, rng: rand.New(rand.NewPCG(seed, 5))}
			for step := range 24 {
				what, changed := e.edit()
				up, err := b.BuildChanged(changed)
				clean, cleanErr := build.Build(build.Options{Src: src, Out: filepath.Join(t.TempDir(), "clean")})
				if err != nil || cleanErr != nil {
					t.Fatalf("step %d (%s): %v / %v", step, what, err, cleanErr)
				}
				if up.Diags.HasErrors() || clean.Diags.HasErrors() {
					t.Fatalf("step %d (%s): the edit made errors: %v / %v", step, what, up.Diags, clean.Diags)
				}
				compareTrees(t, fmt.Sprintf("step %d (%s)", step, what), tree(t, clean.Out), tree(t, out))
			}
		})
	}
}

// vocabEditor makes random edits to a site whatever its vocabulary: the
// taxonomies and terms are read from its files.
type vocabEditor struct {
	t   *testing.T
	src string
	rng *rand.Rand
	n   int
}

// stories returns the site's story files, originals and translations.
func (e *vocabEditor) stories() (originals, translations []string) {
	err := filepath.WalkDir(filepath.Join(e.src, "content/stories"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(e.src, p)
		if isTranslation(rel) {
			translations = append(translations, rel)
		} else {
			originals = append(originals, rel)
		}
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
	slices.Sort(originals)
	slices.Sort(translations)
	return originals, translations
}

// terms returns the keys of the terms of taxonomy tax.
func (e *vocabEditor) terms(tax string) []string {
	files, _ := filepath.Glob(filepath.Join(e.src, "content", tax, "*.md"))
	var keys []string
	for _, f := range files {
		name := filepath.Base(f)
		if name != "_index.md" && !isTranslation(name) {
			keys = append(keys, strings.TrimSuffix(name, ".md"))
		}
	}
	return keys
}

func (e *vocabEditor) some(keys []string) string {
	e.rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	return "[" + strings.Join(keys[:1+e.rng.IntN(len(keys))], ", ") + "]"
}

func (e *vocabEditor) edit() (string, []string) {
	e.n++
	originals, translations := e.stories()
	story := originals[e.rng.IntN(len(originals))]
	switch e.rng.IntN(8) {
	case 0:
		return e.change(story, func(s string) string { return s + fmt.Sprintf("\nOne more paragraph (%d).\n", e.n) }), []string{story}
	case 1:
		if len(translations) > 0 {
			tr := translations[e.rng.IntN(len(translations))]
			return e.change(tr, func(s string) string { return s + fmt.Sprintf("\nParagraff arall (%d).\n", e.n) }), []string{tr}
		}
		fallthrough
	case 2:
		return e.change(story, func(s string) string { return setField(s, "title", fmt.Sprintf("Retitled %d", e.n)) }), []string{story}
	case 3:
		tax := []string{"values", "regions"}[e.rng.IntN(2)]
		return e.change(story, func(s string) string { return setField(s, tax, e.some(e.terms(tax))) }), []string{story}
	case 4:
		return e.change(story, func(s string) string {
			return setField(s, "date", fmt.Sprintf("20%02d-0%d-1%d", 10+e.n%15, 1+e.n%9, e.n%9))
		}), []string{story}
	case 5:
		name := fmt.Sprintf("content/stories/added-%d.md", e.n)
		text := fmt.Sprintf("---\ntitle: Added %d\nsummary: Added while watched.\ndate: 2022-04-%02d\nvalues: %s\nregions: %s\n---\nLinks to [[market-day]].\n",
			e.n, 1+e.n%28, e.some(e.terms("values")), e.some(e.terms("regions")))
		writeFile(e.t, filepath.Join(e.src, name), text)
		return "added " + name, []string{name}
	case 6:
		// Add a Welsh translation, or remove one.
		cy := strings.TrimSuffix(story, ".md") + ".cy.md"
		if _, err := os.Stat(filepath.Join(e.src, cy)); err == nil {
			if err := os.Remove(filepath.Join(e.src, cy)); err != nil {
				e.t.Fatal(err)
			}
			return "removed " + cy, []string{cy}
		}
		writeFile(e.t, filepath.Join(e.src, cy), fmt.Sprintf("---\ntitle: Stori %d\nsummary: Crynodeb.\n---\nCorff y stori (%d).\n", e.n, e.n))
		return "translated " + story, []string{cy}
	default:
		term := "content/values/" + e.terms("values")[0] + ".md"
		if e.n%2 == 0 {
			// Feeds and exports print term titles too.
			return e.change(term, func(s string) string { return setField(s, "title", fmt.Sprintf("Value %d", e.n)) }), []string{term}
		}
		return e.change(term, func(s string) string { return s + fmt.Sprintf("\nMore on this value (%d).\n", e.n) }), []string{term}
	}
}

func (e *vocabEditor) change(name string, f func(string) string) string {
	p := filepath.Join(e.src, name)
	data, err := os.ReadFile(p)
	if err != nil {
		e.t.Fatal(err)
	}
	writeFile(e.t, p, f(string(data)))
	return "edited " + name
}

func recordSeeds() []uint64 {
	if os.Getenv("CASEBOOK_TEST_SEEDS") != "" {
		var out []uint64
		for i := range uint64(16) {
			out = append(out, 100+i)
		}
		return out
	}
	return []uint64{7, 8}
}

// TestRecordsKeepMostOfATrilingualSite checks that a site in several
// languages is rebuilt incrementally: retitling one story renders again
// only the files that show its title, not the whole site as before.
func TestRecordsKeepMostOfATrilingualSite(t *testing.T) {
	src := unpackFixture(t, "bilingual")
	b := build.NewBuilder(build.Options{Src: src, Out: filepath.Join(t.TempDir(), "out")})
	first, err := b.Build()
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	// A rebuild with nothing changed renders only the few files written
	// by Go code without a fingerprint (the sitemap, static files …).
	idle, err := b.Build()
	if err != nil || len(idle.Written) != 0 {
		t.Fatalf("rebuild with no change: %v, wrote %v", err, idle.Written)
	}
	if idle.Rendered*4 > idle.Files {
		t.Errorf("a rebuild with no change rendered %d of %d files", idle.Rendered, idle.Files)
	}
	name := "content/stories/market-day.md"
	e := &vocabEditor{t: t, src: src}
	e.change(name, func(s string) string { return setField(s, "title", "Market day, retitled") })
	up, err := b.BuildChanged([]string{name})
	if err != nil || up.Diags.HasErrors() {
		t.Fatalf("rebuild: %v %v", err, up.Diags)
	}
	if !slices.Contains(up.Written, "cy/stories/index.html") || !slices.Contains(up.Written, "stories/market-day/index.html") {
		t.Errorf("the retitled story's page or the Welsh list was not written: %v", up.Written)
	}
	// Most of the files rendered again came out changed. Not all: the
	// citations and feeds of other stories are fingerprinted with every
	// field of their stories (a retitle changes the backlinks and related
	// lists of others), and a page may read a changed value without
	// showing a change (14 of 80 files here).
	if up.Rendered > idle.Rendered+len(up.Written)*3/2 {
		t.Errorf("retitling one story rendered %d files, %d of them written; a rebuild with no change renders %d", up.Rendered, len(up.Written), idle.Rendered)
	}
	if slices.Contains(up.Written, "cy/regions/north/index.html") {
		t.Error("a list the story is not on was written")
	}
}
