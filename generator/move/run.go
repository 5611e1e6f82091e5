package move

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/publish"
)

// Result is what Run did.
type Result struct {
	// Renamed holds the files and folders renamed, from → to.
	Renamed [][2]string
	// Rewritten holds the files whose links or front matter changed, by
	// their path after the rename.
	Rewritten []string
	// Diags are the problems of the site: before the move when it had
	// errors (and then nothing was changed), after it otherwise.
	Diags diag.List
}

// ErrContent is returned, wrapped, when the site has errors to fix before
// a story can be moved; Result.Diags lists them.
var ErrContent = errors.New("the site has errors: fix them first, so that every link to the story can be found")

// Run renames the story oldSlug of the site in the folder src to newSlug
// (see the package comment), then checks the site again. When the move
// cannot be made it returns an error and has changed nothing.
func Run(src, oldSlug, newSlug string) (*Result, error) {
	res := &Result{}
	before, err := build.Check(build.Options{Src: src, Drafts: true})
	if err != nil {
		return res, err
	}
	if before.Diags.HasErrors() || before.Site == nil {
		res.Diags = before.Diags
		return res, ErrContent
	}
	var stories []Story
	for _, s := range before.Site.Stories {
		st := Story{Path: s.Path, Slug: s.Slug}
		for _, a := range s.Aliases {
			st.Aliases = append(st.Aliases, a.Value)
		}
		stories = append(stories, st)
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return res, err
	}
	defer root.Close()
	files, err := readContent(root)
	if err != nil {
		return res, err
	}
	exists := func(p string) bool { _, err := root.Lstat(filepath.FromSlash(p)); return err == nil }
	plan, err := Make(files, stories, oldSlug, newSlug, exists)
	if err != nil {
		return res, err
	}
	for _, p := range sortedKeys(plan.Writes) {
		if err := publish.WriteFileAtomic(filepath.Join(src, filepath.FromSlash(p)), plan.Writes[p]); err != nil {
			return res, fmt.Errorf("writing %s: %w", p, err)
		}
		res.Rewritten = append(res.Rewritten, renamed(p, plan.Renames))
	}
	for _, r := range plan.Renames {
		if err := root.Rename(filepath.FromSlash(r[0]), filepath.FromSlash(r[1])); err != nil {
			return res, fmt.Errorf("renaming %s: %w", r[0], err)
		}
		res.Renamed = append(res.Renamed, r)
	}
	after, err := build.Check(build.Options{Src: src, Drafts: true})
	if err != nil {
		return res, err
	}
	res.Diags = after.Diags
	return res, nil
}

// readContent reads every Markdown file under content/.
func readContent(root *os.Root) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(root.FS(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > load.MaxFileSize {
			return nil // check has reported it
		}
		data, err := fs.ReadFile(root.FS(), p)
		if err != nil {
			return err
		}
		files[p] = data
		return nil
	})
	return files, err
}

// renamed returns where the file at p is after renames.
func renamed(p string, renames [][2]string) string {
	for _, r := range renames {
		if p == r[0] {
			return r[1]
		}
		if rest, ok := strings.CutPrefix(p, r[0]+"/"); ok {
			return r[1] + "/" + rest
		}
	}
	return p
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
