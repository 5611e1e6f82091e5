package cms_test

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"html"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/cms"
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/e2e"
)

// sites are fixtures of different vocabularies and backends.
var sites = []string{"testdata/register.txtar", "testdata/workshop.txtar", "testdata/zweisprachig.txtar"}

// fixture is a site unpacked into a folder, with what its files say.
type fixture struct {
	name, src string
	cfg       *config.Config
	// terms holds each taxonomy's term keys and titles, read from the
	// fixture's own files.
	terms map[string][]term
}

type term struct{ key, title string }

func unpack(t *testing.T, file string) *fixture {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{name: filepath.Base(file), src: t.TempDir(), terms: map[string][]term{}}
	for _, af := range ar.Files {
		p := filepath.Join(f.src, filepath.FromSlash(af.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, af.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(f.src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, diags := config.Parse(data, "")
	if len(diags) > 0 || cfg.CMS == nil {
		t.Fatalf("%s: site.toml: %v (cms %v)", file, diags, cfg.CMS)
	}
	f.cfg = cfg
	for _, af := range ar.Files {
		dir, name := path.Split(af.Name)
		tax := strings.TrimSuffix(strings.TrimPrefix(dir, "content/"), "/")
		if !slices.Contains(cfg.Taxonomies, tax) || name == "_index.md" || isTranslation(cfg, name) {
			continue
		}
		var front struct{ Title string }
		parts := strings.SplitN(string(af.Data), "---\n", 3)
		if err := yaml.Unmarshal([]byte(parts[1]), &front); err != nil {
			t.Fatal(err)
		}
		f.terms[tax] = append(f.terms[tax], term{strings.TrimSuffix(name, ".md"), front.Title})
	}
	return f
}

// isTranslation reports whether name is a translation, <name>.<code>.md
// for one of the site's further languages.
func isTranslation(cfg *config.Config, name string) bool {
	stem := strings.TrimSuffix(name, ".md")
	return slices.Contains(cfg.Editions, stem[strings.LastIndexByte(stem, '.')+1:])
}

// build builds the fixture and returns its output folder.
func (f *fixture) build(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	f.buildInto(t, out)
	return out
}

// buildInto builds the fixture into out.
func (f *fixture) buildInto(t *testing.T, out string) {
	t.Helper()
	res, err := build.Build(build.Options{Src: f.src, Out: out})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%s: build: %v %v", f.name, err, res.Diags)
	}
}

// generated is a parsed admin/config.yml.
type generated struct {
	Backend     map[string]any
	MediaFolder string `yaml:"media_folder"`
	Collections []struct {
		Name   string
		Label  string
		Folder string
		Nested map[string]any
		Slug   struct {
			Template string
			Editable []string
			Pattern  []string
		}
		Meta struct {
			Path struct {
				IndexFile string `yaml:"index_file"`
			}
		}
		Fields []map[string]any
	}
}

func readConfig(t *testing.T, out string) (generated, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "admin", "config.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var g generated
	if err := yaml.Unmarshal(data, &g); err != nil {
		t.Fatalf("admin/config.yml is not YAML: %v", err)
	}
	return g, data
}

// TestConfigFromVocabulary builds sites of different vocabularies and
// checks that each one's editor offers exactly its own terms, requires
// what the site requires, and writes to its repository.
func TestConfigFromVocabulary(t *testing.T) {
	for _, file := range sites {
		f := unpack(t, file)
		t.Run(f.name, func(t *testing.T) {
			g, _ := readConfig(t, f.build(t))
			want := map[string]any{"name": f.cfg.CMS.Backend, "repo": f.cfg.CMS.Repo}
			for k, v := range want {
				if g.Backend[k] != v {
					t.Errorf("backend %s = %v, want %v", k, g.Backend[k], v)
				}
			}
			if f.cfg.CMS.Branch != "" && g.Backend["branch"] != f.cfg.CMS.Branch {
				t.Errorf("backend branch = %v, want %q", g.Backend["branch"], f.cfg.CMS.Branch)
			}
			if f.cfg.CMS.AuthURL != "" && g.Backend["base_url"] != f.cfg.CMS.AuthURL {
				t.Errorf("backend base_url = %v, want %q", g.Backend["base_url"], f.cfg.CMS.AuthURL)
			}
			var names []string
			for _, c := range g.Collections {
				names = append(names, c.Name)
			}
			if wantNames := append(append([]string{"stories"}, f.cfg.Taxonomies...), "pages"); !slices.Equal(names, wantNames) {
				t.Fatalf("collections %v, want %v", names, wantNames)
			}
			// New entries are named from their title, and keep their
			// name (their address) once saved.
			for _, c := range g.Collections {
				if c.Slug.Template != "{{slug}}" || !slices.Equal(c.Slug.Editable, []string{"create"}) || len(c.Slug.Pattern) != 2 || c.Slug.Pattern[0] != slugRule.String() {
					t.Errorf("collection %s: slug %+v, want {{slug}}, editable only on creation, with check's pattern", c.Name, c.Slug)
				}
			}
			stories := g.Collections[0]
			if stories.Folder != "content/stories" || stories.Nested["subfolders"] != true || stories.Meta.Path.IndexFile != "index" {
				t.Errorf("stories collection on %q, nested %v, meta %v; want content/stories, new stories as bundles, <slug>/index.md", stories.Folder, stories.Nested, stories.Meta)
			}
			fields := map[string]map[string]any{}
			for _, fl := range stories.Fields {
				fields[fl["name"].(string)] = fl
			}
			for _, name := range []string{"title", "summary", "date", "body"} {
				if fields[name] == nil || fields[name]["required"] != true {
					t.Errorf("story field %s: %v, want a required field", name, fields[name])
				}
			}
			for _, name := range []string{"place", "partners", "questions", "outcomes", "setbacks", "related", "authors", "source", "updated", "draft", "slug"} {
				if fields[name] == nil || fields[name]["required"] != false {
					t.Errorf("story field %s: %v, want an optional field", name, fields[name])
				}
			}
			for _, tax := range f.cfg.Taxonomies {
				checkTaxonomy(t, tax, fields[tax], f.terms[tax], !f.cfg.Optional(tax))
			}
		})
	}
}

// checkTaxonomy checks a story's taxonomy field against the site's term
// files: a multiple select of exactly the keys, titled as the terms are.
func checkTaxonomy(t *testing.T, tax string, fl map[string]any, terms []term, required bool) {
	t.Helper()
	if fl == nil {
		t.Errorf("no story field for taxonomy %s", tax)
		return
	}
	if fl["widget"] != "select" || fl["multiple"] != true || fl["required"] != required {
		t.Errorf("%s: widget %v, multiple %v, required %v; want a multiple select, required %v", tax, fl["widget"], fl["multiple"], fl["required"], required)
	}
	if min, has := fl["min"]; required && min != 1 || !required && has {
		t.Errorf("%s: min %v, want 1 when required and none otherwise", tax, fl["min"])
	}
	got := map[string]string{}
	options, _ := fl["options"].([]any)
	for _, o := range options {
		o := o.(map[string]any)
		got[o["value"].(string)] = o["label"].(string)
	}
	if len(got) != len(terms) || len(options) != len(terms) {
		t.Errorf("%s: options %v, want exactly the %d terms %v", tax, options, len(terms), terms)
	}
	for _, tm := range terms {
		if label, ok := got[tm.key]; !ok || label != tm.title {
			t.Errorf("%s: option %q labelled %q, want %q", tax, tm.key, label, tm.title)
		}
	}
}

// TestConfigValidAgainstSveltiaSchema validates every fixture's
// admin/config.yml against the JSON schema shipped in the pinned
// @sveltia/cms package, and checks that the schema refuses a broken copy.
func TestConfigValidAgainstSveltiaSchema(t *testing.T) {
	dir := e2e.SveltiaDir(t)
	checkPinned(t, dir)
	sch := compileSchema(t, filepath.Join(dir, "schema", "sveltia-cms.json"))
	for _, file := range sites {
		f := unpack(t, file)
		t.Run(f.name, func(t *testing.T) {
			_, data := readConfig(t, f.build(t))
			if err := sch.Validate(instance(t, data)); err != nil {
				t.Fatalf("admin/config.yml does not match the Sveltia CMS schema:\n%v\n%s", err, data)
			}
			for _, b := range []struct{ old, new string }{
				{"folder: content/stories", "foldr: content/stories"},
				{"multiple: true", "multiple: yes please"},
				{"omit_empty_optional_fields: true", "omit_empty_optional_field: true"},
			} {
				broken := bytes.Replace(data, []byte(b.old), []byte(b.new), 1)
				if err := sch.Validate(instance(t, broken)); bytes.Equal(broken, data) || err == nil {
					t.Errorf("the schema accepts %q in place of %q: the validation proves nothing", b.new, b.old)
				}
			}
		})
	}
}

// checkPinned fails when the installed package is not the version the
// generator pins.
func checkPinned(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Version != cms.Version {
		t.Fatalf("%s holds @sveltia/cms %s, but the generator pins %s: make sveltia installs the pinned one", dir, pkg.Version, cms.Version)
	}
}

func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sveltia-cms.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sveltia-cms.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// instance turns YAML into the JSON values the validator takes.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestIndex checks the page that loads the editor: the pinned script with
// its integrity hash by default, the site's own script without one, and
// the configuration beside it.
func TestIndex(t *testing.T) {
	f := unpack(t, sites[0])
	page, err := cms.Index(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<script src="` + cms.DefaultScript + `" integrity="` + cms.Integrity + `" crossorigin="anonymous">`,
		`rel="cms-config-url"`, `href="config.yml"`, `<meta name="robots" content="noindex">`, `<title>Values Register</title>`} {
		// Attributes as the browser reads them, character references
		// decoded.
		if !strings.Contains(html.UnescapeString(string(page)), want) {
			t.Errorf("admin/index.html lacks %s:\n%s", want, page)
		}
	}
	f.cfg.CMS.Script = "https://cdn.example.org/cms.js?v=1&x=<y>"
	page, err = cms.Index(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<script src="https://cdn.example.org/cms.js?v=1&amp;x=%3cy%3e"></script>`; !strings.Contains(string(page), want) {
		t.Errorf("with its own script, admin/index.html lacks %s:\n%s", want, page)
	}
}

// TestIntegrityOfPinnedScript checks that Integrity is the hash of the
// pinned package's script, which unpkg serves byte for byte.
func TestIntegrityOfPinnedScript(t *testing.T) {
	dir := e2e.SveltiaDir(t)
	checkPinned(t, dir)
	data, err := os.ReadFile(filepath.Join(dir, "dist", "sveltia-cms.js"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha512.Sum384(data)
	if got := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); got != cms.Integrity {
		t.Errorf("the pinned script's hash is %s, but Integrity is %s", got, cms.Integrity)
	}
}
