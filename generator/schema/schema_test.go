package schema_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/schema"
)

// sampleSite is the sample casebook that ships with the project.
const sampleSite = "../.."

// compile generates the schema of the sample site and compiles it with a
// full JSON Schema 2020-12 validator.
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	site, err := build.LoadContent(build.Options{Src: sampleSite})
	if err != nil || site.Config == nil {
		t.Fatalf("loading the sample site: %v %v", err, site.Diags)
	}
	data, err := schema.Story(site.Config, site.Collection).JSON()
	if err != nil {
		t.Fatal(err)
	}
	return compileJSON(t, data)
}

// compileJSON compiles a schema with formats asserted.
func compileJSON(t *testing.T, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("story.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("story.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// instance reads a Markdown file's front matter as a JSON value, through
// the project's own front matter decoder, so that dates stay the strings
// the YAML language server sees.
func instance(t *testing.T, path string) any {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := frontmatter.Split(src)
	if err != nil {
		t.Fatal(err)
	}
	node, err := frontmatter.Decode(doc)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(toJSON(node))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func toJSON(n *frontmatter.Node) any {
	switch n.Kind {
	case frontmatter.Map:
		m := map[string]any{}
		for i, k := range n.Keys {
			m[k.Value] = toJSON(n.Values[i])
		}
		return m
	case frontmatter.List:
		items := []any{}
		for _, item := range n.Items {
			items = append(items, toJSON(item))
		}
		return items
	case frontmatter.Scalar:
		switch n.Type {
		case "int", "float":
			return json.Number(n.Value)
		case "bool":
			return n.Value == "true"
		case "null":
			return nil
		}
		return n.Value
	}
	return nil
}

// translation matches the file name of a translation.
var translation = regexp.MustCompile(`\.[a-z]{2,3}(-[A-Za-z0-9]+)*\.md$`)

func TestSampleStoriesValidate(t *testing.T) {
	sch := compile(t)
	var stories []string
	err := filepath.WalkDir(filepath.Join(sampleSite, "content/stories"), func(p string, d fs.DirEntry, err error) error {
		// A translation (<name>.<code>.md) is no story of its own: it
		// shares the date and terms of its original and leaves them out.
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" && !translation.MatchString(d.Name()) {
			stories = append(stories, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	good, _ := filepath.Glob("testdata/good/*.md")
	stories = append(stories, good...)
	if len(stories) < 10 {
		t.Fatalf("found only %d stories to validate", len(stories))
	}
	for _, p := range stories {
		t.Run(filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p), func(t *testing.T) {
			if err := sch.Validate(instance(t, p)); err != nil {
				t.Errorf("%s does not validate:\n%v", p, err)
			}
		})
	}
}

func TestBadFrontMatterIsRejected(t *testing.T) {
	sch := compile(t)
	tests := []struct {
		file string
		// want is a piece of the validator's message, so that the test
		// fails when a fixture is rejected for another reason.
		want string
	}{
		{"missing-title.md", "missing property 'title'"},
		{"unknown-principle.md", "at '/principles/1': 'oneOf' failed"},
		{"bad-date.md", "30/08/2019"},
		{"date-with-time.md", "2019-08-30T10:00:00"},
		{"draft-quoted.md", "want boolean"},
		{"title-list.md", "want string"},
		{"empty-terms.md", "minItems"},
		{"misspelt-key.md", "'principle' not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			err := sch.Validate(instance(t, filepath.Join("testdata/bad", tt.file)))
			if err == nil {
				t.Fatal("the schema accepted it")
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) {
				t.Errorf("rejected, but the message does not mention %q:\n%s", tt.want, msg)
			}
		})
	}
}

func TestTermsCarryTitles(t *testing.T) {
	site, err := build.LoadContent(build.Options{Src: sampleSite})
	if err != nil || site.Config == nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	s := schema.Story(site.Config, site.Collection)
	def := s.Defs["principle"]
	if def == nil {
		t.Fatal("no $defs/principle")
	}
	titles := map[string]string{}
	for _, c := range def.OneOf {
		titles[*c.Const] = c.Title
	}
	for key, title := range map[string]string{"inquiry": "Inquiry", "systems": "Systems", "relational": "Relationality"} {
		if titles[key] != title {
			t.Errorf("principle %q has title %q, want %q", key, titles[key], title)
		}
	}
}
