package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/frontmatter"
)

func vocabulary() *Vocabulary {
	return NewVocabulary([]string{"principles", "sectors"}, map[string][]*content.Term{
		"principles": {{Key: "systems"}, {Key: "relationality", Aliases: []string{"relational"}}, {Key: "inquiry", Aliases: []string{"enquiry"}}},
		"sectors":    {{Key: "nhs"}, {Key: "police"}},
	})
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name     string
		taxonomy string
		names    []string
		want     string
		wantErr  string
	}{
		{"keys in order given", "principles", []string{"inquiry", "systems"}, "inquiry systems", ""},
		{"aliases and case mapped, repeats dropped", "principles", []string{"Relational", "relationality", "enquiry"}, "relationality inquiry", ""},
		{"typo gets a suggestion", "principles", []string{"relationalty"}, "",
			`unknown principle "relationalty" (did you mean "relationality"?); allowed: systems, relationality, inquiry`},
		{"nothing close", "sectors", []string{"astronauts"}, "", `unknown sector "astronauts"; allowed: nhs, police`},
		{"unknown taxonomy", "themes", []string{"poverty"}, "", `this site has no taxonomy "themes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := vocabulary().Resolve(tt.taxonomy, tt.names)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || strings.Join(got, " ") != tt.want {
				t.Fatalf("got %v, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestRenderDefault(t *testing.T) {
	s := Story{
		Title: "Dùn Èideann: a story",
		Date:  time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC),
		Terms: map[string][]string{"principles": {"systems", "inquiry"}},
	}
	out, err := Render("built-in", DefaultTemplate, s, vocabulary())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := frontmatter.Split(out)
	if err != nil {
		t.Fatal(err)
	}
	front, err := frontmatter.Decode(doc)
	if err != nil {
		t.Fatalf("front matter does not parse: %v\n%s", err, out)
	}
	for _, tt := range []struct{ key, want string }{
		{"title", "Dùn Èideann: a story"},
		{"date", "2026-03-04"},
		{"summary", ""},
	} {
		if v, _ := front.Get(tt.key); v == nil || v.Value != tt.want {
			t.Errorf("%s = %+v, want %q", tt.key, v, tt.want)
		}
	}
	if v, _ := front.Get("principles"); v == nil || len(v.Items) != 2 || v.Items[1].Value != "inquiry" {
		t.Errorf("principles = %+v, want [systems, inquiry]", v)
	}
	if v, _ := front.Get("sectors"); v == nil || v.Kind != frontmatter.List || len(v.Items) != 0 {
		t.Errorf("sectors = %+v, want an empty list", v)
	}
	text := string(out)
	for _, want := range []string{"# One or more of: nhs, police\n", "## The situation\n", "## What the group did differently\n",
		"## What changed\n", "## What they learned\n", "## Questions to try\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
}

func TestYAMLScalar(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Summer holiday support", "Summer holiday support"},
		{"colon quoted", "Care: at home", "'Care: at home'"},
		{"boolean word quoted", "Yes", `"Yes"`},
		{"newlines folded", "Two\nlines", "Two lines"},
		{"leading quote", `"Stuck" for a while`, `'"Stuck" for a while'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := yamlScalar(tt.in); got != tt.want {
				t.Errorf("yamlScalar(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTemplateOverride(t *testing.T) {
	tests := []struct {
		name     string
		fsys     fstest.MapFS
		wantName string
		wantText string
	}{
		{"built-in", fstest.MapFS{}, "built-in story template", DefaultTemplate},
		{"site's own", fstest.MapFS{TemplatePath: {Data: []byte("---\ntitle: {{.Title}}\n---\n")}}, TemplatePath, "---\ntitle: {{.Title}}\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, text, err := Template(tt.fsys)
			if err != nil || name != tt.wantName || text != tt.wantText {
				t.Errorf("got %q, %q, %v", name, text, err)
			}
		})
	}
}

func TestRenderTemplateErrorsNameTheFile(t *testing.T) {
	tests := []struct{ name, tmpl, want string }{
		{"parse", "{{.Title", "template: content/_templates/story.md:1:"},
		{"unknown field", "x\n{{.Summary}}", "content/_templates/story.md:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Render(TemplatePath, tt.tmpl, Story{Title: "x"}, vocabulary())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/stories/old.md", "original")
	write("content/stories/bundled/index.md", "original")
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	col := &content.Collection{
		Stories: []*content.Story{{Slug: "elsewhere", Path: "content/stories/2019/elsewhere.md"}},
		Drafts:  map[string]string{"content/stories/draft-one.md": "draft-one"},
	}
	tests := []struct {
		name    string
		slug    string
		bundle  bool
		wantErr string
	}{
		{"new file", "fresh", false, ""},
		{"new bundle", "fresh-bundle", true, ""},
		{"same file", "old", false, "content/stories/old.md"},
		{"bundle over a file", "old", true, "content/stories/old.md"},
		{"file beside a bundle", "bundled", false, "content/stories/bundled/index.md"},
		{"slug used in a subfolder", "elsewhere", false, "content/stories/2019/elsewhere.md"},
		{"slug of a draft", "draft-one", false, "draft-one.md (a draft)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Path(tt.slug, tt.bundle)
			err := Write(root, p, tt.slug, col, []byte("new"))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if data, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); string(data) != "new" {
					t.Errorf("%s holds %q", p, data)
				}
				return
			}
			if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want ErrExists naming %s", err, tt.wantErr)
			}
		})
	}
	for _, p := range []string{"content/stories/old.md", "content/stories/bundled/index.md"} {
		if data, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); string(data) != "original" {
			t.Errorf("%s was changed to %q", p, data)
		}
	}
}
