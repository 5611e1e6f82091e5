package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/corpus"
	"github.com/casebook/casebook/generator/e2e"
)

// BenchmarkRebuild measures what a writer waits for in watch and serve:
// the time from saving one story to its new page being on disk (the
// Builder's rebuild with the changed path, as watch calls it; the
// watcher's batching window comes on top). Each
// iteration is one edit and one rebuild; the p50 and p95 of the iterations
// are reported, so run it with a fixed count:
//
//	go test ./generator/build -run '^$' -bench Rebuild -benchtime 20x
//
// Sizes are 1,000 stories, and also 10,000 when CASEBOOK_BENCH_LARGE=1.
func BenchmarkRebuild(b *testing.B) {
	sizes := []int{1000}
	if os.Getenv("CASEBOOK_BENCH_LARGE") == "1" {
		sizes = append(sizes, 10000)
	}
	for _, n := range sizes {
		src := b.TempDir()
		if err := corpus.Generate(src, n, filepath.Join(e2e.RepoRoot(b), "content")); err != nil {
			b.Fatal(err)
		}
		if os.Getenv("CASEBOOK_BENCH_THEME") == "custom" {
			// The site's own templates of TestBuilderMatchesCleanBuildCustomTheme.
			for name, text := range map[string]string{"story.html": customStory, "term.html": customTerm} {
				p := filepath.Join(src, "themes/default/templates", name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
		builder := build.NewBuilder(build.Options{Src: src, Out: filepath.Join(b.TempDir(), "out")})
		if up, err := builder.Build(); err != nil || up.Diags.HasErrors() {
			b.Fatalf("first build: %v %v", err, up.Diags)
		}
		story := firstStory(b, src)
		oldest, newest := datedStories(b, src)
		b.Run(fmt.Sprintf("body/stories=%d", n), func(b *testing.B) {
			benchEdits(b, builder, src, story, func(s string, i int) string {
				return s + fmt.Sprintf("\nAn edit to the body, number %d.\n", i)
			})
		})
		principles := regexp.MustCompile(`(?m)^principles: .*$`)
		sets := []string{"[inquiry]", "[systems, emergent]", "[relationality, inquiry]"}
		retag := func(s string, i int) string {
			return principles.ReplaceAllString(s, "principles: "+sets[i%len(sets)])
		}
		// The first file, then the oldest and the newest story: a retag
		// shifts the list pages from the story's place to the newest.
		for _, c := range []struct{ name, path string }{{"principles", story}, {"principles-oldest", oldest}, {"principles-newest", newest}} {
			b.Run(fmt.Sprintf("%s/stories=%d", c.name, n), func(b *testing.B) {
				benchEdits(b, builder, src, c.path, retag)
			})
		}
	}
}

// benchEdits edits the story b.N times with edit and rebuilds after each.
func benchEdits(b *testing.B, builder *build.Builder, src, story string, edit func(string, int) string) {
	rel, err := filepath.Rel(src, story)
	if err != nil {
		b.Fatal(err)
	}
	changed := filepath.ToSlash(rel) // as the watcher reports it
	var took []time.Duration
	rendered, written := 0, 0
	// CASEBOOK_BENCH_PROFILE=file profiles the edits alone, without the
	// first build (go test's -cpuprofile covers both).
	if name := os.Getenv("CASEBOOK_BENCH_PROFILE"); name != "" {
		f, err := os.Create(strings.ReplaceAll(name, "%", strings.NewReplacer("/", "-", "=", "-").Replace(b.Name())))
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	cpuStart := cpuTime(b)
	for i := 0; b.Loop(); i++ {
		data, err := os.ReadFile(story)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := os.WriteFile(story, []byte(edit(string(data), i)), 0o644); err != nil {
			b.Fatal(err)
		}
		up, err := builder.BuildChanged([]string{changed})
		took = append(took, time.Since(start))
		if err != nil || up.Diags.HasErrors() {
			b.Fatalf("rebuild: %v %v", err, up.Diags)
		}
		if len(up.Written) == 0 {
			b.Fatal("the edit wrote no file")
		}
		rendered += up.Rendered
		written += len(up.Written)
	}
	b.ReportMetric(float64(rendered)/float64(len(took)), "rendered/op")
	b.ReportMetric(float64(written)/float64(len(took)), "written/op")
	// On a shared machine wall-clock figures wait for other work; the
	// process's CPU time per rebuild says what a rebuild costs.
	b.ReportMetric(float64(cpuTime(b)-cpuStart)/float64(time.Millisecond)/float64(len(took)), "cpu-ms/op")
	slices.Sort(took)
	ms := func(q float64) float64 {
		return float64(took[min(len(took)-1, int(q*float64(len(took))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// datedStories returns the paths of the corpus's oldest and newest
// stories (the first of each date in file order).
func datedStories(b *testing.B, src string) (oldest, newest string) {
	dir := filepath.Join(src, "content", "stories")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	date := regexp.MustCompile(`(?m)^date: *"?([0-9-]+)`)
	lo, hi := "", ""
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") || e.Name() == "_index.md" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		m := date.FindSubmatch(data)
		if m == nil {
			continue
		}
		d, p := string(m[1]), filepath.Join(dir, e.Name())
		if lo == "" || d < lo {
			lo, oldest = d, p
		}
		if d > hi {
			hi, newest = d, p
		}
	}
	if oldest == "" {
		b.Fatal("the corpus has no dated story")
	}
	return oldest, newest
}

// firstStory returns the path of the corpus's first story file.
func firstStory(b *testing.B, src string) string {
	entries, err := os.ReadDir(filepath.Join(src, "content", "stories"))
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") && e.Name() != "_index.md" {
			return filepath.Join(src, "content", "stories", e.Name())
		}
	}
	b.Fatal("the corpus has no story")
	return ""
}
