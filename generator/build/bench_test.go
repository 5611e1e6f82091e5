package build_test

// Benchmarks for each stage of the pipeline, on a generated corpus of 1,000
// stories (CASEBOOK_BENCH_STORIES=N picks another size), so that a
// regression shows in the stage that caused it:
//
//	go test ./generator/build -run '^$' -bench . -benchmem
//
// Each stage is measured on the output of the stages before it, prepared
// once outside the timer. The corpus is generated once per test binary, in a
// temporary folder.

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/check"
	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/corpus"
	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/markdown"
	"github.com/casebook/casebook/generator/minify"
	"github.com/casebook/casebook/generator/publish"
	"github.com/casebook/casebook/generator/render"
	"github.com/casebook/casebook/generator/search"
)

// benchDir holds the corpus and the build outputs of one test binary; it
// is removed by TestMain.
var benchDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// stages holds the input of every stage, computed once.
type stages struct {
	dir      string
	cfg      *config.Config
	loaded   *load.Result
	col      *content.Collection
	site     *link.Site
	theme    *render.Theme
	rendered []renderedFile // render's output, before minifying
	minified []renderedFile
}

type renderedFile struct {
	path string
	data []byte
}

var (
	prepareOnce sync.Once
	prepared    *stages
	prepareErr  string
)

// benchStories is the corpus size: CASEBOOK_BENCH_STORIES, or 1,000.
func benchStories() int {
	if n, err := strconv.Atoi(os.Getenv("CASEBOOK_BENCH_STORIES")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// prepare generates the corpus and runs every stage once, keeping each
// stage's output as the next one's input.
func prepare(b *testing.B) *stages {
	b.Helper()
	prepareOnce.Do(func() { prepared, prepareErr = prepareStages() })
	if prepareErr != "" {
		b.Fatal(prepareErr)
	}
	return prepared
}

func prepareStages() (*stages, string) {
	dir, err := os.MkdirTemp("", "casebook-bench-")
	if err != nil {
		return nil, err.Error()
	}
	benchDir = dir
	s := &stages{dir: filepath.Join(dir, "site")}
	if err := corpus.Generate(s.dir, benchStories(), filepath.Join("..", "..", "content")); err != nil {
		return nil, "generating the corpus: " + err.Error()
	}
	data, err := os.ReadFile(filepath.Join(s.dir, config.File))
	if err != nil {
		return nil, err.Error()
	}
	cfg, diags := config.Parse(data, "")
	if diags.HasErrors() {
		return nil, diags.Err().Error()
	}
	s.cfg = cfg
	s.loaded = load.Load(os.DirFS(s.dir), cfg.Taxonomies)
	s.col, diags = check.Check(s.loaded.Files, checkOptions(cfg))
	if diags.HasErrors() {
		return nil, "the corpus has errors: " + diags.Err().Error()
	}
	s.site, diags = link.Link(cfg, s.col, markdown.New())
	if diags.HasErrors() {
		return nil, "the corpus has link errors: " + diags.Err().Error()
	}
	if s.theme, err = render.LoadTheme(casebook.DefaultTheme(), nil); err != nil {
		return nil, err.Error()
	}
	var mu sync.Mutex
	err = render.Render(s.site, s.theme, render.Options{}, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		s.rendered = append(s.rendered, renderedFile{p, bytes.Clone(data)})
		return nil
	}, searchIndex(s.site)...)
	if err != nil {
		return nil, err.Error()
	}
	m := minify.New()
	for _, f := range s.rendered {
		s.minified = append(s.minified, renderedFile{f.path, m.Minify(nil, f.path, f.data)})
	}
	return s, ""
}

func checkOptions(cfg *config.Config) check.Options {
	return check.Options{Taxonomies: cfg.Taxonomies}
}

func BenchmarkLoad(b *testing.B) {
	s := prepare(b)
	fsys := os.DirFS(s.dir)
	for b.Loop() {
		if res := load.Load(fsys, s.cfg.Taxonomies); res.Diags.HasErrors() {
			b.Fatal(res.Diags.Err())
		}
	}
	b.ReportMetric(float64(len(s.site.Stories))*float64(b.N)/b.Elapsed().Seconds(), "stories/s")
}

func BenchmarkCheck(b *testing.B) {
	s := prepare(b)
	for b.Loop() {
		if _, diags := check.Check(s.loaded.Files, checkOptions(s.cfg)); diags.HasErrors() {
			b.Fatal(diags.Err())
		}
	}
}

func BenchmarkLink(b *testing.B) {
	s := prepare(b)
	conv := markdown.New()
	for b.Loop() {
		if _, diags := link.Link(s.cfg, s.col, conv); diags.HasErrors() {
			b.Fatal(diags.Err())
		}
	}
}

// searchIndex is the search index of site, written beside the pages as
// a build writes it.
func searchIndex(site *link.Site) []render.Beside {
	var out []render.Beside
	for _, x := range search.Indexes(site, nil, false) {
		out = append(out, func(add func(render.File)) error {
			return x.Files(func(f search.File) error {
				add(render.File{Path: f.Path, Data: f.Data, Key: f.Key})
				return nil
			})
		})
	}
	return out
}

func BenchmarkRender(b *testing.B) {
	s := prepare(b)
	discard := func(string, []byte) error { return nil }
	for b.Loop() {
		if err := render.Render(s.site, s.theme, render.Options{}, discard, searchIndex(s.site)...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s.rendered)), "files")
}

func BenchmarkMinify(b *testing.B) {
	s := prepare(b)
	m := minify.New()
	var total int64
	for _, f := range s.rendered {
		total += int64(len(f.data))
	}
	b.SetBytes(total)
	var buf []byte
	for b.Loop() {
		for _, f := range s.rendered {
			buf = m.Minify(buf[:0], f.path, f.data)
		}
	}
}

func BenchmarkPublish(b *testing.B) {
	s := prepare(b)
	out := filepath.Join(benchDir, "publish-out")
	for b.Loop() {
		stage, err := publish.Begin(s.dir, out)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range s.minified {
			if err := stage.Write(f.path, f.data); err != nil {
				stage.Abort()
				b.Fatal(err)
			}
		}
		if err := stage.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s.minified)), "files")
}

// BenchmarkBuild is the whole pipeline, as `casebook build` runs it.
func BenchmarkBuild(b *testing.B) {
	s := prepare(b)
	out := filepath.Join(benchDir, "build-out")
	for b.Loop() {
		res, err := build.Build(build.Options{Src: s.dir, Out: out})
		if err != nil {
			b.Fatal(err)
		}
		if res.Diags.HasErrors() {
			b.Fatal(res.Diags.Err())
		}
	}
	b.ReportMetric(float64(len(s.site.Stories))*float64(b.N)/b.Elapsed().Seconds(), "stories/s")
}

// TestBenchCorpusBuilds makes sure the benchmarks measure a build that
// works: the corpus builds without errors and every story gets a page.
func TestBenchCorpusBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 50, filepath.Join("..", "..", "content")); err != nil {
		t.Fatal(err)
	}
	res, err := build.Build(build.Options{Src: dir, Out: filepath.Join(dir, "public")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Err())
	}
	pages, err := fs.Glob(os.DirFS(res.Out), "stories/*/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 50 {
		t.Errorf("got %d story pages, want 50", len(pages))
	}
}
