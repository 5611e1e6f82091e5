package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"
)

// report is the outcome of a whole benchmark run.
type report struct {
	results        []result
	runs           int
	profile        string // top entries of the CPU profile, if one was taken
	profileStories int
	stages         string // Go benchmark lines, if they ran
}

// The targets on the 2-core reference machine: of issue 15 for the
// floor ratio, the memory and 100,000 stories; of issue 7 for the others.
const (
	maxFloorRatio    = 2.0 // 10,000-story build over the floor
	maxRSS10k        = 256 // MB, 10,000-story build
	maxScale1kTo10k  = 12  // 10,000-story build over the 1,000-story build
	maxScale10kTo50  = 5.5 // 50,000-story build over the 10,000-story build
	maxScale10kTo100 = 11  // 100,000-story build over the 10,000-story build
	megabyte         = 1e6
)

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "Full builds (casebook build, minified, every page, feeds and sitemap), median of %d runs, and the floor program on the same corpus:\n\n", r.runs)
	io.WriteString(w, r.table())
	fmt.Fprintln(w)
	io.WriteString(w, r.targets())
	if r.profile != "" {
		fmt.Fprintf(w, "\nCPU profile of one build of %s stories (top entries):\n\n%s", thousands(r.profileStories), r.profile)
	}
}

func (r report) table() string {
	var b strings.Builder
	b.WriteString("| stories | build (median) | stories/s | floor (median) | build ÷ floor | peak RSS | user+sys CPU | floor CPU | CPU ÷ floor CPU | files | output |\n")
	b.WriteString("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, x := range r.results {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %.2f | %d MB | %s | %s | %.2f | %s | %.1f MB |\n",
			thousands(x.stories), seconds(x.build.wall), thousands(int(float64(x.stories)/x.build.wall.Seconds())),
			seconds(x.floor.wall), ratio(x.build.wall, x.floor.wall), x.build.maxRSS/megabyte,
			seconds(x.build.cpu), seconds(x.floor.cpu), ratio(x.build.cpu, x.floor.cpu),
			thousands(x.files), float64(x.bytes)/megabyte)
	}
	return b.String()
}

// targets checks the measurements against the targets.
func (r report) targets() string {
	by := map[int]result{}
	for _, x := range r.results {
		by[x.stories] = x
	}
	var b strings.Builder
	check := func(name string, got, limit float64, unit string) {
		verdict := "met"
		if got > limit {
			verdict = "MISSED"
		}
		fmt.Fprintf(&b, "- %s: %.2f%s (target ≤ %g%s): %s\n", name, got, unit, limit, unit, verdict)
	}
	if x, ok := by[10000]; ok {
		check("10,000-story build ÷ floor", ratio(x.build.wall, x.floor.wall), maxFloorRatio, "")
		check("peak RSS at 10,000 stories", float64(x.build.maxRSS)/megabyte, maxRSS10k, " MB")
		if y, ok := by[1000]; ok {
			check("10,000-story build ÷ 1,000-story build", ratio(x.build.wall, y.build.wall), maxScale1kTo10k, "")
		}
		if z, ok := by[50000]; ok {
			check("50,000-story build ÷ 10,000-story build", ratio(z.build.wall, x.build.wall), maxScale10kTo50, "")
		}
		if z, ok := by[100000]; ok {
			check("100,000-story build ÷ 10,000-story build", ratio(z.build.wall, x.build.wall), maxScale10kTo100, "")
		}
	}
	if b.Len() == 0 {
		return "No targets apply: they need the 10,000-story size.\n"
	}
	return "Targets:\n" + b.String()
}

// Markers of the generated section in the -write file.
const (
	beginMarker = "<!-- bench:begin -->"
	endMarker   = "<!-- bench:end -->"
)

// writeInto replaces the generated section of a Markdown file with the
// results.
func (r report) writeInto(file string) error {
	doc, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	begin, end := bytes.Index(doc, []byte(beginMarker)), bytes.Index(doc, []byte(endMarker))
	if begin < 0 || end < begin {
		return fmt.Errorf("%s has no %s … %s section to replace", file, beginMarker, endMarker)
	}
	var sec strings.Builder
	fmt.Fprintf(&sec, "%s\n\nMeasured %s with %s, GOMAXPROCS %d, median of %d runs.\n\n",
		beginMarker, time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.Version(), runtime.GOMAXPROCS(0), r.runs)
	sec.WriteString(r.table())
	sec.WriteString("\n")
	sec.WriteString(r.targets())
	if r.stages != "" {
		sec.WriteString("\nStage benchmarks (`go test -bench . -benchtime 3x`, 1,000 stories):\n\n```\n" + r.stages + "```\n")
	}
	if r.profile != "" {
		fmt.Fprintf(&sec, "\nCPU profile of one build of %s stories (`-cpuprofile`), top entries:\n\n```\n%s```\n", thousands(r.profileStories), r.profile)
	}
	sec.WriteString("\n")
	out := append(append(append([]byte{}, doc[:begin]...), sec.String()...), doc[end:]...)
	return os.WriteFile(file, out, 0o644)
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// thousands formats n with comma separators: 10000 → "10,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
