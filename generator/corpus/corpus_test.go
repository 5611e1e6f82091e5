package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"
)

// frontMatter mirrors the story fields of DESIGN.md that the corpus writes.
type frontMatter struct {
	Title      string   `yaml:"title"`
	Summary    string   `yaml:"summary"`
	Date       string   `yaml:"date"`
	Principles []string `yaml:"principles"`
	Sectors    []string `yaml:"sectors"`
	Themes     []string `yaml:"themes"`
	Place      string   `yaml:"place"`
	Partners   []string `yaml:"partners"`
	Period     string   `yaml:"period"`
	Questions  []string `yaml:"questions"`
	Outcomes   []string `yaml:"outcomes"`
	Authors    []string `yaml:"authors"`
}

type loadedStory struct {
	name string // file name, such as s00001-family-support.md
	fm   frontMatter
	body string
	err  error // front matter that did not parse
}

// loadedCorpus is a generated corpus read back from disk.
type loadedCorpus struct {
	dir     string
	stories []loadedStory
	terms   map[string][]string // taxonomy → keys found in content/<taxonomy>/
}

func generate(t testing.TB, n int, vocabDir string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := Generate(dir, n, vocabDir); err != nil {
		t.Fatalf("Generate(%d): %v", n, err)
	}
	return dir
}

func load(t *testing.T, dir string) *loadedCorpus {
	t.Helper()
	c := &loadedCorpus{dir: dir, terms: map[string][]string{}}
	for _, spec := range taxonomySpecs {
		matches, _ := filepath.Glob(filepath.Join(dir, "content", spec.name, "*.md"))
		for _, m := range matches {
			if key := strings.TrimSuffix(filepath.Base(m), ".md"); key != "_index" {
				c.terms[spec.name] = append(c.terms[spec.name], key)
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "stories", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no stories in %s (%v)", dir, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := loadedStory{name: filepath.Base(f)}
		rest, ok := strings.CutPrefix(string(data), "---\n")
		fm, body, ok2 := strings.Cut(rest, "\n---\n")
		if !ok || !ok2 {
			t.Fatalf("%s: no YAML front matter", s.name)
		}
		s.body = body
		s.err = yaml.Unmarshal([]byte(fm), &s.fm)
		c.stories = append(c.stories, s)
	}
	return c
}

var (
	linkRe = regexp.MustCompile(`\]\(([^)]*)\)`)
	slugRe = regexp.MustCompile(`^s[0-9]{5,}-[a-z0-9]+(-[a-z0-9]+)*\.md$`)
)

// wordCounts returns the fields holding a letter and all fields of s.
func wordCounts(s string) (words, fields int) {
	for _, f := range strings.Fields(s) {
		fields++
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words, fields
}

func TestCorpus(t *testing.T) {
	const n = 200
	c := load(t, generate(t, n, ""))
	if len(c.stories) != n {
		t.Fatalf("got %d stories, want %d", len(c.stories), n)
	}
	tests := []struct {
		name  string
		check func(t *testing.T, s loadedStory)
	}{
		{"front matter parses as YAML", func(t *testing.T, s loadedStory) {
			if s.err != nil {
				t.Errorf("%s: %v", s.name, s.err)
			}
			if s.fm.Title == "" || len(s.fm.Partners) == 0 || len(s.fm.Authors) == 0 || s.fm.Place == "" || s.fm.Period == "" {
				t.Errorf("%s: missing fields: %+v", s.name, s.fm)
			}
		}},
		{"slug", func(t *testing.T, s loadedStory) {
			if !slugRe.MatchString(s.name) {
				t.Errorf("%s: slug does not match %s", s.name, slugRe)
			}
		}},
		{"summary length", func(t *testing.T, s loadedStory) {
			if l := len(s.fm.Summary); l < 60 || l > 200 {
				t.Errorf("%s: summary has %d characters, want 60 to 200", s.name, l)
			}
		}},
		{"date", func(t *testing.T, s loadedStory) {
			d, err := time.Parse("2006-01-02", s.fm.Date)
			if err != nil {
				t.Errorf("%s: %v", s.name, err)
			} else if d.Before(firstDate) || d.After(lastDate) {
				t.Errorf("%s: date %s out of range", s.name, s.fm.Date)
			}
		}},
		{"terms", func(t *testing.T, s loadedStory) {
			for _, tc := range []struct {
				taxonomy string
				keys     []string
				max      int
			}{
				{"principles", s.fm.Principles, 4},
				{"sectors", s.fm.Sectors, 3},
				{"themes", s.fm.Themes, 3},
			} {
				if len(tc.keys) < 1 || len(tc.keys) > tc.max {
					t.Errorf("%s: %d %s, want 1 to %d", s.name, len(tc.keys), tc.taxonomy, tc.max)
				}
				seen := map[string]bool{}
				for _, k := range tc.keys {
					if seen[k] || !slices.Contains(c.terms[tc.taxonomy], k) {
						t.Errorf("%s: %s key %q repeated or not in the vocabulary", s.name, tc.taxonomy, k)
					}
					seen[k] = true
				}
			}
		}},
		{"inquiry has questions", func(t *testing.T, s loadedStory) {
			if slices.Contains(s.fm.Principles, "inquiry") && (len(s.fm.Questions) < 2 || len(s.fm.Questions) > 3) {
				t.Errorf("%s: inquiry story with %d questions", s.name, len(s.fm.Questions))
			}
		}},
		{"outcomes", func(t *testing.T, s loadedStory) {
			if l := len(s.fm.Outcomes); l < 1 || l > 3 {
				t.Errorf("%s: %d outcomes", s.name, l)
			}
		}},
		{"two links to other stories", func(t *testing.T, s loadedStory) {
			links := linkRe.FindAllStringSubmatch(s.body, -1)
			if len(links) != 2 {
				t.Fatalf("%s: %d links, want 2", s.name, len(links))
			}
			for _, l := range links {
				target := l[1]
				if target == s.name || !slugRe.MatchString(target) {
					t.Errorf("%s: bad link target %q", s.name, target)
				}
				if _, err := os.Stat(filepath.Join(c.dir, "content", "stories", target)); err != nil {
					t.Errorf("%s: link target: %v", s.name, err)
				}
			}
		}},
		{"headings", func(t *testing.T, s loadedStory) {
			level := 1
			for _, line := range strings.Split(s.body, "\n") {
				if !strings.HasPrefix(line, "#") {
					continue
				}
				hashes := len(line) - len(strings.TrimLeft(line, "#"))
				if hashes < 2 || hashes > level+1 || line[hashes] != ' ' {
					t.Errorf("%s: heading %q after level %d", s.name, line, level)
				}
				level = hashes
			}
		}},
		{"no raw HTML", func(t *testing.T, s loadedStory) {
			if strings.Contains(s.body, "<") {
				t.Errorf("%s: body contains <", s.name)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, s := range c.stories {
				tt.check(t, s)
			}
		})
	}

	t.Run("body word counts", func(t *testing.T) {
		for i := 0; i < len(c.stories); i += len(c.stories) / 50 {
			s := c.stories[i]
			words, fields := wordCounts(s.body)
			if words < 600 || fields > 900 {
				t.Errorf("%s: %d words, %d fields; want 600 to 900", s.name, words, fields)
			}
		}
	})
	t.Run("tables and footnotes", func(t *testing.T) {
		tables, footnotes := 0, 0
		for _, s := range c.stories {
			if strings.Contains(s.body, "| --- |") {
				tables++
			}
			if strings.Contains(s.body, "[^1]") {
				if !strings.Contains(s.body, "\n[^1]: ") {
					t.Errorf("%s: footnote without definition", s.name)
				}
				footnotes++
			}
		}
		if tables < n/10 || tables > n*3/10 {
			t.Errorf("%d tables in %d stories, want about 1 in 5", tables, n)
		}
		if footnotes < n*3/20 || footnotes > n*7/20 {
			t.Errorf("%d footnotes in %d stories, want about 1 in 4", footnotes, n)
		}
	})
}

// writeVocab creates a content folder with a few term files per taxonomy.
func writeVocab(t *testing.T, keys ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, spec := range taxonomySpecs {
		sub := filepath.Join(dir, spec.name)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, k := range append([]string{"_index"}, keys...) {
			data := "---\ntitle: \"" + k + "\"\nsummary: \"About " + k + ".\"\n---\n\nText.\n"
			if err := os.WriteFile(filepath.Join(sub, k+".md"), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func TestDeterminism(t *testing.T) {
	vocab := writeVocab(t, "a", "a-b", "yes", "inquiry")
	tests := []struct {
		name      string
		n         int
		vocab     string
		oneWorker bool // generate the second copy on one CPU
	}{
		{"built-in vocabulary", 200, "", false},
		{"one worker", 200, "", true},
		{"missing vocabulary folder", 20, filepath.Join(t.TempDir(), "none"), false},
		{"copied vocabulary", 50, vocab, false},
		{"one story", 1, "", false},
		{"two stories", 2, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := generate(t, tt.n, tt.vocab)
			if tt.oneWorker {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			}
			b := generate(t, tt.n, tt.vocab)
			compareDirs(t, a, b)
			c := load(t, a)
			for _, s := range c.stories {
				if s.err != nil {
					t.Errorf("%s: %v", s.name, s.err)
				}
				want := 2
				if tt.n == 1 {
					want = 0
				}
				if got := len(linkRe.FindAllString(s.body, -1)); got != want {
					t.Errorf("%s: %d links, want %d", s.name, got, want)
				}
			}
		})
	}
}

func TestCopiedVocabulary(t *testing.T) {
	vocab := writeVocab(t, "a", "a-b", "yes")
	c := load(t, generate(t, 30, vocab))
	for _, s := range c.stories {
		for _, k := range s.fm.Principles {
			if !slices.Contains([]string{"a", "a-b", "yes"}, k) {
				t.Errorf("%s: principle %q not in the copied vocabulary", s.name, k)
			}
		}
	}
	got, _ := os.ReadFile(filepath.Join(c.dir, "content", "themes", "_index.md"))
	want, _ := os.ReadFile(filepath.Join(vocab, "themes", "_index.md"))
	if !bytes.Equal(got, want) {
		t.Errorf("themes/_index.md not copied verbatim:\n%s", got)
	}
}

// compareDirs fails unless a and b hold the same files with the same bytes.
func compareDirs(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%s has %d files, %s has %d", a, len(fa), b, len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		generate(b, 1000, "")
	}
}
