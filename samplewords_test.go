package casebook

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// ordinary words that are sample term keys or titles but also plain English
// that code comments and the init site's own example may use; the test
// looks for the words that only the sample uses.
var ordinary = map[string]bool{
	"communities": true, "education": true, "housing": true, "justice": true, "nhs": true,
	"police": true, "poverty": true, "systems": true, "employability": true,
}

// placeWords are words of the stories' places that name no place.
var placeWords = map[string]bool{"three": true, "upper": true, "lower": true, "north": true, "south": true, "east": true, "west": true}

// sampleWords are the sample site's distinctive words, read from content/
// and site.toml so the list follows the sample as it changes: every term
// key and title of every taxonomy, every term colour, the place names of
// the stories, the sample's title, and names it cites.
func sampleWords(t *testing.T) []string {
	t.Helper()
	words := map[string]bool{"christie": true, "scotland": true, "collective leadership casebook": true}
	termFiles, err := filepath.Glob("content/*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	stories, err := filepath.Glob("content/stories/*.md")
	if err != nil {
		t.Fatal(err)
	}
	field := regexp.MustCompile(`^(title|colour|place):\s*"?([^"\n]+?)"?\s*$`)
	capital := regexp.MustCompile(`\p{Lu}[\p{L}'-]+`)
	for _, path := range termFiles {
		dir, name := filepath.Base(filepath.Dir(path)), strings.TrimSuffix(filepath.Base(path), ".md")
		if dir == "stories" || dir == "pages" || name == "_index" {
			continue
		}
		words[name] = true
		for _, m := range frontMatter(t, path, field) {
			if m[1] != "place" {
				words[strings.ToLower(m[2])] = true
			}
		}
	}
	for _, path := range stories {
		for _, m := range frontMatter(t, path, field) {
			if m[1] == "place" {
				for _, w := range capital.FindAllString(m[2], -1) {
					if len(w) > 4 && !placeWords[strings.ToLower(w)] {
						words[strings.ToLower(w)] = true
					}
				}
			}
		}
	}
	var out []string
	for w := range words {
		if !ordinary[w] && !strings.HasPrefix(w, "the ") {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// frontMatter returns the matches of re in the front matter of path.
func frontMatter(t *testing.T, path string, re *regexp.Regexp) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		if sc.Text() == "---" && n > 0 {
			break
		}
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			out = append(out, m)
		}
	}
	return out
}

// shipped lists the files compiled or embedded into the casebook command:
// the Go files (tests aside) of every package of this module it imports,
// and their embedded files, the built-in theme among them. Tools beside
// it (the benchmark corpus, screenshots) write sample-like content on
// purpose and are not part of it.
func shipped(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f",
		`{{if .Module}}{{if eq .Module.Path "github.com/casebook/casebook"}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}`, "./cmd/casebook").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	return strings.Fields(string(out))
}

// wordPattern matches any of words as a whole word, in any case.
func wordPattern(words []string) *regexp.Regexp {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?i)(^|[^\pL\pN_#-])(` + strings.Join(quoted, "|") + `)($|[^\pL\pN_-])`)
}

func TestNoSampleWordsInTheEngine(t *testing.T) {
	words := sampleWords(t)
	for _, w := range []string{"relationality", "emergent", "#9a4806", "glenaskie", "christie", "social-work"} {
		if !strings.Contains(" "+strings.Join(words, " ")+" ", " "+w+" ") {
			t.Fatalf("the sample's words lack %q, so this test would miss it: %v", w, words)
		}
	}
	re := wordPattern(words)
	if !re.MatchString(`const key = "Relationality"`) || !re.MatchString("color: #9A4806;") || re.MatchString("emergently") {
		t.Fatalf("the word pattern does not match as intended")
	}
	files := shipped(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	themeFiles := 0
	for _, path := range files {
		rel, err := filepath.Rel(wd, path)
		if err != nil {
			rel = path
		}
		if strings.HasPrefix(filepath.ToSlash(rel), "themes/default/templates/") {
			themeFiles++
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The language is called Scottish Gaelic wherever it is used.
		text := strings.ReplaceAll(string(data), "Scottish Gaelic", "")
		for n, line := range strings.Split(text, "\n") {
			if m := re.FindStringSubmatch(line); m != nil {
				t.Errorf("%s:%d: %q is the sample site's: move it into content/ (term files, [style], pages)\n\t%s", filepath.ToSlash(rel), n+1, m[2], strings.TrimSpace(line))
			}
		}
	}
	if themeFiles < 10 {
		t.Fatalf("only %d built-in templates were searched; the list of shipped files is wrong", themeFiles)
	}
}
