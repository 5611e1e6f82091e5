package cms_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/e2e"
)

// slugCases are titles with the slug that `casebook new` makes of each
// and the one the editor makes with the generated slug settings, for a
// new story in a site whose language is locale ("" for a language the
// editor has no spelling rules for, such as English or French). Where
// they differ, both are valid slugs unless editorValid is false, and
// docs/cms.md says why.
var slugCases = []struct {
	title, locale, new, editor string
	editorValid                bool
}{
	{"Summer holiday support for families", "", "summer-holiday-support-for-families", "summer-holiday-support-for-families", true},
	{"  NHS Wales:   Working   Together!  ", "", "nhs-wales-working-together", "nhs-wales-working-together", true},
	{"Dùn Èideann, café & crèche", "", "dun-eideann-cafe-creche", "dun-eideann-cafe-creche", true},
	{"Straße, Æsir, Øresund, Łódź, Þingvellir", "", "strasse-aesir-oresund-lodz-thingvellir", "strasse-aesir-oresund-lodz-thingvellir", true},
	{"2019–2020: year one — and two", "", "2019-2020-year-one-and-two", "2019-2020-year-one-and-two", true},
	{"Children's centre", "", "childrens-centre", "children-s-centre", true},
	{"L’été à Noël", "", "lete-a-noel", "l-ete-a-noel", true},
	{"Москва и Київ", "", "story", "moskva-i-kiyiv", true},
	{"Αθήνα", "", "story", "athina", true},
	{"東京の物語 Tokyo", "", "tokyo", "tokyo", true},
	{"Co_op & under_score", "", "co-op-under-score", "co_op-under_score", false},
	{"Müller, Öztürk und Ähre", "", "muller-ozturk-und-ahre", "mueller-oeztuerk-und-aehre", true},
	{"Ærø og Ålborg", "", "aero-og-alborg", "aero-og-alborg", true},
	{"Ærø og Ålborg", "da", "aero-og-alborg", "aeroe-og-aalborg", true},
	{"ﬁnance² café", "", "finance2-cafe", "nance-cafe", true},
	{strings.Repeat("Partnership working ", 8), "", "partnership-working-partnership-working-partnership-working-partnership-working-partnership-working", "partnership-working-partnership-working-partnership-working-partnership-working-partnership-working", true},
	{strings.Repeat("Collaboration ", 9), "", "collaboration-collaboration-collaboration-collaboration-collaboration-collaboration-collaboration", "collaboration-collaboration-collaboration-collaboration-collaboration-collaboration-collaboration-co", true},
}

// slugRule is casebook's rule for a slug (generator/check).
var slugRule = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestNewSlugs checks the first column of slugCases: what `casebook new`
// names a story.
func TestNewSlugs(t *testing.T) {
	for _, c := range slugCases {
		if got := content.TrimSlug(content.Slugify(c.title)); got != c.new {
			t.Errorf("casebook new names %q %q, want %q", c.title, got, c.new)
		}
	}
}

// TestEditorSlugs runs the editor's own slug code, as the pinned package
// ships it (the sources inside dist/sveltia-cms.js.map), in Chromium with
// the slug settings of a generated admin/config.yml, and checks the
// second column of slugCases: what the editor names a new story. The
// steps around it are those of the editor's fillTemplate for `{{slug}}`:
// the title, trimmed, without "." and ".." path segments, slugified
// without a length limit, then cut to slug.maxlength with a trailing
// hyphen dropped. TestEditorWritesWhatCasebookReads saves one of these
// titles in the real editor and finds the same slug.
func TestEditorSlugs(t *testing.T) {
	dir := e2e.SveltiaDir(t)
	checkPinned(t, dir)
	f := unpack(t, sites[1])
	var slugOpts struct{ Slug map[string]any }
	_, data := readConfig(t, f.build(t))
	if err := yaml.Unmarshal(data, &slugOpts); err != nil || slugOpts.Slug == nil {
		t.Fatalf("no slug settings in admin/config.yml (%v):\n%s", err, data)
	}
	srv := slugHarness(t, dir, slugOpts.Slug)
	ctx := e2e.Browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/slug.html")); err != nil {
		t.Fatal(err)
	}
	type query struct{ Title, Locale string }
	var queries []query
	for _, c := range slugCases {
		queries = append(queries, query{c.title, c.locale})
	}
	js, err := json.Marshal(queries)
	if err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.ready.then(entrySlug => `+string(js)+`.map(q => entrySlug(q.Title, q.Locale || '_default')))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running the editor's slug code: %v", err)
	}
	if len(got) != len(slugCases) {
		t.Fatalf("%d slugs for %d titles", len(got), len(slugCases))
	}
	for i, c := range slugCases {
		if got[i] != c.editor {
			t.Errorf("the editor names %q (locale %q) %q, want %q", c.title, c.locale, got[i], c.editor)
		}
		if valid := slugRule.MatchString(got[i]) && len(got[i]) <= content.MaxSlugLength; valid != c.editorValid {
			t.Errorf("the editor's slug %q for %q is valid for casebook: %v, want %v", got[i], c.title, valid, c.editorValid)
		}
	}
	// A title with nothing to make a slug of gets a random one, which
	// casebook accepts.
	empty, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.ready.then(entrySlug => entrySlug('¿!…', '_default'))`, chromedp.EvalAwaitPromise))
	if err != nil || !slugRule.MatchString(empty) || len(empty) != 12 {
		t.Errorf("the editor names a title without letters %q (%v), want 12 random hexadecimal digits", empty, err)
	}
}

// slugHarness serves the sources of the pinned editor from its source
// map, and a page that imports its slug module with the given slug
// settings in place of the editor's configuration store. The modules it
// needs from elsewhere in the editor are stubbed with what they do for
// slugs.
func slugHarness(t *testing.T, dir string, slug map[string]any) *httptest.Server {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "dist", "sveltia-cms.js.map"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Sources        []string
		SourcesContent []string
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for i, s := range m.Sources {
		if i < len(m.SourcesContent) {
			files["/src/"+strings.TrimLeft(strings.ReplaceAll(s, "../", ""), "/")] = m.SourcesContent[i]
		}
	}
	find := func(suffix string) string {
		for p := range files {
			if strings.HasSuffix(p, suffix) {
				return p
			}
		}
		t.Fatalf("no %s among the sources of the editor's source map", suffix)
		return ""
	}
	imports := map[string]string{
		"@sindresorhus/transliterate":         find("/@sindresorhus/transliterate/index.js"),
		"@sveltia/utils/string":               find("/@sveltia/utils/dist/string.js"),
		"$lib/services/common/slug/constants": find("/src/lib/services/common/slug/constants.js"),
		"$lib/services/utils/cache":           find("/src/lib/services/utils/cache.js"),
		"$lib/services/config":                "/stub/config.js",
		"@sveltia/utils/crypto":               "/stub/crypto.js",
	}
	slugModule := find("/src/lib/services/common/slug/index.js")
	settings, err := json.Marshal(map[string]any{"slug": slug})
	if err != nil {
		t.Fatal(err)
	}
	files["/stub/config.js"] = "export const cmsConfig = { current: " + string(settings) + " };\n"
	files["/stub/crypto.js"] = "export const generateUUID = () => globalThis.crypto.randomUUID().split('-').pop();\n"
	importMap, err := json.Marshal(map[string]any{"imports": imports})
	if err != nil {
		t.Fatal(err)
	}
	files["/slug.html"] = fmt.Sprintf(`<!doctype html><meta charset="utf-8"><title>slug</title>
<script type="importmap">%s</script>
<script type="module">
let resolve;
window.ready = new Promise(r => { resolve = r; });
const { slugify } = await import(%q);
const { truncate } = await import('@sveltia/utils/string');
const { generateUUID } = await import('@sveltia/utils/crypto');
const { cmsConfig } = await import('$lib/services/config');
// sanitizePath of src/lib/services/utils/file.js.
const sanitizePath = (path) => path.split('/').filter((s) => s !== '.' && s !== '..').join('/');
resolve((title, locale) => {
  let slug = slugify(sanitizePath(String(title.trim())), { locale, maxLength: Infinity, fallback: false }) || generateUUID('short');
  slug = slug.trim();
  const { maxlength } = cmsConfig.current.slug;
  if (typeof maxlength === 'number') slug = truncate(slug, maxlength, { ellipsis: '' }).replace(/-$/, '');
  return slug;
});
</script>`, importMap, slugModule)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".html") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		}
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestCheckReadsEditorSlugs builds a site whose stories are bundles named
// by the editor's slugs of slugCases, as the editor saves them: casebook
// accepts every valid one, and reports each one it cannot use at its
// file, with the slug `casebook new` would have made of it.
func TestCheckReadsEditorSlugs(t *testing.T) {
	f := unpack(t, sites[1])
	seen := map[string]bool{}
	for _, c := range slugCases {
		if seen[c.editor] {
			continue
		}
		seen[c.editor] = true
		story := fmt.Sprintf("---\ntitle: %q\nsummary: A story named by the editor, in fictional Tollerby.\ndate: 2024-01-02\nmethods: [circle]\naudiences: [staff]\nseasons: [winter]\n---\nIllustrative.\n", c.title)
		file := filepath.Join(f.src, "content", "stories", c.editor, "index.md")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(story), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := build.Build(build.Options{Src: f.src, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil && res == nil {
		t.Fatal(err)
	}
	for _, c := range slugCases {
		file := "content/stories/" + c.editor + "/index.md"
		var errs []string
		for _, d := range res.Diags {
			if d.Path == file && d.Severity == diag.Error {
				errs = append(errs, d.Message)
			}
		}
		switch {
		case c.editorValid && len(errs) > 0:
			t.Errorf("casebook refuses the editor's story %s: %v", file, errs)
		case !c.editorValid && (len(errs) != 1 || !strings.Contains(errs[0], fmt.Sprintf("%q", content.Slugify(c.editor)))):
			t.Errorf("casebook reports %v for the editor's story %s, want one error that suggests %q", errs, file, content.Slugify(c.editor))
		}
	}
}
