package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionlintPath finds the actionlint binary: $CASEBOOK_ACTIONLINT, else
// actionlint on PATH. `make test` installs it when missing and sets
// CASEBOOK_REQUIRE_BROWSER=1, under which a missing linter fails the test
// instead of skipping it loudly.
func actionlintPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CASEBOOK_ACTIONLINT"); p != "" {
		return p
	}
	if p, err := exec.LookPath("actionlint"); err == nil {
		return p
	}
	msg := "actionlint is not available: run `make test`, which installs it (go install github.com/rhysd/actionlint/cmd/actionlint), or set CASEBOOK_ACTIONLINT"
	if os.Getenv("CASEBOOK_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPING WORKFLOW LINT: " + msg)
	return ""
}

func TestInitMakesASiteThatChecksAndBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "care-stories")
	code, stdout, stderr := run(t, "init", "-title", `Straeon "Gofal" Cymru`, "-language", "cy", dir)
	if code != exitOK {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, dir) {
		t.Errorf("init did not say where it wrote: %q", stdout)
	}
	for _, name := range []string{"site.toml", "content/stories/example-story.md", "content/pages/about.md",
		"content/pages/contribute.md", "content/pages/accessibility.md", "CONTRIBUTING.md", ".gitignore",
		".vscode/settings.json", "story.schema.json", ".github/workflows/casebook.yml"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("init wrote no %s", name)
		}
	}
	site, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	if !strings.Contains(string(site), `title = "Straeon \"Gofal\" Cymru"`) || !strings.Contains(string(site), `language = "cy"`) {
		t.Errorf("site.toml lacks the title or language:\n%s", site)
	}
	if code, out, errs := run(t, "check", "-src", dir, "-strict"); code != exitOK || !strings.Contains(out+errs, "no problems") {
		t.Fatalf("check of the new site: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, "build", "-src", dir); code != exitOK {
		t.Fatalf("build of the new site: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("build wrote no home page: %v", err)
	}
	for _, name := range []string{"go.mod", "main.go"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("a content repository holds %s", name)
		}
	}
}

func TestInitWorkflow(t *testing.T) {
	for _, tt := range []struct {
		name, version, install string
		comment                bool
	}{
		{"released", "v1.4.2", "github.com/casebook/casebook/cmd/casebook@v1.4.2", false},
		{"pseudo-version", "v0.0.0-20261204063021-fa51e5f0a1b2", "github.com/casebook/casebook/cmd/casebook@v0.0.0-20261204063021-fa51e5f0a1b2", false},
		{"no version", "devel", "github.com/casebook/casebook/cmd/casebook@latest", true},
		{"hostile version", "v1.0.0\n  run: curl evil", "github.com/casebook/casebook/cmd/casebook@latest", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			saved := version
			version = func() string { return tt.version }
			t.Cleanup(func() { version = saved })
			dir := filepath.Join(t.TempDir(), "site")
			if code, _, stderr := run(t, "init", dir); code != exitOK {
				t.Fatalf("init: exit %d\n%s", code, stderr)
			}
			path := filepath.Join(dir, ".github", "workflows", "casebook.yml")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// actionlint reads the workflow from the site folder, as a team
			// running it in its repository would; any finding is an error.
			lint := exec.Command(actionlintPath(t), "-no-color", filepath.Join(".github", "workflows", "casebook.yml"))
			lint.Dir = dir
			if out, err := lint.CombinedOutput(); err != nil {
				t.Errorf("actionlint finds problems in the workflow (%v):\n%s\n%s", err, out, data)
			}
			var w struct {
				Env  map[string]string `yaml:"env"`
				Jobs map[string]struct {
					If    string `yaml:"if"`
					Steps []struct {
						Uses string `yaml:"uses"`
						Run  string `yaml:"run"`
					} `yaml:"steps"`
				} `yaml:"jobs"`
			}
			if err := yaml.Unmarshal(data, &w); err != nil {
				t.Fatal(err)
			}
			if got := w.Env["CASEBOOK"]; got != tt.install {
				t.Errorf("installs %q, want %q", got, tt.install)
			}
			if hasComment := strings.Contains(string(data), "pin a release"); hasComment != tt.comment {
				t.Errorf("comment about pinning a release = %v, want %v", hasComment, tt.comment)
			}
			runs := map[string]string{}
			for name, job := range w.Jobs {
				for _, s := range job.Steps {
					runs[name] += s.Run + "\n"
					if strings.Contains(s.Run, "go run") || strings.Contains(s.Run, "./cmd/") {
						t.Errorf("job %s needs casebook's source: %q", name, s.Run)
					}
				}
			}
			if !strings.Contains(runs["check"], `go install "$CASEBOOK"`) || !strings.Contains(runs["check"], "casebook check -format github") ||
				!strings.Contains(w.Jobs["check"].If, "pull_request") {
				t.Errorf("the check job does not install casebook and annotate pull requests:\n%s", runs["check"])
			}
			if !strings.Contains(runs["build"], "casebook build -base-url") || !strings.Contains(string(data), "actions/deploy-pages@") {
				t.Errorf("main is not built for and deployed to Pages:\n%s", data)
			}
		})
	}
}

func TestInitRefuses(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "init", dir)
	if code != exitContent || !strings.Contains(stderr, "not empty") {
		t.Errorf("init of a non-empty folder: exit %d, %q; want exit 1", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("init changed a non-empty folder: %v", entries)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
	}{
		{"no folder", []string{"init"}, exitUsage},
		{"two folders", []string{"init", "a", "b"}, exitUsage},
		{"bad language", []string{"init", "-language", "Welsh!", filepath.Join(t.TempDir(), "x")}, exitUsage},
		{"control character in title", []string{"init", "-title", "a\x1bb", filepath.Join(t.TempDir(), "x")}, exitContent},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, _ := run(t, tt.args...); code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
		})
	}
}

// TestActionlintFindsProblems shows that the workflow test can fail: the
// linter it runs rejects a workflow with an unknown expression context.
func TestActionlintFindsProblems(t *testing.T) {
	dir := t.TempDir()
	bad := "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nosuch.value }}\n"
	path := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(actionlintPath(t), "-no-color", path).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "nosuch") {
		t.Errorf("actionlint accepted a broken workflow (%v):\n%s", err, out)
	}
}
