package load

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

const goodStory = "---\ntitle: A\nsummary: S\ndate: 2019-01-01\n---\nBody\n"

func TestLoadClassifies(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                      {Data: []byte("Home\n")},
		"content/stories/_index.md":              {Data: []byte("Stories\n")},
		"content/stories/a.md":                   {Data: []byte(goodStory)},
		"content/stories/2019/b.md":              {Data: []byte(goodStory)},
		"content/stories/hub/index.md":           {Data: []byte(goodStory)},
		"content/stories/hub/map.svg":            {Data: []byte("<svg/>")},
		"content/stories/hub/img/a.png":          {Data: []byte("png")},
		"content/stories/hub/notes.md":           {Data: []byte("an asset, not a story")},
		"content/stories/stray.png":              {Data: []byte("png")},
		"content/stories/.hidden.md":             {Data: []byte(goodStory)},
		"content/principles/_index.md":           {Data: []byte("---\ntitle: Principles\n---\n")},
		"content/principles/inquiry.md":          {Data: []byte(goodStory)},
		"content/principles/deep/x.md":           {Data: []byte(goodStory)},
		"content/unknown/x.md":                   {Data: []byte(goodStory)},
		"content/pages/about.md":                 {Data: []byte(goodStory)},
		"content/_templates/story.md":            {Data: []byte("{{ .Title }}")},
		"content/readme.txt":                     {Data: []byte("x")},
		"content/stories/2019/sub/c/index.md":    {Data: []byte(goodStory)},
		"content/stories/2019/sub/c/diagram.svg": {Data: []byte("<svg/>")},
	}
	res := Load(fsys, []string{"principles", "sectors"})
	var got []string
	for _, f := range res.Files {
		entry := fmt.Sprintf("%s kind=%d section=%q key=%q dir=%s", f.Path, f.Kind, f.Section, f.Key, f.Dir)
		for _, a := range f.Assets {
			entry += " asset=" + a.Name
		}
		got = append(got, entry)
	}
	want := []string{
		`content/_index.md kind=4 section="" key="" dir=content`,
		`content/pages/about.md kind=3 section="" key="about" dir=content/pages`,
		`content/principles/_index.md kind=4 section="principles" key="" dir=content/principles`,
		`content/principles/inquiry.md kind=2 section="principles" key="inquiry" dir=content/principles`,
		`content/stories/2019/b.md kind=1 section="" key="b" dir=content/stories/2019`,
		`content/stories/2019/sub/c/index.md kind=1 section="" key="c" dir=content/stories/2019/sub/c asset=diagram.svg`,
		`content/stories/_index.md kind=4 section="stories" key="" dir=content/stories`,
		`content/stories/a.md kind=1 section="" key="a" dir=content/stories`,
		`content/stories/hub/index.md kind=1 section="" key="hub" dir=content/stories/hub asset=img/a.png asset=map.svg asset=notes.md`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var diags []string
	for _, d := range res.Diags {
		diags = append(diags, d.Path+": "+string(d.Severity))
	}
	sort.Strings(diags)
	wantDiags := []string{"content/principles/deep/x.md: warning", "content/readme.txt: warning", "content/stories/stray.png: warning", "content/unknown/x.md: warning"}
	if strings.Join(diags, "\n") != strings.Join(wantDiags, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(wantDiags, "\n"))
	}
}

func TestLoadNoContent(t *testing.T) {
	res := Load(fstest.MapFS{"site.toml": {Data: []byte("")}}, nil)
	if len(res.Diags) != 1 || !strings.Contains(res.Diags[0].Message, "no content folder") {
		t.Errorf("diagnostics = %v", res.Diags)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // first diagnostic, "" for none
	}{
		{"good", goodStory, ""},
		{"no front matter", "Just text\n", ""},
		{"empty", "", "x.md:1:1: error: file is empty"},
		{"bom only", "\xef\xbb\xbf \n", "x.md:1:1: error: file is empty"},
		{"invalid utf-8", "---\ntitle: A\n---\nCaf\xe9\n", "x.md:4:4: error: file is not valid UTF-8"},
		{"invalid utf-8 after multibyte", "é\xff", "x.md:1:2: error: file is not valid UTF-8"},
		{"unclosed", "---\ntitle: A\n", `x.md:1:1: error: front matter is not closed: add a line with only "---"`},
		{"unclosed after blank lines", "\n\n+++\ntitle = 1\n", `x.md:3:1: error: front matter is not closed: add a line with only "+++"`},
		{"bad yaml", "---\ntitle: [\n---\n", "x.md:3:1: error: front matter is not valid YAML"},
		{"crlf bad yaml", "---\r\ntitle: a\r\nsummary: a: b\r\n---\r\n", "x.md:3:1: error: front matter is not valid YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, diags := Parse("x.md", []byte(tt.src))
			if tt.want == "" {
				if len(diags) > 0 {
					t.Errorf("diagnostics: %v", diags)
				}
				return
			}
			if len(diags) == 0 || !strings.HasPrefix(diags[0].String(), tt.want) {
				t.Errorf("diagnostics %v, want one starting %q", diags, tt.want)
			}
		})
	}
}

func TestLoadLimitsAndSymlinks(t *testing.T) {
	dir := t.TempDir()
	write := func(p, data string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/stories/ok.md", goodStory)
	write("content/stories/big.md", goodStory+strings.Repeat("x", MaxFileSize))
	write("content/stories/exact.md", goodStory+strings.Repeat("x", MaxFileSize-len(goodStory)))
	write("elsewhere/inside.md", goodStory)
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte(goodStory), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"content/stories/abs.md":    outside,
		"content/stories/rel.md":    "../../../" + filepath.Base(filepath.Dir(outside)) + "/outside.md",
		"content/stories/inside.md": "../../elsewhere/inside.md",
		"content/stories/folder":    filepath.Dir(outside),
	}
	for p, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	res := Load(root.FS(), nil)
	var loaded []string
	for _, f := range res.Files {
		loaded = append(loaded, f.Path)
	}
	if got, want := strings.Join(loaded, " "), "content/stories/exact.md content/stories/inside.md content/stories/ok.md"; got != want {
		t.Errorf("loaded %s, want %s", got, want)
	}
	want := map[string]string{
		"content/stories/abs.md":    "symlink refused: it points outside the site folder",
		"content/stories/rel.md":    "symlink refused: it points outside the site folder",
		"content/stories/folder":    "symlink refused",
		"content/stories/big.md":    "file is larger than 2 MiB",
		"content/stories/inside.md": "",
	}
	for _, d := range res.Diags {
		w, ok := want[d.Path]
		if !ok || w == "" || !strings.Contains(d.Message, w) {
			t.Errorf("unexpected diagnostic %s", d)
		}
		delete(want, d.Path)
	}
	for p, w := range want {
		if w != "" {
			t.Errorf("no diagnostic for %s (want %q)", p, w)
		}
	}
}
