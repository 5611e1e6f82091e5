// Package build is the one place that runs the whole pipeline, stage by
// stage, in order:
//
//	config ─► load ─► check ─► link ─► render ─► minify ─► publish
//
// Check runs the stages up to link and writes nothing; Build runs them all
// and swaps the new site into the output folder only when every stage
// succeeded. There is one orchestrator, the Builder: Build is a Builder's
// first build with nothing kept for a next one, and watch and serve
// rebuild with the same Builder, which renders again only the outputs
// whose recorded inputs changed (see render.Records). A full build is thus
// an incremental build from empty, and the output of any sequence of
// rebuilds is byte for byte a clean build's.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sync"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/check"
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/markdown"
	"github.com/casebook/casebook/generator/minify"
	"github.com/casebook/casebook/generator/render"
	"github.com/casebook/casebook/generator/search"
)

// Options say what to build and where.
type Options struct {
	// Src is the site folder.
	Src string
	// Out is the output folder; empty means Src/public.
	Out string
	// Drafts includes stories marked draft: true.
	Drafts bool
	// BaseURL overrides base_url of site.toml when not empty.
	BaseURL string
	// NoMinify leaves output files as rendered.
	NoMinify bool
	// LiveReload is the URL of serve's live-reload script, "" otherwise.
	LiveReload string
	// Strict makes Check report content lint warnings as errors.
	Strict bool
	// LimitMemory lets Build set the process's soft memory limit once the
	// files are loaded and again once the site is linked (see memory.go);
	// the build command sets it.
	LimitMemory bool
}

// Result describes a build or a check.
type Result struct {
	// Diags holds every problem found, sorted.
	Diags   diag.List
	Stories int
	// Files and Bytes count what was written.
	Files int
	Bytes int64
	// Out is the absolute output folder.
	Out string
	// Site is the linked site, when the content had no errors. After
	// Build its bodies are released (no Markdown, no HTML, no front
	// matter positions): see releaseSources and render.Options.Release.
	Site *link.Site
	// collection is the checked content, kept for Check's lint rules.
	collection *content.Collection
	// strings are the site's own strings files (see siteStrings).
	strings []*i18n.File
}

// Check runs every stage up to linking and reports problems; it writes
// nothing. The error is for failures that are not the content's fault.
func Check(opts Options) (*Result, error) {
	res := &Result{}
	site, err := prepare(opts, res)
	if site != nil {
		res.Stories = len(site.Stories)
		res.Diags.Add(lintContent(site.Config, res.collection, opts.Strict)...)
		// The theme says which strings a site may override; a theme that
		// does not load is Build's to report.
		if _, err := localTheme(opts.Src, site.Config, false, res); err != nil {
			res.Diags = res.Diags.Sort()
			return res, nil
		}
	}
	res.Diags = res.Diags.Sort()
	return res, err
}

// Build builds the site into the output folder. When the content has
// errors, nothing is written and the result's Diags say why. It is a
// Builder's first build with nothing kept for a next one (see once), so a
// one-shot build and the first build of watch or serve are the same code.
func Build(opts Options) (*Result, error) {
	up, err := newBuilder(opts, true).Build()
	return up.Result, err
}

// releaseSources lets the garbage collector have the Markdown of every
// body once link has converted it, and the positions of front matter
// values: nothing after link reads them, and at 10,000 stories the files'
// bytes are about a fifth of the heap. Only a
// one-shot Build does this; a Builder that builds again keeps them in its
// caches.
func releaseSources(site *link.Site) {
	for _, s := range site.Stories {
		s.Body.Source = nil
		s.Front = nil // positions, for check's lint rules
	}
	for _, p := range site.AllPages() {
		p.Body.Source = nil
	}
	for _, tax := range site.Taxonomies {
		for _, t := range tax.Terms {
			t.Body.Source = nil
		}
	}
}

// prepare runs config, load, check and link. It returns a nil Site when
// the content has errors that stop linking.
func prepare(opts Options, res *Result) (*link.Site, error) {
	return prepareCached(opts, res, nil)
}

// caches are what a Builder keeps between builds to redo only the work
// that changed; see load.Cache and link.Cache.
type caches struct {
	load   *load.Cache
	check  *check.Cache
	link   *link.Cache
	search *search.Cache
	cards  *render.CardCache
	conv   *markdown.Converter
	theme  *themeCache
}

func newCaches(opts Options) caches {
	return caches{load: load.NewCache(), check: check.NewCache(), link: link.NewCache(), search: search.NewCache(),
		cards: render.NewCardCache(), conv: opts.converter()}
}

// converter returns the Markdown converter of a build: unless
// -minify=false, it minifies each body once as it converts it (see
// markdown.Converter.Minify).
func (opts Options) converter() *markdown.Converter {
	conv := markdown.New()
	if !opts.NoMinify {
		conv.Minify = func(dst, html []byte) []byte { return minifier().Minify(dst, "body.html", html) }
	}
	return conv
}

// prepareCached is prepare with caches from earlier builds; c may be nil.
func prepareCached(opts Options, res *Result, c *caches) (*link.Site, error) {
	if c == nil {
		c = &caches{conv: markdown.New()}
	}
	cfg, col, err := readContent(opts, res, c)
	if err != nil || cfg == nil {
		return nil, err
	}
	site, diags := link.LinkCached(cfg, col, c.conv, c.link)
	res.Diags.Add(diags...)
	res.Site = site
	res.collection = col
	return site, nil
}

// readContent runs config, load and check, with the caches in c (whose
// fields may be nil). It returns a nil Config, with the reason in
// res.Diags, when site.toml is missing or broken.
func readContent(opts Options, res *Result, c *caches) (*config.Config, *content.Collection, error) {
	root, err := os.OpenRoot(opts.Src)
	if err != nil {
		return nil, nil, fmt.Errorf("opening the site folder: %w", err)
	}
	defer root.Close()
	siteFS := load.SiteFS(root)
	cfg, err := readConfig(siteFS, opts.BaseURL, res)
	if err != nil || cfg == nil {
		return nil, nil, err
	}
	files, diags := siteStrings(siteFS)
	res.strings = files
	res.Diags.Add(diags...)
	loaded := load.LoadCached(siteFS, cfg.Taxonomies, c.load)
	res.Diags.Add(loaded.Diags...)
	if opts.LimitMemory {
		limitLoaded(loaded.Files)
	}
	col, checked := check.Check(loaded.Files, check.Options{Taxonomies: cfg.Taxonomies, Optional: cfg.OptionalTaxonomies, Drafts: opts.Drafts, Cache: c.check, Languages: cfg.Editions})
	res.Diags.Add(checked...)
	return cfg, col, nil
}

func readConfig(siteFS fs.FS, baseURL string, res *Result) (*config.Config, error) {
	data, err := fs.ReadFile(siteFS, config.File)
	if errors.Is(err, fs.ErrNotExist) {
		res.Diags.Errorf(config.File, 0, 0, "the site folder has no site.toml; create one with title, base_url and taxonomies, or use -src to point at the site folder")
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading site.toml: %w", err)
	}
	cfg, diags := config.Parse(data, baseURL)
	if !diags.HasErrors() {
		diags.Add(config.ReadStyleFiles(siteFS, cfg)...)
	}
	res.Diags.Add(diags...)
	if diags.HasErrors() {
		return nil, nil
	}
	if cfg.Theme != "default" {
		if _, err := fs.Stat(siteFS, "themes/"+cfg.Theme); err != nil {
			res.Diags.Errorf(config.File, 0, 0, "theme %q not found: there is no folder themes/%s in the site folder", cfg.Theme, cfg.Theme)
			return nil, nil
		}
	}
	return cfg, nil
}

// theme loads the built-in theme with the site's own theme folder, if it
// has one, laid over it. The folder is opened through the site folder, so
// that a themes/ or themes/<name> symlink leading out of it is refused.
func theme(src string, cfg *config.Config, minified bool) (*render.Theme, error) {
	site, err := os.OpenRoot(src)
	if err != nil {
		return nil, err
	}
	defer site.Close()
	var override fs.FS
	dir := path.Join("themes", cfg.Theme)
	root, err := site.OpenRoot(dir)
	switch {
	case err == nil:
		defer root.Close()
		override = root.FS()
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, &themeFolderError{dir, unwrapPath(err)}
	}
	var minify render.MinifyTemplate
	if minified {
		minify = minifier().Template
	}
	th, err := render.LoadMinifiedTheme(casebook.DefaultTheme(), override, minify)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return th, nil
}

// themeFolderError is a theme folder that cannot be opened through the
// site folder: most often a symlink leading out of it.
type themeFolderError struct {
	dir string
	err error
}

func (e *themeFolderError) Error() string {
	return fmt.Sprintf("theme folder %s: %v (a symlink leading outside the site folder is refused)", e.dir, e.err)
}

func unwrapPath(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

var minifier = sync.OnceValue(minify.New)

// minifies reports whether the output file at name goes through the
// minifier: unless -minify=false, every file that render does not
// already make compact (compact is render.Renderer.Compact), nor search
// (search.Compact).
func (opts Options) minifies(name string, compact func(string) bool) bool {
	return !opts.NoMinify && !compact(name) && !search.Compact(name)
}
