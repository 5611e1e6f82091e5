package cms_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/e2e"
)

// TestEditorWritesWhatCasebookReads works with the real editor, served
// from this machine with its test backend (files kept in the browser's
// private file system) holding the bilingual fixture's files. It checks
// that the editor lists each story once, its translations grouped with
// it; then it writes a new story in French and its German translation and
// saves them, and checks that the editor wrote exactly
// content/stories/<slug>/index.md and index.de.md, with the slug of
// slugCases, the translation without the original's date or terms, and
// that casebook builds the files the editor wrote without an error, the
// story in both languages.
func TestEditorWritesWhatCasebookReads(t *testing.T) {
	dir := e2e.SveltiaDir(t)
	checkPinned(t, dir)
	f := unpack(t, "testdata/zweisprachig.txtar")
	out := filepath.Join(t.TempDir(), "public")
	mux := http.NewServeMux()
	mux.Handle("/sveltia/", http.StripPrefix("/sveltia/", http.FileServer(http.Dir(filepath.Join(dir, "dist")))))
	mux.Handle("/", http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	appendFile(t, filepath.Join(f.src, "site.toml"), fmt.Sprintf("script = %q\n", srv.URL+"/sveltia/sveltia-cms.js"))
	f.buildInto(t, out)
	// The generated configuration with the test backend in place of the
	// site's Git host, which would need a sign-in.
	conf := filepath.Join(out, "admin", "config.yml")
	data, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	testRepo := regexp.MustCompile(`(?s)\Abackend:\n.*?\n(\S)`).ReplaceAll(stripComments(data), []byte("backend:\n  name: test-repo\n$1"))
	if !strings.HasPrefix(string(testRepo), "backend:\n  name: test-repo\napp_title:") {
		t.Fatalf("could not replace the backend of admin/config.yml:\n%s", testRepo)
	}
	if err := os.WriteFile(conf, testRepo, 0o644); err != nil {
		t.Fatal(err)
	}
	site := siteFiles(t, f.src)

	ctx := e2e.Browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/admin/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](seedRepo+"("+jsonOf(t, site)+")", chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("writing the site into the test backend: %v", err)
	}
	if text := awaitText(t, ctx, "Work with Test Repository"); !strings.Contains(text, "Work with Test Repository") {
		t.Fatalf("the editor offers no test backend:\n%s", text)
	}
	clickButton(t, ctx, "Work with Test Repository")
	text := awaitText(t, ctx, "Le marché du jeudi")
	for _, want := range []string{"Le marché du jeudi", "L'atelier vélo"} {
		if !strings.Contains(text, want) {
			t.Errorf("the editor does not list the story %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Der Donnerstagsmarkt") || strings.Contains(text, "index.de") {
		t.Errorf("the editor lists a translation as a story of its own:\n%s", text)
	}
	// Each collection counts its originals only (and the section intro
	// where there is one): a translation beside them is no entry of its
	// own.
	for _, c := range []struct{ name, label, count string }{
		{"stories", "Récits", "3 entries"}, {"valeurs", "Valeurs", "2 entries"}, {"pages", "Pages", "one entry"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/admin/#/collections/"+c.name)); err != nil {
			t.Fatal(err)
		}
		want := "the “" + c.label + "” collection, which has " + c.count
		if text := awaitText(t, ctx, want); !strings.Contains(text, want) {
			t.Errorf("the editor does not say %q; it shows:\n%s", want, text)
		}
	}

	// A saved story's slug is its address: the editor shows it and offers
	// no way to rename it (which it does by default, as "Rename Folder").
	must(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/admin/#/collections/stories/entries/atelier-velo")))
	awaitText(t, ctx, "Summary")
	clickButton(t, ctx, "anchor")
	if text := awaitText(t, ctx, "atelier-velo"); !strings.Contains(text, "Slug\natelier-velo") {
		t.Errorf("the editor's slug panel does not show the story's slug:\n%s", text)
	}
	if rename := eval[string](t, ctx, `[...document.querySelectorAll('button')].filter((b) => b.offsetParent && /rename/i.test(b.innerText + ' ' + (b.getAttribute('aria-label') || ''))).map((b) => b.innerText).join(', ')`); rename != "" {
		t.Errorf("the editor offers to rename a saved story (%s), which would break its address", rename)
	}

	c := slugCases[6]
	if c.new == c.editor || c.locale != "" {
		t.Fatalf("slug case %q: want one whose slugs differ, for any language", c.title)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/admin/#/collections/stories/new")); err != nil {
		t.Fatal(err)
	}
	// The new entry's page, not the story's still on screen.
	if text := awaitText(t, ctx, "Creating"); !strings.Contains(text, "Creating") {
		t.Fatalf("the editor shows no new story:\n%s", text)
	}
	body := `[...document.querySelectorAll('[data-lexical-editor]')]`
	must(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("input[type=text][aria-required=true][lang=fr]"), c.title)))
	// The slug panel, still open, shows the slug the title makes.
	if text := awaitText(t, ctx, "Slug\n"+c.editor); !strings.Contains(text, "Slug\n"+c.editor) {
		t.Errorf("the editor's slug panel does not show %q for the title %q:\n%s", c.editor, c.title, text)
	}
	must(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("textarea[aria-required=true][lang=fr]"), "À Valbrune, fictive, une fête d'été a lieu à Noël.")))
	eval[int](t, ctx, `(() => { const groups = new Set(); for (const b of document.querySelectorAll('button[role=checkbox][value]')) { const g = b.getAttribute('aria-errormessage'); if (!groups.has(g)) { groups.add(g); b.click(); } } return groups.size })()`)
	revealAll(t, ctx, body+`.length >= 1`)
	typeRich(t, ctx, body+`[0]`, "Illustratif : la fête.")
	eval[bool](t, ctx, `(() => { document.querySelector('button[role=radio][value=de]').click(); return true })()`)
	awaitText(t, ctx, "Enable")
	clickButton(t, ctx, "Enable")
	must(t, chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("input[type=text][aria-required=true][lang=de]"), "Sommer an Weihnachten"),
		chromedp.SendKeys(chromedp.CSS("textarea[aria-required=true][lang=de]"), "In Valbrune, erfunden, findet ein Sommerfest an Weihnachten statt."),
	))
	german := body + `.find((e) => !e.innerText.includes('Illustratif'))`
	revealAll(t, ctx, german+` !== undefined`)
	typeRich(t, ctx, german, "Illustrativ: das Fest.")
	clickButton(t, ctx, "Save")

	want := []string{"content/stories/" + c.editor + "/index.de.md", "content/stories/" + c.editor + "/index.md"}
	var saved map[string]string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		saved = eval[map[string]string](t, ctx, readRepo, chromedp.EvalAwaitPromise)
		if len(saved) > len(site) {
			break
		}
	}
	var added []string
	for p := range saved {
		if _, ok := site[p]; !ok {
			added = append(added, p)
		}
	}
	sort.Strings(added)
	if !slices.Equal(added, want) {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.Fatalf("the editor wrote %v, want %v (the title %q, the slug of slugCases); it shows:\n%s", added, want, c.title, text)
	}
	var front map[string]any
	if err := yaml.Unmarshal([]byte(strings.SplitN(saved[want[0]], "---\n", 3)[1]), &front); err != nil {
		t.Fatalf("%s: %v\n%s", want[0], err, saved[want[0]])
	}
	for _, key := range append([]string{"date", "slug", "related", "source", "aliases"}, f.cfg.Taxonomies...) {
		if _, has := front[key]; has {
			t.Errorf("the translation %s has %s, which belongs to its original:\n%s", want[0], key, saved[want[0]])
		}
	}

	// casebook builds what the editor wrote.
	src := t.TempDir()
	for p, text := range saved {
		full := filepath.Join(src, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	built := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(build.Options{Src: src, Out: built})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("casebook does not build what the editor wrote: %v %v\n%s\n%s", err, res.Diags, saved[want[1]], saved[want[0]])
	}
	for _, page := range []string{"stories/" + c.editor + "/index.html", "de/stories/" + c.editor + "/index.html"} {
		if _, err := os.Stat(filepath.Join(built, filepath.FromSlash(page))); err != nil {
			t.Errorf("the story the editor wrote has no page %s: %v", page, err)
		}
	}
}

// seedRepo writes files (path → text) into the test backend's folder of
// the browser's private file system, where the editor reads them.
const seedRepo = `(async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
    const w = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
    await w.write(text);
    await w.close();
  }
  return Object.keys(files).length;
})`

// readRepo returns every file of the test backend, path → text.
const readRepo = `(async () => {
  const files = {};
  const walk = async (dir, prefix) => {
    for await (const [name, h] of dir.entries()) {
      if (h.kind === 'directory') await walk(h, prefix + name + '/');
      else files[prefix + name] = await (await h.getFile()).text();
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test'), '');
  return files;
})()`

// revealAll scrolls every scrolling box of the page to its end until the
// expression ready is true: the editor draws fields as they come into
// view.
func revealAll(t *testing.T, ctx context.Context, ready string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if eval[bool](t, ctx, ready) {
			return
		}
		eval[int](t, ctx, `(() => { let n = 0; for (const e of document.querySelectorAll('*')) if (e.scrollHeight > e.clientHeight + 10) { e.scrollTop = e.scrollHeight; n++; } return n })()`)
	}
	t.Fatalf("the editor never showed what %s looks for", ready)
}

// typeRich types text into the rich-text editor that the JavaScript
// expression editor finds, and waits until the entry holds it, as the
// preview beside the editor shows: keys sent before the editor has set
// itself up are lost, so they are sent again, once it has been clicked,
// until the text shows in it (at most five times); and the editor hands
// its text to the entry a moment later, which a change of language made
// before then loses.
func typeRich(t *testing.T, ctx context.Context, editor, text string) {
	t.Helper()
	// The element is found once: after typing, expressions that look for
	// an editor without the text would find another one.
	eval[bool](t, ctx, `(() => { window.__typeRich = `+editor+`; return true })()`)
	await := func(js string, wait time.Duration) bool {
		for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			if eval[bool](t, ctx, js) {
				return true
			}
		}
		return false
	}
	quoted := jsonOf(t, text)
	typed := false
	for range 5 {
		eval[bool](t, ctx, `(() => { const e = window.__typeRich; if (e) { e.scrollIntoView(); e.click(); e.focus(); } return true })()`)
		must(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.JSPath(`window.__typeRich`), text)))
		if typed = await(`(window.__typeRich && window.__typeRich.innerText.includes(`+quoted+`))`, 3*time.Second); typed {
			break
		}
	}
	if !typed {
		t.Fatalf("the editor %s never held %q", editor, text)
	}
	// In the editor and in the preview.
	if !await(`document.body.innerText.split(`+quoted+`).length > 2`, 20*time.Second) {
		t.Fatalf("the preview never showed %q, typed into the editor", text)
	}
}

// clickButton clicks the first visible button whose text starts with
// label.
func clickButton(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	clean := strings.NewReplacer("\u2068", "", "\u2069", "")
	js := fmt.Sprintf(`(() => { for (const b of document.querySelectorAll('button')) if (b.offsetParent && b.innerText.replace(/[\u2068\u2069]/g, '').trim().startsWith(%s)) { b.click(); return true } return false })()`, jsonOf(t, clean.Replace(label)))
	if !eval[bool](t, ctx, js) {
		t.Fatalf("the editor shows no button %q", label)
	}
}

// siteFiles returns the files of the site folder src, path → text.
func siteFiles(t *testing.T, src string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		files[path.Clean(filepath.ToSlash(rel))] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func appendFile(t *testing.T, file, text string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(data, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stripComments drops the comment lines at the top of a generated file.
func stripComments(data []byte) []byte {
	for strings.HasPrefix(string(data), "#") {
		_, rest, _ := strings.Cut(string(data), "\n")
		data = []byte(rest)
	}
	return data
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func eval[T any](t *testing.T, ctx context.Context, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("in the editor: %v\n%s", err, js)
	}
	return v
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
