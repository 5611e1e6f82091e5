// Package scaffold writes the file of a new story, for `casebook new`: the
// front matter filled in with the title, the date and the terms given, and
// the body laid out with prompts for the usual sections of a practice
// story.
//
// The file is made from a text/template. A site may keep its own at
// content/_templates/story.md (the loader skips that folder); otherwise the
// built-in one is used. Templates see a Data value whose fields are ready to
// print in YAML, so that a template holds layout only.
package scaffold

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/casebook/casebook/generator/content"
)

// TemplatePath is where a site keeps its own story template, relative to
// the site folder.
const TemplatePath = "content/_templates/story.md"

// DefaultTemplate is the built-in story template.
//
//go:embed story.md
var DefaultTemplate string

// Story is what a new story starts with.
type Story struct {
	Title string
	Date  time.Time
	// Terms holds term keys per taxonomy, already resolved.
	Terms map[string][]string
}

// Data is what a story template sees.
type Data struct {
	// Title is the title as a YAML scalar, quoted when YAML needs it.
	Title string
	// Date is the date as YYYY-MM-DD.
	Date string
	// Taxonomies holds one Field per taxonomy of the site, in site.toml
	// order.
	Taxonomies []Field
}

// Field is one taxonomy's line of front matter.
type Field struct {
	// Name is the taxonomy, such as "principles".
	Name string
	// Value is the given keys as a YAML list, such as "[listening, trust]",
	// or "[]" when none were given.
	Value string
	// Allowed lists every key of the taxonomy, comma separated.
	Allowed string
	// Optional is set when stories may leave the taxonomy out.
	Optional bool
}

// Render fills the template text tmpl, named name in error messages (a
// path such as content/_templates/story.md), with s. vocab supplies the
// site's taxonomies and their allowed keys.
func Render(name, tmpl string, s Story, vocab *Vocabulary) ([]byte, error) {
	t, err := template.New(name).Option("missingkey=error").Parse(tmpl)
	if err != nil {
		return nil, err
	}
	data := Data{Title: yamlScalar(s.Title), Date: s.Date.Format(time.DateOnly)}
	for _, name := range vocab.Taxonomies() {
		data.Taxonomies = append(data.Taxonomies, Field{
			Name:     name,
			Value:    "[" + strings.Join(s.Terms[name], ", ") + "]",
			Allowed:  strings.Join(vocab.Keys(name), ", "),
			Optional: vocab.Optional(name),
		})
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// yamlScalar formats text as a YAML scalar on one line: plain when YAML
// reads it back as the same text, quoted otherwise ("Yes", "a: b").
func yamlScalar(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	out, err := yaml.Marshal(s)
	if err != nil || bytes.Count(bytes.TrimSpace(out), []byte("\n")) > 0 {
		return fmt.Sprintf("%q", s)
	}
	return string(bytes.TrimSpace(out))
}

// Template returns the site's story template from siteFS, or the built-in
// one when the site has none, with the name to use in error messages.
func Template(siteFS fs.FS) (name, text string, err error) {
	data, err := fs.ReadFile(siteFS, TemplatePath)
	if errors.Is(err, fs.ErrNotExist) {
		return "built-in story template", DefaultTemplate, nil
	}
	if err != nil {
		return "", "", fmt.Errorf("reading %s: %w", TemplatePath, err)
	}
	return TemplatePath, string(data), nil
}

// Path returns the site-relative path of a new story with slug: a single
// file content/stories/<slug>.md, or content/stories/<slug>/index.md for a
// bundle that keeps its images beside it.
func Path(slug string, bundle bool) string {
	if bundle {
		return "content/stories/" + slug + "/index.md"
	}
	return "content/stories/" + slug + ".md"
}

// ErrExists is returned by Write when the story would replace or clash
// with an existing one.
var ErrExists = errors.New("a story with that slug already exists")

// Write creates the story file at the site-relative path p inside root,
// making its folders. It never overwrites: it fails with ErrExists when the
// file exists, when the other form of the same story exists (<slug>.md
// beside <slug>/index.md), or when col already holds a story with the
// slug, wherever its file is, drafts included.
func Write(root *os.Root, p, slug string, col *content.Collection, data []byte) error {
	if col != nil {
		for _, s := range col.Stories {
			if s.Slug == slug {
				return fmt.Errorf("%w: %s", ErrExists, s.Path)
			}
		}
		for draftPath, draftSlug := range col.Drafts {
			if draftSlug == slug {
				return fmt.Errorf("%w: %s (a draft)", ErrExists, draftPath)
			}
		}
	}
	for _, other := range []string{Path(slug, false), Path(slug, true)} {
		if _, err := root.Stat(other); err == nil {
			return fmt.Errorf("%w: %s", ErrExists, other)
		}
	}
	if err := root.MkdirAll(path.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w: %s", ErrExists, p)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		root.Remove(p)
		return err
	}
	if err := f.Close(); err != nil {
		root.Remove(p)
		return err
	}
	return nil
}
