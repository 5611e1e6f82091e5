package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const workflowPath = "../../.github/workflows/site.yml"

// workflow is the part of a GitHub Actions workflow the tests look at.
type workflow struct {
	// On maps each event to its settings, which may be empty.
	On map[string]*struct {
		Branches []string `yaml:"branches"`
	} `yaml:"on"`
	Jobs map[string]struct {
		If          string            `yaml:"if"`
		Needs       any               `yaml:"needs"`
		Permissions map[string]string `yaml:"permissions"`
		Concurrency struct {
			Group            string `yaml:"group"`
			CancelInProgress any    `yaml:"cancel-in-progress"`
		} `yaml:"concurrency"`
		Steps []struct {
			Uses string `yaml:"uses"`
			Run  string `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func readWorkflow(t *testing.T) *workflow {
	t.Helper()
	data, err := os.ReadFile(workflowPath)
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s is not valid YAML: %v", workflowPath, err)
	}
	return &w
}

// casebookCommands returns the argument lists of every casebook command
// the workflow runs ("go run ./cmd/casebook check -format github" gives
// [check -format github]), by job.
func casebookCommands(w *workflow) map[string][][]string {
	out := map[string][][]string{}
	for name, job := range w.Jobs {
		for _, step := range job.Steps {
			for line := range strings.Lines(step.Run) {
				words := shellWords(line)
				for i, word := range words {
					if word == "./cmd/casebook" || word == "casebook" {
						out[name] = append(out[name], words[i+1:])
						break
					}
				}
			}
		}
	}
	return out
}

// shellWords splits a command line into words, honouring single and double
// quotes, which is all the workflow uses.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n' || r == '\\':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

func TestWorkflowRunsRealCommands(t *testing.T) {
	cmds := casebookCommands(readWorkflow(t))
	for _, job := range []string{"check", "build"} {
		if len(cmds[job]) == 0 {
			t.Errorf("job %q runs no casebook command", job)
		}
	}
	for job, list := range cmds {
		for _, args := range list {
			t.Run(job+"/"+strings.Join(args, " "), func(t *testing.T) {
				if len(args) == 0 {
					t.Fatal("casebook run without a subcommand")
				}
				if _, ok := commands[args[0]]; !ok {
					t.Fatalf("casebook has no command %q", args[0])
				}
				// Flags are parsed up to -h, which then stops the command:
				// an undefined flag or a bad value fails before it.
				code, _, stderr := run(t, append(slices.Clone(args), "-h")...)
				if code != exitOK {
					t.Errorf("casebook %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
				}
			})
		}
	}
}

func TestWorkflowTriggersAndPermissions(t *testing.T) {
	w := readWorkflow(t)
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("workflow does not run on pull requests")
	}
	if push := w.On["push"]; push == nil || !slices.Contains(push.Branches, "main") {
		t.Error("workflow does not run on pushes to main")
	}
	var uses []string
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			if name, _, ok := strings.Cut(s.Uses, "@"); ok {
				uses = append(uses, name)
			}
		}
	}
	for _, action := range []string{"actions/checkout", "actions/setup-go", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} {
		if !slices.Contains(uses, action) {
			t.Errorf("workflow does not use %s", action)
		}
	}
	deploy, ok := w.Jobs["deploy"]
	if !ok {
		t.Fatal("no deploy job")
	}
	if deploy.Permissions["pages"] != "write" || deploy.Permissions["id-token"] != "write" {
		t.Errorf("deploy permissions = %v, want pages: write and id-token: write", deploy.Permissions)
	}
	if deploy.Concurrency.Group == "" || deploy.Concurrency.CancelInProgress != false {
		t.Errorf("deploy concurrency = %+v, want a group that does not cancel a deployment in progress", deploy.Concurrency)
	}
	if !strings.Contains(w.Jobs["check"].If, "pull_request") {
		t.Errorf("check job runs when %q, want pull requests", w.Jobs["check"].If)
	}
}

func TestShellWords(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "go run ./cmd/casebook check -format github\n", "go|run|./cmd/casebook|check|-format|github"},
		{"double quotes", `go run ./cmd/casebook build -base-url "${{ x }}/"`, "go|run|./cmd/casebook|build|-base-url|${{ x }}/"},
		{"single quotes and continuation", "a 'b c' \\\n", "a|b c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(shellWords(tt.in), "|"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
