package build

import (
	"bytes"
	"hash/maphash"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/publish"
	"github.com/casebook/casebook/generator/render"
)

// Builder rebuilds one site again and again into the same output folder,
// as watch and serve do. It remembers a digest of every file it produced,
// both as rendered and as written, so a rebuild minifies and writes only
// the files whose rendered bytes changed and removes the files the site no
// longer produces. The output folder then holds exactly what a clean Build
// of the same input would write.
//
// The first build, and any build after a failed write, goes through a
// staging folder like Build; later ones replace single files atomically
// (temporary file in the same folder, then rename), so a server reading
// the folder never sees half a file.
//
// A Builder is not safe for concurrent use: call Build from one goroutine.
type Builder struct {
	opts Options
	out  string
	// files maps each output path of the last good build to its digests;
	// nil means the next build must be a full, staged one.
	files map[string]fileDigest
	// keys maps the files written by Go code to the fingerprints of what
	// they were made from (see render.Unchanged), and records holds what
	// every page read (see render.Records): neither is rendered again
	// while what it was made from is unchanged.
	keys    map[string]uint64
	records *render.Records
	// caches keep parsed files and converted bodies between builds.
	caches caches
	// site and renderer are those of the last build when it was good and
	// reported nothing, for BuildChanged; nil otherwise.
	site     *link.Site
	renderer *render.Renderer
	// once is set by Build: the build is the only one, so nothing is kept
	// for a next (no caches, no records, no digests of the files), the
	// sources and each story's HTML are let go as soon as they are used,
	// and a social card unchanged since the last output is linked from it
	// without being read.
	once bool
	// compact is the Compact of the last build's renderer: the files it
	// makes compact need no minifying.
	compact func(path string) bool
	// index describes files for short builds (see patchFiles).
	index fileIndex
}

// fileDigest identifies an output file's bytes before and after minifying.
type fileDigest struct {
	rendered, written digest
	size              int // bytes written
}

// digest is a 128-bit fingerprint made of two independently seeded
// maphash sums; it only has to tell bytes apart within one process.
type digest [2]uint64

var seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func digestOf(data []byte) digest {
	return digest{maphash.Bytes(seeds[0], data), maphash.Bytes(seeds[1], data)}
}

// Update is the outcome of one Builder.Build: the Result of the build and
// the output files it wrote and removed (slash-separated, sorted).
type Update struct {
	*Result
	Written []string
	Removed []string
	// Full is set when the whole site was written through a staging folder.
	Full bool
	// Short is set when only the bodies of changed stories were rebuilt
	// (see BuildChanged).
	Short bool
	// Rendered counts the files rendered again; the others were kept
	// because what they were made from had not changed.
	Rendered int
}

// NewBuilder returns a Builder for opts; nothing is read or written until
// Build is called.
func NewBuilder(opts Options) *Builder { return newBuilder(opts, false) }

// newBuilder returns a Builder; with once, one that builds a single time
// and keeps nothing for a next build (see Builder.once).
func newBuilder(opts Options, once bool) *Builder {
	out := opts.Out
	if out == "" {
		out = filepath.Join(opts.Src, "public")
	}
	if once {
		return &Builder{opts: opts, out: out, once: true, caches: caches{conv: opts.converter()}}
	}
	return &Builder{opts: opts, out: out, caches: newCaches(opts), records: render.NewRecords()}
}

// Build reads the whole site again and brings the output folder up to
// date. When the content has errors nothing is written, the previous output
// stays, and the Update's Diags say why.
func (b *Builder) Build() (*Update, error) {
	b.site, b.renderer = nil, nil
	res := &Result{}
	up := &Update{Result: res}
	site, err := prepareCached(b.opts, res, &b.caches)
	var th *render.Theme
	if err == nil && site != nil {
		th, err = b.theme(site.Config, res)
	}
	res.Diags = res.Diags.Sort()
	if err != nil || site == nil || res.Diags.HasErrors() {
		return up, err
	}
	res.Stories = len(site.Stories)
	if b.once {
		releaseSources(site)
		res.collection = nil
		if b.opts.LimitMemory {
			limitMemory()
		}
	}
	if b.files != nil {
		if _, err := os.Stat(filepath.Join(b.out, publish.Marker)); err != nil {
			b.setFiles(nil) // the folder was removed or replaced behind our back
		}
	}
	ropts := render.Options{LiveReload: b.opts.LiveReload, Release: b.once}
	if !b.once {
		ropts.CardCache, ropts.Records = b.caches.cards, b.records
		if read, done := previousOutput(b.out); read != nil {
			defer done()
			ropts.Previous = read
		}
	}
	var rd *render.Renderer
	if b.files == nil {
		up.Full = true
		rd, err = b.full(site, th, ropts, up)
	} else {
		c := b.newChanges(up)
		ropts.Kept = c.kept
		rd = render.New(site, th, ropts)
		b.compact = rd.Compact
		err = b.incremental(site, rd, c)
	}
	if b.once {
		return up, err
	}
	if err != nil {
		b.setFiles(nil)
		b.records.Discard()
	} else {
		b.records.Commit()
	}
	if err == nil && len(res.Diags) == 0 {
		b.site, b.renderer = site, rd
	}
	sort.Strings(up.Written)
	sort.Strings(up.Removed)
	return up, err
}

// incremental writes only the files whose bytes changed, in place. The
// changed files are kept in memory until rendering has succeeded, so a
// template that fails half-way leaves the output as it was.
func (b *Builder) incremental(site *link.Site, rd *render.Renderer, c *changes) error {
	up := c.p.up
	up.Out = b.out
	if err := rd.All(c.unchanged, c.emit, b.searchFiles(site, true)...); err != nil {
		return err
	}
	if err := writeAll(b.out, c.changed); err != nil {
		return err
	}
	for name := range b.files {
		if _, ok := c.p.files[name]; ok {
			continue
		}
		if err := removeOutput(b.out, name); err != nil {
			return err
		}
		up.Removed = append(up.Removed, name)
	}
	b.setFiles(c.p.files)
	b.keys = c.keys.keys
	return nil
}

// changes collects the files of a rebuild that differ from the output of
// the last one, from render's goroutines.
type changes struct {
	b       *Builder
	p       *produced
	keys    *keyRecorder
	mu      sync.Mutex
	changed []outFile
}

func (b *Builder) newChanges(up *Update) *changes { return b.changesFor(up, len(b.files)) }

// changesFor is newChanges with room for about n files.
func (b *Builder) changesFor(up *Update, n int) *changes {
	return &changes{b: b, p: &produced{files: make(map[string]fileDigest, n), up: up}, keys: newKeyRecorder(min(n, len(b.keys)))}
}

// unchanged is render.Options.Unchanged: a page whose fingerprint is the
// one it was last rendered with is kept as it is.
func (c *changes) unchanged(name string, key uint64) bool {
	old, existed := c.b.files[name]
	if !c.keys.same(c.b.keys, name, key) || !existed {
		return false
	}
	c.p.record(name, old, false)
	return true
}

// kept is render.Options.Kept: the file of a page whose record still
// holds is kept as it is, when the output has it.
func (c *changes) kept(name string) bool {
	old, ok := c.b.files[name]
	if ok {
		c.p.record(name, old, false)
	}
	return ok
}

// emit minifies a rendered file and keeps it for writing when its bytes
// differ from what the output folder holds.
func (c *changes) emit(name string, data []byte) error {
	c.mu.Lock()
	c.p.up.Rendered++
	c.mu.Unlock()
	old, existed := c.b.files[name]
	d := fileDigest{rendered: digestOf(data)}
	if existed && old.rendered == d.rendered {
		c.p.record(name, old, false)
		return nil
	}
	data = c.b.minify(name, data)
	d.written, d.size = digestOf(data), len(data)
	if existed && old.written == d.written {
		c.p.record(name, d, false)
		return nil
	}
	c.mu.Lock()
	c.changed = append(c.changed, outFile{name, data})
	c.mu.Unlock()
	c.p.record(name, d, true)
	return nil
}

// BuildChanged is Build after the files in changed (site-relative and
// slash-separated, as package watch reports them) changed. When they are
// all stories whose front matter is exactly as it was, and whose bodies
// still link to the same pages without a problem, it rebuilds only what a
// body shows (the stories' pages and the search index) on the site of the
// last build, without reading or linking the rest of the site again;
// otherwise, or when changed is empty, it is Build. Either way the output
// folder ends up as a clean build of the same input would leave it.
func (b *Builder) BuildChanged(changed []string) (*Update, error) {
	up, ok, err := b.bodies(changed)
	if ok || err != nil {
		if err != nil {
			b.setFiles(nil)
			b.site, b.renderer = nil, nil
		}
		return up, err
	}
	// The watcher reports site.toml when it may have lost events; then
	// every file is looked at again.
	if len(changed) > 0 && !slices.Contains(changed, "site.toml") {
		b.caches.load.Changed(changed)
	}
	return b.Build()
}

// bodies is BuildChanged's short way; ok is false when it does not apply,
// and then it has written nothing (it may have replaced bodies in b.site,
// which Build drops).
func (b *Builder) bodies(changed []string) (up *Update, ok bool, err error) {
	if b.site == nil || b.files == nil || len(changed) == 0 || len(b.site.Editions) > 0 {
		// An edition shows the bodies of untranslated stories too: a
		// site in several languages is rebuilt the whole way.
		return nil, false, nil
	}
	if b.renderer == nil {
		return nil, false, nil
	}
	if _, err := os.Stat(filepath.Join(b.out, publish.Marker)); err != nil {
		return nil, false, nil
	}
	root, err := os.OpenRoot(b.opts.Src)
	if err != nil {
		return nil, false, nil
	}
	defer root.Close()
	byPath := make(map[string]*link.Story, len(b.site.Stories))
	for _, s := range b.site.Stories {
		byPath[s.Path] = s
	}
	type edit struct {
		story *link.Story
		body  content.Body
		hash  uint64
	}
	var edits []edit
	for _, p := range changed {
		s := byPath[p]
		if s == nil {
			return nil, false, nil
		}
		old, doc, hash, ok := b.caches.load.Reparse(load.SiteFS(root), p)
		if !ok || doc.Found != old.Found || doc.Format != old.Format || doc.RawLine != old.RawLine ||
			doc.BodyLine != old.BodyLine || !bytes.Equal(doc.Raw, old.Raw) {
			return nil, false, nil
		}
		edits = append(edits, edit{s, content.Body{Source: doc.Body, Line: doc.BodyLine}, hash})
	}
	stories := make([]*link.Story, 0, len(edits))
	for _, e := range edits {
		if !b.site.ReplaceBody(e.story, e.body, e.hash, b.caches.conv) {
			return nil, false, nil
		}
		stories = append(stories, e.story)
	}
	up = &Update{Result: &Result{Stories: len(b.site.Stories), Site: b.site, Out: b.out}, Short: true}
	c := b.changesFor(up, 64)
	done, err := b.renderer.Bodies(stories, c.emit, c.unchanged, b.searchFiles(b.site, false)...)
	if err != nil {
		b.records.Discard()
	}
	if err != nil || !done {
		return up, done, err
	}
	if err := writeAll(b.out, c.changed); err != nil {
		b.records.Discard()
		return up, true, err
	}
	b.records.Commit()
	if err := b.patchFiles(c, up); err != nil {
		return up, true, err
	}
	sort.Strings(up.Written)
	sort.Strings(up.Removed)
	return up, true, nil
}
