package move

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
)

// site unpacks the build package's fixture site into a new folder.
func site(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("..", "build", "testdata", "sites", "casebook.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot returns every file of the site folder, by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRun moves stories of each kind and checks every file of the site
// afterwards: exactly the expected bytes changed, and the site checks and
// builds clean with a redirect at the old address.
func TestRun(t *testing.T) {
	tests := []struct {
		name, old, new string
		// renamed maps a file's old path to its new one.
		renamed map[string]string
		// changes maps a file (new path) to the replacements that turn
		// its old bytes into its new ones.
		changes map[string][][2]string
	}{
		{"YAML story file, linked relatively and pinned as related", "summer-support", "summer-holiday",
			map[string]string{"content/stories/summer-support.md": "content/stories/summer-holiday.md"},
			map[string][][2]string{
				"content/stories/summer-holiday.md": {{"---\ntitle: Summer support", "---\naliases: [summer-support]\ntitle: Summer support"}},
				"content/stories/2019/bus.md":       {{"(../summer-support.md)", "(../summer-holiday.md)"}},
				"content/pages/about.md":            {{"[[summer-support]]", "[[summer-holiday]]"}},
				"content/_index.md":                 {{"(stories/summer-support.md)", "(stories/summer-holiday.md)"}},
			}},
		{"TOML bundle, linked by wiki link with a label", "hub", "community-hub",
			map[string]string{"content/stories/hub/index.md": "content/stories/community-hub/index.md",
				"content/stories/hub/map.svg": "content/stories/community-hub/map.svg", "content/stories/hub/photos/team.png": "content/stories/community-hub/photos/team.png"},
			map[string][][2]string{
				"content/stories/community-hub/index.md": {{"+++\ntitle", "+++\naliases = [\"hub\"]\ntitle"}},
				"content/stories/summer-support.md":      {{"[[hub|the hub]]", "[[community-hub|the hub]]"}},
			}},
		{"slug set in front matter: the file keeps its name", "rural-bus", "village-bus", nil,
			map[string][][2]string{
				"content/stories/2019/bus.md":       {{"slug: rural-bus", "slug: village-bus"}, {"---\ntitle: A rural", "---\naliases: [rural-bus]\ntitle: A rural"}},
				"content/stories/summer-support.md": {{"[[rural-bus]]", "[[village-bus]]"}},
			}},
		{"JSON story, pinned as related", "hospital-discharge", "discharge-home",
			map[string]string{"content/stories/hospital-discharge.md": "content/stories/discharge-home.md"},
			map[string][][2]string{
				"content/stories/discharge-home.md": {{"{\n  \"title\"", "{\n\"aliases\": [\"hospital-discharge\"],\n  \"title\""}},
				"content/stories/summer-support.md": {{"related: [hospital-discharge]", "related: [discharge-home]"}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			before := snapshot(t, dir)
			res, err := Run(dir, tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			if res.Diags.HasErrors() {
				t.Fatalf("the site does not check clean after the move:\n%v", res.Diags)
			}
			want := map[string]string{}
			for p, data := range before {
				if to, ok := tt.renamed[p]; ok {
					p = to
				}
				for _, r := range tt.changes[p] {
					if !strings.Contains(data, r[0]) {
						t.Fatalf("%s: fixture lacks %q", p, r[0])
					}
					data = strings.Replace(data, r[0], r[1], 1)
				}
				want[p] = data
			}
			got := snapshot(t, dir)
			for p, w := range want {
				if got[p] != w {
					t.Errorf("%s =\n%s\nwant\n%s", p, got[p], w)
				}
			}
			for p := range got {
				if _, ok := want[p]; !ok {
					t.Errorf("unexpected file %s", p)
				}
			}
			out := filepath.Join(t.TempDir(), "out")
			b, err := build.Build(build.Options{Src: dir, Out: out})
			if err != nil || b.Diags.HasErrors() {
				t.Fatalf("build after the move: %v %v", err, b.Diags)
			}
			page, err := os.ReadFile(filepath.Join(out, "stories", tt.old, "index.html"))
			if err != nil || !strings.Contains(string(page), "/stories/"+tt.new+"/") {
				t.Errorf("no redirect from the old address: %v", err)
			}
		})
	}
}

// TestRunRefuses leaves the site as it was when the move cannot be made.
func TestRunRefuses(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"unknown story", "sumer-support", "x", `no story has the slug "sumer-support" (did you mean "summer-support"?)`},
		{"new slug taken by a story", "summer-support", "hospital-discharge", `a story already has the slug "hospital-discharge"`},
		{"new slug taken by a draft", "summer-support", "secret", `a story already has the slug "secret"`},
		{"new slug not a slug", "summer-support", "Summer Support", `"Summer Support" is not a valid slug`},
		{"same slug", "hub", "hub", `a story already has the slug "hub"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			before := snapshot(t, dir)
			_, err := Run(dir, tt.old, tt.new)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
			after := snapshot(t, dir)
			if len(after) != len(before) {
				t.Errorf("%d files, want %d", len(after), len(before))
			}
			for p, data := range before {
				if after[p] != data {
					t.Errorf("%s changed", p)
				}
			}
		})
	}
}

// TestRunTakenPath refuses a new name whose file already exists though
// it is no story (here a story file with a broken name would be an
// error, so a plain file stands in).
func TestRunTakenPath(t *testing.T) {
	dir := site(t)
	if err := os.WriteFile(filepath.Join(dir, "content", "stories", "summer-holiday.md.orig"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "content", "stories", "community-hub"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Run(dir, "hub", "community-hub")
	if err == nil || !strings.Contains(err.Error(), "content/stories/community-hub already exists") {
		t.Errorf("error = %v", err)
	}
}
