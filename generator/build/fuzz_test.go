package build_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/internal/fixtures"
)

// maxFuzzFile bounds a fuzzed story, so that every input builds in bounded
// time; the caps themselves are tested at full size elsewhere.
const maxFuzzFile = 64 << 10

// maxFuzzAlloc is the most one input may allocate in a check and a build
// of the whole site: a small site of two stories needs a few megabytes.
const maxFuzzAlloc = 256 << 20

// hangAfter is far longer than any input of maxFuzzFile takes (some tens
// of milliseconds): an input still running then has hung the build. It
// is not a measure of speed; the benchmarks are.
const hangAfter = time.Minute

// FuzzBuildSite checks and builds a whole site whose one story is the
// fuzzed file, front matter and body: no panic, no error but content
// errors, every diagnostic about the story inside it, bounded memory, and
// nothing written outside the output folder. Run it with
//
//	go test ./generator/build -run '^$' -fuzz FuzzBuildSite -parallel 1
func FuzzBuildSite(f *testing.F) {
	fixtures.AddMarkdownSeeds(f, "content/stories/")
	for _, seed := range []string{
		"---\ntitle: [[[[[[[[[[[[[[[[[[[[[[a]]]]]]]]]]]]]]]]]]]]]]\n---\n",
		"---\ntitle: T\nsummary: " + strings.Repeat("a&amp;", 500) + "\nprinciples: [inquiry]\n---\n" + strings.Repeat("[a](", 5000),
		"+++\ntitle = \"T\"\naliases = [" + strings.Repeat("\"/a/\",", 500) + "]\n+++\n" + strings.Repeat("*a _b `c ", 2000),
		"---\ntitle: \"</title><script>alert(1)</script>\"\nsummary: \"<img src=x onerror=alert(1)>\"\nquestions: [\"<svg onload=alert(1)>\"]\naliases: [\"javascript:alert(1)\"]\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![y](javascript:alert(1)) <a href=\"javascript:x\">z</a>\n",
		"---\ntitle: \"\\u202e\\u200b<script>alert(1)</script>\"\ndate: 9999-12-31\nslug: ../../x\n---\n[[x|y]] ![](../../../etc/passwd) <img onerror=x>\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, story []byte) {
		if len(story) > maxFuzzFile {
			return
		}
		root := t.TempDir()
		src, out := filepath.Join(root, "site"), filepath.Join(root, "out")
		writeSite(t, src, story)
		done := make(chan string, 1)
		go func() { done <- checkAndBuild(src, out, story) }()
		select {
		case msg := <-done:
			if msg != "" {
				t.Fatal(msg)
			}
		case <-time.After(hangAfter):
			t.Fatalf("check and build still running after %v: a hang", hangAfter)
		}
		entries, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "site" && e.Name() != "out" {
				t.Fatalf("wrote %s beside the output folder", e.Name())
			}
		}
	})
}

// checkAndBuild checks and builds the site in src into out and says what
// went wrong, or "" when nothing did: an error that is not about content,
// a diagnostic outside the story, or more than maxFuzzAlloc allocated.
func checkAndBuild(src, out string, story []byte) string {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := build.Check(build.Options{Src: src, Strict: true})
	if err != nil {
		return "check: " + err.Error()
	}
	if msg := storyDiags(res, story); msg != "" {
		return msg
	}
	res, err = build.Build(build.Options{Src: src, Out: out})
	if err != nil {
		return "build: " + err.Error()
	}
	if msg := storyDiags(res, story); msg != "" {
		return msg
	}
	if msg := activeContent(out); msg != "" {
		return msg
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > maxFuzzAlloc {
		return fmt.Sprintf("check and build allocated %d MB", n>>20)
	}
	return ""
}

// storyDiags describes the first diagnostic about the fuzzed story that
// lies outside it, or returns "".
func storyDiags(res *build.Result, story []byte) string {
	lines := bytes.Count(story, []byte("\n")) + bytes.Count(story, []byte("\r")) + 1
	for _, d := range res.Diags {
		if d.Path == "content/stories/fuzzed.md" && (d.Line < 1 || d.Line > lines || d.Col < 1) {
			return fmt.Sprintf("diagnostic outside the story: %s", d)
		}
	}
	return ""
}

// writeSite writes a site of one term, one ordinary story and the fuzzed
// one into dir.
func writeSite(t *testing.T, dir string, story []byte) {
	t.Helper()
	files := map[string][]byte{
		"site.toml":                     []byte("title = \"Otherton casebook\"\nbase_url = \"https://example.org/\"\nlanguage = \"en-GB\"\ntaxonomies = [\"principles\"]\n"),
		"content/principles/inquiry.md": []byte("---\ntitle: Inquiry\nsummary: Asking questions together before acting, in the fictional town of Otherton.\n---\n"),
		"content/stories/ok.md":         []byte("---\ntitle: An ordinary story\nsummary: An illustrative story set in the fictional town of Otherton, about people working together.\ndate: 2020-01-02\nprinciples: [inquiry]\nquestions: [\"What matters?\"]\n---\n\nText with [[fuzzed]].\n"),
		"content/stories/fuzzed.md":     story,
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
