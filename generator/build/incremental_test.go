package build_test

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/corpus"
	"github.com/casebook/casebook/generator/e2e"
)

// TestBuilderMatchesCleanBuild applies random sequences of edits to a copy
// of the sample site and checks after every one that the Builder's output
// folder is byte for byte what a clean build of the same input writes, and
// that a failed rebuild leaves the last good output in place.
func TestBuilderMatchesCleanBuild(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("seed-%d", seed), func(t *testing.T) {
			src := t.TempDir()
			copySite(t, e2e.RepoRoot(t), src)
			checkBuilderEdits(t, src, seed, "access-to-family-support")
		})
	}
	// A generated site of 260 stories, whose lists run to several pages:
	// retagging and redating stories moves them between pages, which the
	// fingerprints of older pages must notice.
	t.Run("paginated", func(t *testing.T) {
		src := t.TempDir()
		if err := corpus.Generate(src, 260, filepath.Join(e2e.RepoRoot(t), "content")); err != nil {
			t.Fatal(err)
		}
		checkBuilderEdits(t, src, 3, firstSlug(t, src, "s00001-"))
	})
}

// firstSlug returns the slug of the story whose file name starts with
// prefix.
func firstSlug(t *testing.T, src, prefix string) string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(src, "content", "stories", prefix+"*.md"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("stories starting with %s: %v %v", prefix, matches, err)
	}
	return strings.TrimSuffix(filepath.Base(matches[0]), ".md")
}

// checkBuilderEdits applies a random sequence of edits, chosen by seed, to
// the site in src, rebuilding with one Builder after each, and compares
// the output with a clean build every time. Stories it adds link to the
// story linkTo.
func checkBuilderEdits(t *testing.T, src string, seed uint64, linkTo string) {
	out := filepath.Join(t.TempDir(), "out")
	b := build.NewBuilder(build.Options{Src: src, Out: out})
	up, err := b.Build()
	if err != nil || up.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, up.Diags)
	}
	if !up.Full {
		t.Error("first build was not a full one")
	}
	_, err = os.Stat(filepath.Join(src, "themes"))
	own := err == nil
	// A site in several languages never takes the short way: every page
	// links its other-language versions, which a body may change.
	multi := severalLanguages(t, src)
	rng := rand.New(rand.NewPCG(seed, 99))
	e := &editor{t: t, src: src, rng: rng, linkTo: linkTo}
	good := tree(t, out)
	// Every kind of edit once, in a random order (a story is
	// added before one is removed), then random ones.
	kinds := rng.Perm(editKinds)
	if slices.Index(kinds, 5) < slices.Index(kinds, 4) {
		i, j := slices.Index(kinds, 5), slices.Index(kinds, 4)
		kinds[i], kinds[j] = kinds[j], kinds[i]
	}
	for range 3 {
		kinds = append(kinds, rng.IntN(editKinds))
	}
	// The short way needs a last build that was good and reported nothing.
	prevGood, short := len(up.Diags) == 0, 0
	for step, kind := range kinds {
		what := e.edit(kind)
		changed := e.take()
		up, err := b.BuildChanged(changed)
		clean, cleanErr := build.Build(build.Options{Src: src, Out: filepath.Join(t.TempDir(), "clean")})
		if err != nil || cleanErr != nil {
			t.Fatalf("step %d (%s): builder error %v, clean build error %v", step, what, err, cleanErr)
		}
		if up.Diags.HasErrors() != clean.Diags.HasErrors() {
			t.Fatalf("step %d (%s): builder errors %v, clean build errors %v", step, what, up.Diags, clean.Diags)
		}
		// A body edit after a good build is rebuilt the short way, unless
		// another page read the body: the site templates of the custom
		// theme test show every story's body on its terms' pages.
		if own && up.Short {
			t.Errorf("step %d (%s): rebuilt the short way with the site's own templates", step, what)
		}
		if multi && up.Short {
			t.Errorf("step %d (%s): a site in several languages was rebuilt the short way", step, what)
		}
		if kind == 0 && prevGood && len(changed) == 1 && !up.Short && !own && !multi {
			t.Errorf("step %d (%s): a body edit was not rebuilt the short way", step, what)
		}
		if up.Short {
			short++
			if kind != 0 && kind != 10 {
				t.Errorf("step %d (%s): rebuilt the short way", step, what)
			}
		}
		if (kind == 12 || kind == 13) && up.Diags.HasErrors() {
			t.Errorf("step %d (%s): %v", step, what, up.Diags)
		}
		prevGood = !up.Diags.HasErrors() && len(up.Diags) == 0
		if up.Diags.HasErrors() {
			compareTrees(t, fmt.Sprintf("step %d (%s), failed rebuild", step, what), good, tree(t, out))
			continue
		}
		good = tree(t, out)
		compareTrees(t, fmt.Sprintf("step %d (%s)", step, what), tree(t, clean.Out), good)
	}
	if short == 0 && !own && !multi {
		t.Error("no rebuild took the short way")
	}
}

// copySite copies site.toml and content/ of the site in from into to.
func copySite(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		if rel != "." && top != "content" && top != "site.toml" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// tree returns every file under dir by slash-separated relative path.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// compareTrees reports every file that differs between want and got.
func compareTrees(t testing.TB, context string, want, got map[string]string) {
	t.Helper()
	var problems []string
	for name, data := range want {
		g, ok := got[name]
		switch {
		case !ok:
			problems = append(problems, "missing "+name)
		case g != data:
			problems = append(problems, "differs "+name)
			if os.Getenv("CASEBOOK_TEST_DIFF") != "" && !strings.HasSuffix(name, ".json") {
				t.Logf("%s\nwant:\n%s\ngot:\n%s", name, data, g)
			}
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			problems = append(problems, "extra "+name)
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		t.Errorf("%s: output differs from a clean build in %d files: %s", context, len(problems), strings.Join(problems[:min(10, len(problems))], "; "))
	}
}

// TestBuilderKeepsOutputWhenRenderingFails breaks a template so that
// rendering fails half-way, and checks that no file of the output changed,
// then that the fix brings it back in line with a clean build.
func TestBuilderKeepsOutputWhenRenderingFails(t *testing.T) {
	src := t.TempDir()
	copySite(t, e2e.RepoRoot(t), src)
	b, out := startBuilder(t, src)
	e := &editor{t: t, src: src}
	e.rewrite("content/stories/access-to-family-support.md", func(s string) string { return s + "\nA change that must not reach the output.\n" })
	e.rewrite("site.toml", func(s string) string { return strings.Replace(s, "title = ", "title = \"Changed\"\n#", 1) })
	before := tree(t, out)
	writeFile(t, filepath.Join(src, "themes/default/templates/story.html"), `{{define "main"}}{{index .Story.Terms 99}}{{end}}`)
	if _, err := b.Build(); err == nil {
		t.Fatal("a template that fails for every story did not fail the build")
	}
	compareTrees(t, "after the failed rebuild", before, tree(t, out))
	e.remove("themes/default/templates/story.html")
	if up, err := b.Build(); err != nil || up.Diags.HasErrors() {
		t.Fatalf("rebuild after the fix: %v %v", err, up.Diags)
	}
	matchesClean(t, src, tree(t, out), "after the fix")
}

// TestBuilderSeesLinkTitles retitles a story that another story, a plain
// page and a term link to by slug, with [[...]], which shows the target's
// title. The linking pages' own files and related stories do not change,
// so only their HTML tells the Builder that they did.
func TestBuilderSeesLinkTitles(t *testing.T) {
	src := t.TempDir()
	copySite(t, e2e.RepoRoot(t), src)
	e := &editor{t: t, src: src}
	// No principle, sector or theme in common with the target, so it is
	// not among the new story's related stories.
	e.write("content/stories/unrelated-linker.md", "---\ntitle: An unrelated story\nsummary: It links to another.\ndate: 2020-02-02\n"+
		"principles: [emergent]\nsectors: [housing]\nthemes: [mental-health]\n---\n\nRead [[access-to-family-support]].\n")
	e.write("content/pages/linking-page.md", "---\ntitle: A linking page\nsummary: It links to a story.\n---\n\nRead [[access-to-family-support]].\n")
	e.rewrite("content/themes/mental-health.md", func(s string) string { return s + "\nSee [[access-to-family-support]].\n" })
	e.take()
	b, out := startBuilder(t, src)
	e.rewrite("content/stories/access-to-family-support.md", func(s string) string {
		return titleLine.ReplaceAllString(s, "title: A title about zebras")
	})
	rebuild(t, b, e)
	got := tree(t, out)
	for _, page := range []string{"stories/unrelated-linker/index.html", "linking-page/index.html", "themes/mental-health/index.html"} {
		if !strings.Contains(got[page], "A title about zebras") {
			t.Errorf("%s does not show the linked story's new title", page)
		}
	}
	matchesClean(t, src, got, "after the retitling")
}

// TestBuilderStoryCountInTheme adds a story to a site whose theme shows
// the number of stories on every story page. The default theme shows it
// on the home page, the 404 page and the stories list only, and the
// Builder leaves the other pages alone when a story is added; a theme
// that shows it elsewhere must get every such page rendered again.
func TestBuilderStoryCountInTheme(t *testing.T) {
	src := t.TempDir()
	copySite(t, e2e.RepoRoot(t), src)
	overrideTemplate(t, src, "story.html", `{{define "main"}}`, `{{define "main"}}<p>One of {{.Site.StoryCount}} stories.</p>`)
	stories, err := filepath.Glob(filepath.Join(src, "content/stories/*.md"))
	bundles, err2 := filepath.Glob(filepath.Join(src, "content/stories/*/index.md"))
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	stories = slices.DeleteFunc(stories, isTranslation) // not stories of their own
	b, out := startBuilder(t, src)
	e := &editor{t: t, src: src, rng: rand.New(rand.NewPCG(1, 1)), linkTo: "access-to-family-support"}
	e.edit(4) // a new story
	rebuild(t, b, e)
	got := tree(t, out)
	// The sample site's stories and bundles, its intro not counted, and
	// the new story.
	want := fmt.Sprintf("One of %d stories.", len(stories)-1+len(bundles)+1)
	if page := "stories/access-to-family-support/index.html"; !strings.Contains(got[page], want) {
		t.Errorf("%s does not say %q", page, want)
	}
	matchesClean(t, src, got, "after a new story")
}

// TestBuilderOwnListTemplates retags stories of a site whose own term
// template shows the term's story count on every page of its list, not
// only on the first as the built-in one does. Watch output must still be
// a clean build's: with list templates of its own, every page of a list is
// fingerprinted with what the first page shows.
func TestBuilderOwnListTemplates(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Generate(src, 260, filepath.Join(e2e.RepoRoot(t), "content")); err != nil {
		t.Fatal(err)
	}
	overrideTemplate(t, src, "term.html", `<h2 id="stories-heading">`, `<h2 id="stories-heading">{{len .Term.Stories}} stories · `)
	b, out := startBuilder(t, src)
	if page := tree(t, out)["principles/systems/page/1/index.html"]; !strings.Contains(page, " stories · ") {
		t.Fatal("the site's own term.html does not show on an older page")
	}
	e := &editor{t: t, src: src, rng: rand.New(rand.NewPCG(5, 5))}
	for step := range 3 {
		what := e.edit(2) // the principles of a story
		rebuild(t, b, e)
		matchesClean(t, src, tree(t, out), fmt.Sprintf("step %d (%s)", step, what))
	}
}

// overrideTemplate gives the site in src its own copy of the built-in
// template name, with old replaced by new.
func overrideTemplate(t *testing.T, src, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(e2e.RepoRoot(t), "themes/default/templates", name))
	if err != nil {
		t.Fatal(err)
	}
	custom := strings.Replace(string(data), old, new, 1)
	if custom == string(data) {
		t.Fatalf("%s has no %q", name, old)
	}
	writeFile(t, filepath.Join(src, "themes/default/templates", name), custom)
}

// startBuilder builds the site in src with a new Builder and returns it
// with its output folder.
func startBuilder(t *testing.T, src string) (*build.Builder, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	b := build.NewBuilder(build.Options{Src: src, Out: out})
	if up, err := b.Build(); err != nil || up.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, up.Diags)
	}
	return b, out
}

// rebuild hands b the paths e changed, as a watcher would.
func rebuild(t *testing.T, b *build.Builder, e *editor) {
	t.Helper()
	if up, err := b.BuildChanged(e.take()); err != nil || up.Diags.HasErrors() {
		t.Fatalf("rebuild: %v %v", err, up.Diags)
	}
}

// matchesClean compares got, a Builder's output, with a clean build of
// src.
func matchesClean(t *testing.T, src string, got map[string]string, context string) {
	t.Helper()
	clean := buildOK(t, build.Options{Src: src, Out: filepath.Join(t.TempDir(), "clean")})
	compareTrees(t, context, tree(t, clean.Out), got)
}
