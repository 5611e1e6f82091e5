package build_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// editor makes random, realistic edits to a site folder.
type editor struct {
	t     *testing.T
	src   string
	rng   *rand.Rand
	added []string // stories this editor created
	// linkTo is the slug of a story that added stories link to.
	linkTo string
	n      int
	// changed holds the site-relative paths written, removed or renamed
	// since take was last called, as a watcher would report them.
	changed map[string]bool
}

// take returns the paths changed since the last call, sorted.
func (e *editor) take() []string {
	paths := slices.Sorted(maps.Keys(e.changed))
	clear(e.changed)
	return paths
}

func (e *editor) touched(name string) {
	if e.changed == nil {
		e.changed = map[string]bool{}
	}
	e.changed[name] = true
}

var (
	titleLine      = regexp.MustCompile(`(?m)^title: .*$`)
	principlesLine = regexp.MustCompile(`(?m)^principles: .*$`)
	dateLine       = regexp.MustCompile(`(?m)^date: .*$`)
	brokenLink     = regexp.MustCompile(`\nSee \[\[no-such-story-\d+\]\]\.\n`)
)

// editKinds is the number of kinds of edit the editor makes.
const editKinds = 14

// edit applies one edit of kind k and describes it.
func (e *editor) edit(k int) string {
	e.n++
	// Dates, terms, aliases and sources belong to the original story: a
	// translation that set them would be an error.
	story := e.pick("content/stories", k == 2 || k == 3 || k == 12)
	switch {
	case k == 0:
		e.rewrite(story, func(s string) string { return s + fmt.Sprintf("\nA new paragraph, number %d.\n", e.n) })
		return "body of " + story
	case k == 1:
		e.rewrite(story, func(s string) string {
			return titleLine.ReplaceAllString(s, fmt.Sprintf("title: Retitled story %d", e.n))
		})
		return "title of " + story
	case k == 2:
		keys := []string{"systems", "emergent", "relationality", "inquiry"}
		e.rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		list := "[" + strings.Join(keys[:1+e.rng.IntN(3)], ", ") + "]"
		e.rewrite(story, func(s string) string { return principlesLine.ReplaceAllString(s, "principles: "+list) })
		return "principles of " + story
	case k == 3:
		e.rewrite(story, func(s string) string {
			return dateLine.ReplaceAllString(s, fmt.Sprintf("date: 20%02d-03-0%d", 10+e.n%15, 1+e.n%9))
		})
		return "date of " + story
	case k == 4 || k == 5 && len(e.added) == 0:
		name := fmt.Sprintf("content/stories/added-%d.md", e.n)
		e.write(name, fmt.Sprintf("---\ntitle: Added story %d\nsummary: A story added while the site was watched.\ndate: 2024-05-%02d\n"+
			"principles: [inquiry]\nsectors: [nhs]\nthemes: [poverty]\n---\n\nIt links to [[%s]].\n", e.n, 1+e.n%28, e.linkTo))
		e.added = append(e.added, name)
		return "new " + name
	case k == 5:
		i := e.rng.IntN(len(e.added))
		name := e.added[i]
		e.added = append(e.added[:i], e.added[i+1:]...)
		if e.rng.IntN(2) == 0 {
			e.remove(name)
			return "deleted " + name
		}
		renamed := fmt.Sprintf("content/stories/renamed-%d.md", e.n)
		e.rename(name, renamed)
		e.added = append(e.added, renamed)
		return "renamed " + name
	case k == 6:
		term := e.pick("content/themes", false)
		e.rewrite(term, func(s string) string { return s + fmt.Sprintf("\nMore about this theme (%d).\n", e.n) })
		return "body of " + term
	case k == 9:
		other := e.pick("content/stories", false)
		e.rewrite(story, func(s string) string {
			return s + fmt.Sprintf("\nCompare [another story](%s) (%d).\n", path.Base(other), e.n)
		})
		return "a link in the body of " + story
	case k == 10:
		e.rewrite(story, func(s string) string {
			i := strings.LastIndex(s, "\n\n")
			if i < 0 {
				return s + "\nA sentence.\n"
			}
			return s[:i] + fmt.Sprintf("\n\nA sentence added in the middle (%d).", e.n) + s[i:]
		})
		return "middle of the body of " + story
	case k == 11:
		e.rewrite(story, func(s string) string { return s + fmt.Sprintf("\nSee [[no-such-story-%d]].\n", e.n) })
		return "a broken link in the body of " + story
	case k == 7:
		e.rewrite("site.toml", func(s string) string {
			return regexp.MustCompile(`(?m)^title = .*$`).ReplaceAllString(s, fmt.Sprintf("title = \"Casebook %d\"", e.n))
		})
		return "title in site.toml"
	case k == 12:
		// An earlier slug and a source: a redirect page, _redirects,
		// the citations and the exports change.
		e.rewrite(story, func(s string) string {
			s = setField(s, "aliases", fmt.Sprintf("[earlier-%d]", e.n))
			return setField(s, "source", fmt.Sprintf(`{title: "Report %d, \"quoted\" {braced}", authors: [A. Writer], year: 20%02d, url: "https://example.org/r?n=%d"}`, e.n, 10+e.n%15, e.n))
		})
		return "aliases and source of " + story
	case k == 13:
		term := e.pick("content/themes", true) // a translation shares its original's aliases
		e.rewrite(term, func(s string) string {
			if strings.Contains(s, "\naliases: [") {
				return strings.Replace(s, "\naliases: [", fmt.Sprintf("\naliases: [older-theme-%d, ", e.n), 1)
			}
			return setField(s, "aliases", fmt.Sprintf("[older-theme-%d]", e.n))
		})
		return "aliases of " + term
	default:
		e.rewrite(story, func(s string) string { return strings.Replace(s, "---\n", "---\ntitle: [broken\n", 1) })
		return "broke the front matter of " + story
	}
}

// setField sets a one-line front matter field of a YAML file, replacing
// the line that holds it or adding one after the opening ---.
func setField(src, key, value string) string {
	line := regexp.MustCompile(`(?m)^` + key + `:.*(\n[ \t]+.*)*$`)
	if line.MatchString(src) {
		return line.ReplaceAllLiteralString(src, key+": "+value)
	}
	return strings.Replace(src, "---\n", "---\n"+key+": "+value+"\n", 1)
}

// pick returns a random Markdown file of dir (not an _index.md), only
// among those that are not translations (<name>.<code>.md) if originals
// is set, fixing front matter an earlier step broke so that the site can
// build again.
func (e *editor) pick(dir string, originals bool) string {
	entries, err := os.ReadDir(filepath.Join(e.src, dir))
	if err != nil {
		e.t.Fatal(err)
	}
	var names []string
	for _, en := range entries {
		if strings.HasSuffix(en.Name(), ".md") && en.Name() != "_index.md" {
			names = append(names, dir+"/"+en.Name())
		}
	}
	for _, n := range names {
		e.rewrite(n, func(s string) string {
			s = strings.Replace(s, "title: [broken\n", "", 1)
			return brokenLink.ReplaceAllString(s, "")
		})
	}
	if originals {
		names = slices.DeleteFunc(names, isTranslation)
	}
	return names[e.rng.IntN(len(names))]
}

// translationName matches the name of a translation, <name>.<code>.md.
var translationName = regexp.MustCompile(`\.[a-z]{2,3}(-[a-zA-Z0-9]+)*\.md$`)

// isTranslation reports whether the file name is a translation's.
func isTranslation(name string) bool { return translationName.MatchString(name) }

// severalLanguages reports whether the site in src has languages besides
// its default one.
func severalLanguages(t *testing.T, src string) bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`(?m)^\[languages\.`).Match(data)
}

func (e *editor) rewrite(name string, f func(string) string) {
	data, err := os.ReadFile(filepath.Join(e.src, name))
	if err != nil {
		e.t.Fatal(err)
	}
	if changed := f(string(data)); changed != string(data) {
		e.write(name, changed)
	}
}

func (e *editor) write(name, data string) {
	e.touched(name)
	if err := os.WriteFile(filepath.Join(e.src, name), []byte(data), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) remove(name string) {
	e.touched(name)
	if err := os.Remove(filepath.Join(e.src, name)); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) rename(from, to string) {
	e.touched(from)
	e.touched(to)
	if err := os.Rename(filepath.Join(e.src, from), filepath.Join(e.src, to)); err != nil {
		e.t.Fatal(err)
	}
}
