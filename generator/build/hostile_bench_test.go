package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/build"
)

// hostileBodies are story bodies that made a stage superlinear or large,
// each a unit repeated on lines of a given length (0: the unit ends its own
// lines). Some pass a limit at the larger size and are then refused: the
// benchmark measures the refusal, which must be as cheap.
var hostileBodies = []struct{ name, unit string }{
	{"prose", "People from the housing office and the clinic met weekly; nothing changed at first. "},
	{"emphasis", "*a _b **c "},
	{"quotes", `"a" 'b' -- ... `},
	{"backticks", "`a ``b "},
	{"entities", "a &amp; b &rsquo; "},
	{"brackets", "[[a [b]( "},
	{"table-rows", "|x|y|z|\n"},
	{"list-items", "- a\n"},
	{"deep-list", "- a\n  - b\n    - c\n      - d\n        - e\n"},
	{"definitions", "a\n: b\n"},
	{"html", "<b>a</b> <i "},
	{"headings", "## Notes\n\nText.\n\n"},
}

// hostileSite writes a site of one ordinary story and one story whose body
// is unit repeated to size bytes, on lines of about 200 bytes.
func hostileSite(b *testing.B, unit string, size int) string {
	return storySite(b, wrap(unit, size, 200))
}

// storySite writes a site of one term, one ordinary story and one story
// with the given body.
func storySite(b *testing.B, body string) string {
	dir := b.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("site.toml", "title = \"Otherton casebook\"\nbase_url = \"https://example.org/\"\nlanguage = \"en-GB\"\ntaxonomies = [\"principles\"]\n")
	write("content/principles/inquiry.md", "---\ntitle: Inquiry\nsummary: Asking questions together before acting, in the fictional town of Otherton.\n---\n")
	front := "---\ntitle: %s\nsummary: An illustrative story set in the fictional town of Otherton, about people working together.\ndate: 2020-01-02\nprinciples: [inquiry]\nquestions: [\"What matters to you?\"]\n---\n\n"
	write("content/stories/ok.md", fmt.Sprintf(front, "An ordinary story")+"Some text.\n")
	write("content/stories/hostile.md", fmt.Sprintf(front, "A hostile story")+body+"\n")
	return dir
}

// wrap repeats unit to size bytes, on lines of about width bytes (width
// 0: all on one line), or as the unit makes them when it ends its own.
func wrap(unit string, size, width int) string {
	var body strings.Builder
	line := 0
	for body.Len() < size {
		if width > 0 && !strings.HasSuffix(unit, "\n") && line+len(unit) > width {
			body.WriteByte('\n')
			line = 0
		}
		body.WriteString(unit)
		line += len(unit)
	}
	return body.String()
}

// BenchmarkReportedStory checks and builds the pathological bodies that
// issue 19 reported (55 s, 736 MB and 23 s before the limits), as they
// were sent, on one line and on lines of 200 bytes: each is now refused at
// a cap, or built, in well under a second. -benchmem gives the memory.
func BenchmarkReportedStory(b *testing.B) {
	for _, r := range []struct {
		name, unit string
		size       int
	}{
		{"links-80000", "[a](", 4 * 80_000},
		{"double-brackets-1.8MB", "[[a", 1_800_000},
	} {
		for _, width := range []int{0, 200} {
			benchCheckBuild(b, fmt.Sprintf("%s/width=%d", r.name, width), storySite(b, wrap(r.unit, r.size, width)), r.size)
		}
	}
	benchCheckBuild(b, "headings-20000", storySite(b, strings.Repeat("## Notes\n\n", 20_000)), 10*20_000)
	benchCheckBuild(b, "headings-1000", storySite(b, strings.Repeat("## Notes\n\n", 1000)), 10*1000)
}

// benchCheckBuild checks and builds the site in dir, of size bytes of
// hostile body; a build refused for its content errors is measured too.
func benchCheckBuild(b *testing.B, name, dir string, size int) {
	out := b.TempDir()
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			if _, err := build.Check(build.Options{Src: dir, Strict: true}); err != nil {
				b.Fatal(err)
			}
			if _, err := build.Build(build.Options{Src: dir, Out: out}); err != nil && !strings.Contains(err.Error(), "error") {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHostileStory checks and builds a site whose one story body is
// hostile, at 100 KB and at 1 MB: every stage (load, check, lint, convert,
// render, minify, search, exports, cards) should take about ten times as
// long for ten times the input. docs/performance.md keeps the figures.
func BenchmarkHostileStory(b *testing.B) {
	for _, h := range hostileBodies {
		for _, size := range []int{100_000, 1_000_000} {
			benchCheckBuild(b, fmt.Sprintf("%s/%dKB", h.name, size/1000), hostileSite(b, h.unit, size), size)
		}
	}
}
