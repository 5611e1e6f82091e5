package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// The whole-site fixture and the bad inputs are those of the build
// package, so the command is checked against the same cases.
const (
	pipelineFixture = "../../generator/build/testdata/sites/casebook.txtar"
	pipelineBadDir  = "../../generator/build/testdata/bad"
)

// runPipeline runs the command line and returns its exit status and output.
func runPipeline(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// pipelineSite unpacks the fixture, lays the archive of a bad case over
// it when one is given, and returns the site folder and the case's want
// lines. A case marked "ok" returns ok true.
func pipelineSite(t *testing.T, badCase string) (dir string, wants []string, ok bool) {
	t.Helper()
	dir = t.TempDir()
	unpack := func(file string) *txtar.Archive {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			pipelineWrite(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
		}
		return ar
	}
	unpack(pipelineFixture)
	if badCase == "" {
		return dir, nil, true
	}
	ar := unpack(badCase)
	sc := bufio.NewScanner(bytes.NewReader(ar.Comment))
	for sc.Scan() {
		verb, arg, _ := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		target := filepath.Join(dir, filepath.FromSlash(arg))
		switch verb {
		case "want":
			wants = append(wants, arg)
		case "ok":
			ok = true
		case "big":
			// As generator/build's bigStory, so that the error is at the
			// same line and column.
			head := "---\ntitle: Big\nsummary: A very long story.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\nthemes: [health]\n---\n"
			line := strings.Repeat("word ", 15) + "\n"
			pipelineWrite(t, target, []byte(head+strings.Repeat(line, (2<<20)/len(line)+1)))
		case "symlink":
			outside := filepath.Join(t.TempDir(), "outside.md")
			pipelineWrite(t, outside, []byte("---\ntitle: Outside\n---\n"))
			if err := os.Symlink(outside, target); err != nil {
				t.Fatal(err)
			}
		case "crlf":
			data, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			pipelineWrite(t, target, append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...))
		}
	}
	return dir, wants, ok
}

func pipelineWrite(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckBadInputs runs `casebook check` on every bad input: exit 1, and
// the diagnostic at its position on standard output.
func TestCheckBadInputs(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(pipelineBadDir, "*.txtar"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no bad inputs in %s: %v", pipelineBadDir, err)
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			dir, wants, ok := pipelineSite(t, c)
			code, stdout, stderr := runPipeline("check", "-src", dir)
			want := 1
			if ok {
				want = 0
			}
			if code != want {
				t.Errorf("check exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, want, stdout, stderr)
			}
			for _, w := range wants {
				if !strings.Contains(stdout, w) {
					t.Errorf("check output lacks %q:\n%s", w, stdout)
				}
			}
		})
	}
}

func TestBuildCommand(t *testing.T) {
	good, _, _ := pipelineSite(t, "")
	bad, _, _ := pipelineSite(t, filepath.Join(pipelineBadDir, "unknown-principle.txtar"))
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string
		stderr     string
		wantOutput string // a file that must exist after the run
	}{
		{"sample site check", []string{"check", "-src", "../.."}, 0, "", "", ""},
		{"sample site build", []string{"build", "-src", "../..", "-out", filepath.Join(t.TempDir(), "public")}, 0, "built ", "", ""},
		{"fixture build", []string{"build", "-src", good}, 0, "built 4 stories", "", filepath.Join(good, "public", "stories", "rural-bus", "index.html")},
		{"fixture build with drafts and base URL", []string{"build", "-src", good, "-drafts", "-base-url", "https://kb.example.net/x/", "-minify=false"}, 0, "built 5 stories", "", filepath.Join(good, "public", "stories", "secret", "index.html")},
		{"bad build", []string{"build", "-src", bad}, 1, "", "build failed; the previous output was left untouched", ""},
		{"bad build reports position", []string{"build", "-src", bad}, 1, "", "content/stories/bad.md:5:23: error: unknown principle", ""},
		{"unknown build flag", []string{"build", "-frobnicate"}, 2, "", "flag provided but not defined: -frobnicate", ""},
		{"unknown check flag", []string{"check", "-nope"}, 2, "", "flag provided but not defined", ""},
		{"build with an argument", []string{"build", "extra"}, 2, "", `unexpected argument "extra"`, ""},
		{"unknown format", []string{"check", "-src", good, "-format", "xml"}, 2, "", `unknown format "xml"`, ""},
		{"missing site folder", []string{"check", "-src", filepath.Join(t.TempDir(), "none")}, 1, "", "", ""},
		{"refused output folder", []string{"build", "-src", good, "-out", filepath.Join(good, "content")}, 1, "", "refusing to use", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runPipeline(tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("casebook %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s\nwant stdout with %q and stderr with %q",
					strings.Join(tt.args, " "), code, tt.code, stdout, stderr, tt.stdout, tt.stderr)
			}
			if tt.wantOutput != "" {
				if _, err := os.Stat(tt.wantOutput); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func TestCheckFormats(t *testing.T) {
	bad, _, _ := pipelineSite(t, filepath.Join(pipelineBadDir, "unknown-principle.txtar"))
	t.Run("github", func(t *testing.T) {
		code, stdout, _ := runPipeline("check", "-src", bad, "-format", "github")
		want := `::error file=content/stories/bad.md,line=5,col=23::unknown principle "relationalty" (did you mean "relationality"?)`
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, output:\n%s\nwant a line starting %s", code, stdout, want)
		}
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") {
				t.Errorf("line is not an annotation: %q", line)
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		code, stdout, _ := runPipeline("check", "-src", bad, "-format", "json")
		var got []struct {
			Path     string `json:"path"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("output is not a JSON array: %v\n%s", err, stdout)
		}
		found := false
		for _, d := range got {
			found = found || d.Path == "content/stories/bad.md" && d.Line == 5 && d.Col == 23 && d.Severity == "error" &&
				strings.HasPrefix(d.Message, `unknown principle "relationalty"`)
		}
		if code != 1 || !found {
			t.Errorf("exit %d, diagnostics %+v", code, got)
		}
	})
	t.Run("json clean", func(t *testing.T) {
		code, stdout, _ := runPipeline("check", "-src", "../..", "-format", "json")
		var got []map[string]any
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 0 {
			t.Errorf("exit %d, %v:\n%s", code, err, stdout)
		}
	})
}
