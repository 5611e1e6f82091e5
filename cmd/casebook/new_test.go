package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// newSite copies the fixture site into a temporary folder and fixes the
// date new stories get.
func newSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, fixtureSite, dir)
	saved := today
	today = func() time.Time { return time.Date(2026, 2, 3, 15, 4, 5, 0, time.UTC) }
	t.Cleanup(func() { today = saved })
	return dir
}

func TestNewWritesStory(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantPath string
		wantIn   []string
	}{
		{"accents transliterated", []string{"Dùn Èideann"}, "content/stories/dun-eideann.md",
			[]string{"title: Dùn Èideann\n", "date: 2026-02-03\n", "principles: []\n", "## The situation\n", "## Questions to try\n"}},
		{"terms and aliases", []string{"-principles", "enquiry, systems", "-sectors", "policing", "Waiting less"}, "content/stories/waiting-less.md",
			[]string{"principles: [inquiry, systems]\n", "sectors: [police]\n", "# One or more of: systems, inquiry, emergent\n"}},
		{"title in several words", []string{"Summer", "holiday", "support"}, "content/stories/summer-holiday-support.md",
			[]string{"title: Summer holiday support\n"}},
		{"title that needs quotes", []string{"Care: at home"}, "content/stories/care-at-home.md",
			[]string{"title: 'Care: at home'\n"}},
		{"bundle", []string{"-bundle", "Map of Ardcluny"}, "content/stories/map-of-ardcluny/index.md",
			[]string{"title: Map of Ardcluny\n"}},
		{"long title makes a slug of at most 100 characters", []string{strings.Repeat("Partnership ", 30)},
			"content/stories/" + strings.Repeat("partnership-", 7) + "partnership.md", []string{"title: " + strings.Repeat("Partnership ", 29) + "Partnership\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t)
			code, stdout, stderr := run(t, append([]string{"new", "-src", dir}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			want := filepath.Join(dir, filepath.FromSlash(tt.wantPath))
			if strings.TrimSpace(stdout) != want {
				t.Errorf("printed %q, want %q", stdout, want)
			}
			data, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.wantIn {
				if !strings.Contains(string(data), s) {
					t.Errorf("%s lacks %q:\n%s", tt.wantPath, s, data)
				}
			}
		})
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown term with suggestion", []string{"-principles", "sytems", "A story"}, exitContent,
			`unknown principle "sytems" (did you mean "systems"?); allowed: systems, inquiry, emergent`},
		{"taxonomy the site lacks", []string{"-themes", "poverty", "A story"}, exitUsage, "flag provided but not defined: -themes"},
		{"existing story", []string{"Fewer call-outs after the summer!"}, exitContent,
			"a story with that slug already exists: content/stories/fewer-call-outs-after-the-summer.md"},
		{"same file name", []string{"Good"}, exitContent, "already exists: content/stories/good.md"},
		{"no title", []string{}, exitUsage, "give the story's title"},
		{"unknown flag", []string{"-colour", "x", "A story"}, exitUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t)
			// A story whose file name is its slug, to clash with.
			existing := filepath.Join(dir, "content", "stories", "fewer-call-outs-after-the-summer.md")
			const original = "---\ntitle: Kept\nsummary: This file must not be touched by casebook new at all.\ndate: 2019-01-01\nprinciples: systems\nsectors: nhs\n---\n"
			if err := os.WriteFile(existing, []byte(original), 0o644); err != nil {
				t.Fatal(err)
			}
			before := storyFiles(t, dir)
			code, stdout, stderr := run(t, append([]string{"new", "-src", dir}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			if stdout != "" {
				t.Errorf("printed %q", stdout)
			}
			if after := storyFiles(t, dir); after != before {
				t.Errorf("stories changed from %s to %s", before, after)
			}
			if data, _ := os.ReadFile(existing); string(data) != original {
				t.Errorf("the existing story was overwritten:\n%s", data)
			}
		})
	}
}

func TestNewFlagsFollowTheSite(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, programmeSite, dir)
	code, _, stderr := run(t, "new", "-src", dir, "-h")
	if code != exitOK {
		t.Fatalf("new -h: exit %d", code)
	}
	for _, flag := range []string{"-values keys", "-sectors keys", "-regions keys"} {
		if !strings.Contains(stderr, flag) {
			t.Errorf("new -h lacks %q:\n%s", flag, stderr)
		}
	}
	if strings.Contains(stderr, "-principles") {
		t.Errorf("new -h offers a taxonomy the site lacks:\n%s", stderr)
	}
	code, _, stderr = run(t, "new", "-src="+dir, "-regions", "powis", "A story")
	if code != exitContent || !strings.Contains(stderr, `unknown region "powis" (did you mean "powys"?)`) {
		t.Errorf("exit %d, stderr %q; want exit 1 with a suggestion", code, stderr)
	}
	code, stdout, stderr := run(t, "new", "-values", "voice,prevention", "-regions", "Gwent", "-src", dir, "Care at home")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"values: [voice-and-control, prevention]\n", "regions: [gwent]\n", "sectors: []\n", "# Optional, any of: gwent, north-wales, powys\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("new story lacks %q:\n%s", want, data)
		}
	}
	if code, out, errs := run(t, "check", "-src", dir); code != exitContent || !strings.Contains(out+errs, "sectors needs at least one term") {
		t.Errorf("check of a story without sectors: exit %d\n%s%s", code, out, errs)
	}
}

func TestNewUsesSiteTemplate(t *testing.T) {
	dir := newSite(t)
	tmpl := filepath.Join(dir, "content", "_templates", "story.md")
	if err := os.MkdirAll(filepath.Dir(tmpl), 0o755); err != nil {
		t.Fatal(err)
	}
	const text = "---\ntitle: {{.Title}}\ndate: {{.Date}}\n{{range .Taxonomies}}{{.Name}}: {{.Value}}\n{{end}}---\nOur own template.\n"
	if err := os.WriteFile(tmpl, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "new", "-src", dir, "-principles", "inquiry", "Our story")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Our story\ndate: 2026-02-03\nprinciples: [inquiry]\nsectors: []\n---\nOur own template.\n"
	if string(data) != want {
		t.Errorf("got:\n%s\nwant:\n%s", data, want)
	}
	// The template folder is not content: check must not see it as a story.
	if _, out, _ := run(t, "check", "-src", dir); strings.Contains(out, "_templates") {
		t.Errorf("check looked at the template:\n%s", out)
	}
}

func TestNewBrokenSiteTemplate(t *testing.T) {
	dir := newSite(t)
	tmpl := filepath.Join(dir, "content", "_templates", "story.md")
	if err := os.MkdirAll(filepath.Dir(tmpl), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmpl, []byte("---\ntitle: {{.Titel}}\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "new", "-src", dir, "Our story")
	if code != exitContent || !strings.Contains(stderr, "content/_templates/story.md:2:") {
		t.Errorf("exit %d, stderr %q; want exit 1 naming the template's line", code, stderr)
	}
}

// storyFiles lists the story files of a site, for before/after checks.
func storyFiles(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(filepath.Join(dir, "content", "stories"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(names, ",")
}
