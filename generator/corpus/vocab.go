package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// taxonomySpecs are the taxonomies of the corpus, in site.toml order, with
// the most terms of each that a story carries.
var taxonomySpecs = []struct {
	name        string
	maxPerStory int
}{
	{"principles", 4},
	{"sectors", 3},
	{"themes", 3},
}

// vocabulary is the controlled vocabulary written into the corpus and used
// to tag its stories.
type vocabulary struct {
	taxonomies []taxonomy
}

// taxonomy holds the term files of one taxonomy and the keys they define.
type taxonomy struct {
	name        string
	maxPerStory int
	keys        []string   // file names without .md, _index excluded, sorted
	files       []termFile // written verbatim to content/<name>/
	builtin     bool       // true when the vocabulary folder had no terms
}

type termFile struct {
	name string
	data []byte
}

// loadVocabulary reads the term files of every taxonomy from dir (a site's
// content folder). A taxonomy whose folder is missing or holds no terms
// falls back to the built-in vocabulary; dir "" means built-in throughout.
func loadVocabulary(dir string) (*vocabulary, error) {
	v := &vocabulary{}
	for _, spec := range taxonomySpecs {
		t := taxonomy{name: spec.name, maxPerStory: spec.maxPerStory}
		if dir != "" {
			files, keys, err := readTerms(filepath.Join(dir, spec.name))
			if err != nil {
				return nil, err
			}
			t.files, t.keys = files, keys
		}
		if len(t.keys) == 0 {
			t.files, t.keys = builtinTaxonomy(spec.name)
			t.builtin = true
		}
		v.taxonomies = append(v.taxonomies, t)
	}
	return v, nil
}

// readTerms reads the *.md files of dir. A missing dir is not an error: it
// yields no terms.
func readTerms(dir string) ([]termFile, []string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read vocabulary: %w", err)
	}
	var files []termFile
	var keys []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".md") {
			continue
		}
		if strings.Contains(strings.TrimSuffix(name, ".md"), ".") {
			continue // a translation (<key>.<code>.md): the corpus is in one language
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, nil, fmt.Errorf("read vocabulary: %w", err)
		}
		files = append(files, termFile{name: name, data: data})
		if key := strings.TrimSuffix(name, ".md"); key != "_index" {
			keys = append(keys, key)
		}
	}
	// Sort keys themselves: file name order differs ("a-b.md" < "a.md").
	slices.Sort(keys)
	return files, keys, nil
}

// builtinTaxonomy renders the built-in term files of the named taxonomy.
func builtinTaxonomy(name string) ([]termFile, []string) {
	terms := builtinTerms[name]
	files := make([]termFile, 0, len(terms)+1)
	index := builtinIndexes[name]
	files = append(files, termFile{name: "_index.md", data: renderTerm(index, 0)})
	keys := make([]string, len(terms))
	for i, t := range terms {
		files = append(files, termFile{name: t.key + ".md", data: renderTerm(t, i+1)})
		keys[i] = t.key
	}
	slices.Sort(keys)
	return files, keys
}

// renderTerm writes a term file; order 0 leaves the order field out.
func renderTerm(t builtinTerm, order int) []byte {
	var sb strings.Builder
	sb.WriteString("---\n")
	writeField(&sb, "title", yamlString(t.title))
	writeField(&sb, "summary", yamlString(t.summary))
	if order > 0 {
		writeField(&sb, "order", strconv.Itoa(order))
	}
	sb.WriteString("---\n\n")
	sb.WriteString(t.text)
	sb.WriteString("\n")
	return []byte(sb.String())
}
