// Package move renames a story, as `casebook mv OLD NEW` does, keeping
// every way to it working:
//
//   - the story's file (content/stories/…/old.md, and its translations
//     old.<code>.md beside it) or bundle folder (content/stories/…/old/)
//     is renamed, in the same folder;
//   - OLD becomes the first of the story's aliases, so its old address
//     redirects to the new one, and a slug: field naming OLD names NEW;
//   - every relative link and wiki link to the story, in every content
//     file (stories, pages, terms, intros, translations), and every
//     related: entry naming it, is rewritten to its new place.
//
// Only those bytes change: every file keeps its other bytes, line ends
// and formatting. Planning reads the files and changes nothing; a plan
// that cannot be made (no story OLD, NEW taken, a field casebook cannot
// edit safely) is an error, and then nothing is written.
package move

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/suggest"
)

// Story is what the plan needs to know of each story of the site.
type Story struct {
	Path    string // site-relative: content/stories/x.md or …/x/index.md
	Slug    string
	Aliases []string
}

// Plan is a rename to carry out.
type Plan struct {
	// Writes holds the new contents of changed files, by their path
	// before the rename.
	Writes map[string][]byte
	// Renames holds the files and folders to rename, from → to, in
	// order.
	Renames [][2]string
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Make plans renaming the story with slug oldSlug to newSlug. files holds
// every file under content/ (site-relative path → bytes); stories holds
// every story, drafts included. exists reports whether a site-relative
// path is taken.
func Make(files map[string][]byte, stories []Story, oldSlug, newSlug string, exists func(string) bool) (*Plan, error) {
	var story *Story
	var slugs []string
	for i := range stories {
		s := &stories[i]
		slugs = append(slugs, s.Slug)
		if s.Slug == oldSlug {
			story = s
		}
	}
	if story == nil {
		return nil, fmt.Errorf("no story has the slug %q%s", oldSlug, suggest.Hint(oldSlug, slugs))
	}
	if !slugPattern.MatchString(newSlug) {
		return nil, fmt.Errorf("%q is not a valid slug: use lowercase letters, digits and single '-' only", newSlug)
	}
	for _, s := range stories {
		if s.Slug == newSlug {
			return nil, fmt.Errorf("a story already has the slug %q: %s", newSlug, s.Path)
		}
		for _, a := range s.Aliases {
			if a == newSlug {
				return nil, fmt.Errorf("%q is an earlier slug of %s (in its aliases): its address is taken", newSlug, s.Path)
			}
		}
	}
	t, renames, err := placeOf(story, oldSlug, newSlug, files, exists)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Writes: map[string][]byte{}, Renames: renames}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		out, err := t.rewriteFile(p, files[p], p == story.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if string(out) != string(files[p]) {
			plan.Writes[p] = out
		}
	}
	return plan, nil
}

// placeOf works out where the story goes and what is renamed.
func placeOf(s *Story, oldSlug, newSlug string, files map[string][]byte, exists func(string) bool) (*target, [][2]string, error) {
	t := &target{oldFile: s.Path, newFile: s.Path, oldSlug: oldSlug, newSlug: newSlug}
	var renames [][2]string
	dir, base := path.Split(s.Path)
	switch {
	case base == "index.md" && path.Base(dir) == oldSlug:
		t.oldDir = strings.TrimSuffix(dir, "/")
		t.newDir = path.Join(path.Dir(t.oldDir), newSlug)
		t.newFile = t.newDir + "/index.md"
		renames = append(renames, [2]string{t.oldDir, t.newDir})
	case base == oldSlug+".md":
		t.newFile = dir + newSlug + ".md"
		renames = append(renames, [2]string{t.oldFile, t.newFile})
		// Translations beside it: old.cy.md → new.cy.md.
		translation := regexp.MustCompile(`^` + regexp.QuoteMeta(oldSlug) + `(\.[A-Za-z]{2,3}(-[A-Za-z0-9]+)*)\.md$`)
		var extra []string
		for p := range files {
			if d, b := path.Split(p); d == dir {
				if m := translation.FindStringSubmatch(b); m != nil {
					extra = append(extra, p)
				}
			}
		}
		sort.Strings(extra)
		for _, p := range extra {
			m := translation.FindStringSubmatch(path.Base(p))
			renames = append(renames, [2]string{p, dir + newSlug + m[1] + ".md"})
		}
	}
	t.files = map[string]string{}
	for _, r := range renames {
		t.files[r[0]] = r[1]
		if exists(r[1]) {
			return nil, nil, fmt.Errorf("%s already exists", r[1])
		}
	}
	return t, renames, nil
}

// rewriteFile rewrites one content file: its body's links, its related:
// entries naming the story and, for the story itself, its aliases and
// slug.
func (t *target) rewriteFile(p string, src []byte, self bool) ([]byte, error) {
	doc, front, diags := load.Parse(p, src)
	if diags.HasErrors() || doc == nil {
		if self {
			return nil, fmt.Errorf("the story's front matter cannot be read: %v", diags)
		}
		return src, nil
	}
	var edits []edit
	if front != nil {
		if n, _ := front.Get("related"); n != nil {
			items := n.Items
			if n.Kind == frontmatter.Scalar {
				items = []*frontmatter.Node{n}
			}
			for _, it := range items {
				if it.Kind == frontmatter.Scalar && strings.TrimSpace(it.Value) == t.oldSlug {
					e, ok := replaceValue(src, it, t.newSlug)
					if !ok {
						return nil, fmt.Errorf("line %d: cannot rewrite the related entry %q; change it to %q by hand", it.Line, it.Value, t.newSlug)
					}
					edits = append(edits, e)
				}
			}
		}
		if self {
			e, err := addAlias(src, doc, front, t.oldSlug)
			if err != nil {
				return nil, err
			}
			edits = append(edits, e)
			if n, _ := front.Get("slug"); n != nil && n.Kind == frontmatter.Scalar {
				e, ok := replaceValue(src, n, t.newSlug)
				if !ok {
					return nil, fmt.Errorf("line %d: cannot rewrite slug; change it to %q by hand", n.Line, t.newSlug)
				}
				edits = append(edits, e)
			}
		}
	}
	// Edits are all in the front matter, before the body.
	bodyAt := 0
	if doc.Found {
		if bodyAt = offset(src, doc.BodyLine, 1); bodyAt < 0 {
			bodyAt = len(src)
		}
	}
	out := apply(src, edits)
	bodyAt += len(out) - len(src)
	return append(out[:bodyAt:bodyAt], t.rewriteBody(p, out[bodyAt:])...), nil
}
