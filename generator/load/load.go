// Package load reads a site's content folder through an fs.FS rooted at the
// site folder and splits every Markdown file into front matter (decoded into
// positioned nodes) and body. It knows the layout of a site:
//
//	content/_index.md                 home intro
//	content/stories/**/<slug>.md      a story (subfolders only group files)
//	content/stories/**/<slug>/index.md  a story bundle; other files in the
//	                                  folder are its assets
//	content/stories/_index.md         stories list intro
//	content/<taxonomy>/<key>.md       a term of a taxonomy
//	content/<taxonomy>/_index.md      taxonomy index intro
//	content/pages/<slug>.md           a plain page
//	content/_templates/               templates for `casebook new`, skipped
//	<name>.<code>.md                  a translation of <name>.md beside it
//	                                  (index.<code>.md in a bundle,
//	                                  _index.<code>.md for an intro)
//
// Problems that concern a whole file (too large, not UTF-8, empty, front
// matter not closed or not parsable, a symlink leaving the site) are
// diagnostics; the file is then left out and loading goes on.
package load

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/frontmatter"
)

// MaxFileSize is the largest Markdown file accepted: 2 MiB.
const MaxFileSize = 2 << 20

// Kind says what a content file is.
type Kind int

// The kinds of content file.
const (
	Story Kind = iota + 1
	Term
	Page
	Intro
)

// File is one parsed Markdown file.
type File struct {
	Kind Kind
	Path string // site-relative, slash-separated
	// Section is the taxonomy of a term or the section of an intro: "" for
	// the home intro, "stories", or a taxonomy name.
	Section string
	// Key is the name the file gives: a story's or page's default slug, a
	// term's key.
	Key string
	// Lang is the language code of a translation, "" for an original:
	// a file named <name>.<code>.md (a bundle's index.<code>.md, an
	// intro's _index.<code>.md) translates <name>.md beside it, and its
	// Key is that of the original.
	Lang string
	// Dir is the folder that relative links in the body start from.
	Dir    string
	Doc    *frontmatter.Document
	Front  *frontmatter.Node
	Assets []Asset
	// Hash identifies the file's bytes within one process, so that later
	// stages can tell whether a file changed between two builds.
	Hash uint64
}

// Asset is a non-Markdown file of a story bundle.
type Asset struct {
	Path string // site-relative
	Name string // relative to the bundle folder
	Data []byte
}

// Result is everything loaded from a site.
type Result struct {
	Files []*File
	Diags diag.List
}

// Load reads every content file of the site in fsys. taxonomies names the
// folders that hold terms. Files are returned sorted by path.
func Load(fsys fs.FS, taxonomies []string) *Result {
	return LoadCached(fsys, taxonomies, nil)
}

// LoadCached is Load reusing the files parsed by an earlier load that
// have not changed since; cache may be nil.
func LoadCached(fsys fs.FS, taxonomies []string, cache *Cache) *Result {
	w := &walker{fsys: fsys, taxonomies: map[string]bool{}, bundles: map[string]*File{}, cache: cache}
	if cache != nil {
		cache.begin()
		defer cache.end()
	}
	for _, t := range taxonomies {
		w.taxonomies[t] = true
	}
	if listing, ok := cache.replay(fsys, taxonomies); ok {
		// The same files as last time: classify them again without
		// reading every folder (10,000 entries at 10,000 stories).
		for _, p := range listing {
			w.classify(p)
		}
	} else {
		w.walk()
		if cache != nil {
			cache.keepListing(w.listing, taxonomies)
		}
	}
	w.attachAssets()
	w.parseAll()
	sort.Slice(w.files, func(i, j int) bool { return w.files[i].Path < w.files[j].Path })
	return &Result{Files: w.files, Diags: w.diags}
}

type walker struct {
	cache *Cache
	// listing holds the files the walk classified, in order; it is nil
	// after a symlink or an error, as a replay would skip those.
	listing    []string
	replayable bool
	fsys       fs.FS
	taxonomies map[string]bool
	files      []*File
	assets     []Asset
	bundles    map[string]*File // bundle folder → its story
	raw        map[*File][]byte
	diags      diag.List
	mu         sync.Mutex
}

// walk visits every file of content/.
func (w *walker) walk() {
	w.replayable = true
	if err := fs.WalkDir(w.fsys, "content", w.visit); err != nil {
		w.replayable = false
		if errors.Is(err, fs.ErrNotExist) {
			w.diags.Errorf("content", 0, 0, "the site has no content folder: create content/stories/ with a story in it, or use -src to point at the site folder")
		} else {
			w.diags.Errorf("content", 0, 0, "reading the content folder: %v", err)
		}
	}
	if !w.replayable {
		w.listing = nil
	}
}

func (w *walker) visit(p string, d fs.DirEntry, err error) error {
	if err != nil {
		w.replayable = false
		if p == "content" {
			return err
		}
		w.diags.Errorf(p, 0, 0, "cannot read: %v", unwrapPath(err))
		return nil
	}
	name := d.Name()
	if p != "content" && (IgnoredName(name) || name == "_templates" && path.Dir(p) == "content") {
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if d.Type()&fs.ModeSymlink != 0 {
		w.replayable = false
		return w.visitSymlink(p)
	}
	if d.IsDir() {
		return nil
	}
	if !d.Type().IsRegular() {
		// Reading a FIFO would wait for a writer forever.
		w.replayable = false
		w.diags.Errorf(p, 0, 0, "not a regular file (a named pipe, socket or device): remove it from the content folder")
		return nil
	}
	w.listing = append(w.listing, p)
	w.classify(p)
	return nil
}

// visitSymlink refuses links that leave the site folder. Links that stay
// inside are read like the files they point to.
func (w *walker) visitSymlink(p string) error {
	target, err := fs.ReadLink(w.fsys, p)
	if err == nil {
		resolved := path.Join(path.Dir(p), target)
		if path.IsAbs(target) || resolved == ".." || strings.HasPrefix(resolved, "../") {
			err = errors.New("it points outside the site folder")
		}
	}
	if err == nil {
		var info fs.FileInfo
		info, err = fs.Stat(w.fsys, p)
		switch {
		case err != nil:
		case info.IsDir():
			err = errors.New("symlinked folders are not followed")
		case !info.Mode().IsRegular():
			err = errors.New("it points to something that is not a regular file (a named pipe, socket or device)")
		}
	}
	if err != nil {
		w.diags.Errorf(p, 0, 0, "symlink refused: %v", unwrapPath(err))
		return nil
	}
	w.classify(p)
	return nil
}

func unwrapPath(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

// classify decides what the file at p is from where it lies.
func (w *walker) classify(p string) {
	rel := strings.TrimPrefix(p, "content/")
	section, rest, nested := strings.Cut(rel, "/")
	isMD := strings.HasSuffix(p, ".md")
	name, lang := splitLang(path.Base(p))
	switch {
	case !nested && name == "_index.md":
		w.add(&File{Kind: Intro, Path: p, Dir: "content", Lang: lang})
	case !nested:
		w.diags.Warnf(p, 0, 0, "file ignored: content/ holds only _index.md and the folders stories/, pages/ and one per taxonomy")
	case section == "stories":
		w.classifyStory(p, rest, isMD)
	case section == "pages" && isMD && !strings.Contains(rest, "/"):
		if name == "_index.md" {
			return
		}
		w.add(&File{Kind: Page, Path: p, Key: strings.TrimSuffix(name, ".md"), Dir: "content/pages", Lang: lang})
	case w.taxonomies[section] && isMD && !strings.Contains(rest, "/"):
		if name == "_index.md" {
			w.add(&File{Kind: Intro, Path: p, Section: section, Dir: "content/" + section, Lang: lang})
			return
		}
		w.add(&File{Kind: Term, Path: p, Section: section, Key: strings.TrimSuffix(name, ".md"), Dir: "content/" + section, Lang: lang})
	default:
		w.diags.Warnf(p, 0, 0, "file ignored: it is not a story, a page or a term of a taxonomy listed in site.toml")
	}
}

func (w *walker) classifyStory(p, rest string, isMD bool) {
	dir := path.Dir(p)
	name, lang := splitLang(path.Base(p))
	switch {
	case rest == "_index.md" || dir == "content/stories" && name == "_index.md":
		w.add(&File{Kind: Intro, Path: p, Section: "stories", Dir: "content/stories", Lang: lang})
	case name == "index.md" && dir != "content/stories":
		f := &File{Kind: Story, Path: p, Key: path.Base(dir), Dir: dir, Lang: lang}
		if lang == "" {
			w.bundles[dir] = f
		}
		w.add(f)
	case isMD && !w.insideBundle(dir):
		w.add(&File{Kind: Story, Path: p, Key: strings.TrimSuffix(name, ".md"), Dir: dir, Lang: lang})
	default:
		w.assets = append(w.assets, Asset{Path: p})
	}
}

// insideBundle reports whether dir is a bundle folder or inside one. Walk
// order visits index.md before most siblings but not all (a file named
// "a.md" sorts first), so assets are attached after the walk.
func (w *walker) insideBundle(dir string) bool {
	for d := dir; d != "content/stories" && d != "."; d = path.Dir(d) {
		if _, ok := w.bundles[d]; ok {
			return true
		}
		if _, err := fs.Stat(w.fsys, d+"/index.md"); err == nil {
			return true
		}
	}
	return false
}

func (w *walker) add(f *File) { w.files = append(w.files, f) }

// attachAssets gives every bundle the files inside its folder, and reports
// stray files that belong to no bundle.
func (w *walker) attachAssets() {
	for _, a := range w.assets {
		var owner *File
		for d := path.Dir(a.Path); d != "content/stories" && d != "."; d = path.Dir(d) {
			if f, ok := w.bundles[d]; ok {
				owner = f
				a.Name = strings.TrimPrefix(a.Path, d+"/")
				break
			}
		}
		if owner == nil {
			w.diags.Warnf(a.Path, 0, 0, "file ignored: only Markdown stories go in content/stories/; put images beside a story in a bundle folder (content/stories/<slug>/index.md)")
			continue
		}
		data, err := readAsset(w.fsys, a.Path)
		if err == nil {
			err = checkAsset(a.Name, data)
		}
		if err != nil {
			w.diags.Errorf(a.Path, 0, 0, "%v", err)
			continue
		}
		a.Data = data
		owner.Assets = append(owner.Assets, a)
	}
}

// parseAll reads and parses every Markdown file on all cores, then drops the
// files that could not be parsed.
func (w *walker) parseAll() {
	jobs := make(chan *File)
	var wg sync.WaitGroup
	failed := make(map[*File]bool)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				parse := parseFile
				if w.cache != nil {
					parse = w.cache.parse
				}
				if diags := parse(w.fsys, f); len(diags) > 0 {
					w.mu.Lock()
					w.diags.Add(diags...)
					if diags.HasErrors() {
						failed[f] = true
					}
					w.mu.Unlock()
				}
			}
		}()
	}
	for _, f := range w.files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	kept := w.files[:0]
	for _, f := range w.files {
		if !failed[f] {
			kept = append(kept, f)
		}
	}
	w.files = kept
}

// IgnoredName reports whether a file or folder name is hidden or one of the
// temporary and swap files editors write beside the file being saved; the
// loader skips them, so that a build publishes none of them and a rebuild
// is not set off by them:
//
//	.*                    hidden files, version control, casebook's staging folders
//	4913                  vim's probe for a writable folder
//	*.swp *.swo *.swx     vim swap files
//	*~                    backups of vim, emacs, gedit and others
//	#*#                   emacs auto-save files (.#* lock files are hidden)
//	*___jb_tmp___ *___jb_old___   JetBrains "safe write"
//	sedXXXXXX             GNU sed -i (six random letters, no extension)
func IgnoredName(name string) bool {
	switch {
	case name == "":
		return false
	case name == "4913",
		strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"),
		len(name) == 9 && strings.HasPrefix(name, "sed") && !strings.Contains(name, "."):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx":
		return true
	}
	return false
}
