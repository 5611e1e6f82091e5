package lint

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A body past one of markdown's limits is an error in the build; lint must
// not parse it, or `check` spends seconds and hundreds of megabytes on it.
func TestBodyPastALimitIsNotLinted(t *testing.T) {
	s := withBody("![](map.png)\n\n" + strings.Repeat("[[a", 300) + "\n")
	for _, f := range Lint(withInquiryStory(s), Options{Taxonomies: taxonomies}) {
		t.Errorf("finding in a body past a limit: %s", f)
	}
	// The same image in a body within the limits is found.
	s = withBody("![](map.png)\n")
	if fs := Lint(withInquiryStory(s), Options{Taxonomies: taxonomies}); len(fs) != 1 || fs[0].Rule != "image-alt" {
		t.Errorf("findings %v, want one image-alt", fs)
	}
}

// The hostile bodies the review measured: each must be linted in little
// memory (they took up to 600 MB).
func TestHostileBodiesLintInLittleMemory(t *testing.T) {
	for name, body := range map[string]string{
		"open links on one line":  strings.Repeat("[a](", 80_000),
		"open wiki links, 1.8 MB": strings.Repeat("[[a", 600_000),
		"1,000 lines of 250 [[a":  strings.Repeat(strings.Repeat("[[a", 250)+"\n", 1000),
	} {
		s := withBody(body)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Lint(withInquiryStory(s), Options{Taxonomies: taxonomies})
		runtime.ReadMemStats(&after)
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 16 {
			t.Errorf("%s: lint allocated %d MB", name, mb)
		}
	}
}

// Many findings in one long body are each at their own line and column.
func TestManyFindingsKeepTheirPositions(t *testing.T) {
	var b strings.Builder
	const lines = 2000
	for i := range lines {
		fmt.Fprintf(&b, "é [](x.md) and [here](y.md) %d\n", i)
	}
	s := withBody(b.String())
	fs := Lint(withInquiryStory(s), Options{Taxonomies: taxonomies})
	if len(fs) != 2*lines {
		t.Fatalf("%d findings, want %d", len(fs), 2*lines)
	}
	for i, f := range fs {
		line, col := s.Body.Line+i/2, 3
		if i%2 == 1 {
			col = 16
		}
		if f.Pos.Line != line || f.Pos.Col != col || f.Pos.Path != s.Path {
			t.Fatalf("finding %d at %v, want line %d col %d", i, f.Pos, line, col)
		}
	}
}
