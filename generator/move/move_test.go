package move

import (
	"strings"
	"testing"
)

// plan moves story "old" (content/stories/old.md unless path says
// otherwise) to "new" among files, with stories "old" and "other".
func plan(t *testing.T, files map[string]string, oldPath string) *Plan {
	t.Helper()
	in := map[string][]byte{}
	for p, s := range files {
		in[p] = []byte(s)
	}
	stories := []Story{{Path: oldPath, Slug: "old"}, {Path: "content/stories/other.md", Slug: "other"}}
	p, err := Make(in, stories, "old", "new", func(string) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const storyFront = "---\ntitle: T\n---\n"

func TestMakeLinks(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"inline", "See [it](old.md).", "See [it](new.md)."},
		{"fragment and title", `See [it](old.md#part "Title") and [that](./old.md?x=1).`, `See [it](new.md#part "Title") and [that](./new.md?x=1).`},
		{"angle brackets", "See [it](<old.md>).", "See [it](<new.md>)."},
		{"reference definition", "See [it][r].\n\n[r]: old.md \"T\"\n", "See [it][r].\n\n[r]: new.md \"T\"\n"},
		{"from another folder", "", ""},
		{"wiki", "[[old]], [[ old | label ]], [[stories/old]], [[old.md]]", "[[new]], [[ new | label ]], [[stories/new]], [[new.md]]"},
		{"similar slugs untouched", "[a](old-2.md) [[old-2]] [[older]] [b](../old.md) [c](https://x.org/old.md) [d](/old.md)", "[a](old-2.md) [[old-2]] [[older]] [b](../old.md) [c](https://x.org/old.md) [d](/old.md)"},
		{"code untouched", "`[it](old.md)` and ``[[old]]``\n\n```\n[it](old.md)\n```\n\n    [[old]]\n\n[it](old.md)", "`[it](old.md)` and ``[[old]]``\n\n```\n[it](old.md)\n```\n\n    [[old]]\n\n[it](new.md)"},
		{"two on a line", "[a](old.md) then [[old]] then [b](other.md)", "[a](new.md) then [[new]] then [b](other.md)"},
		{"CRLF kept", "[a](old.md)\r\nnext\r\n", "[a](new.md)\r\nnext\r\n"},
		{"escaped path", "[a](ol%64.md)", "[a](new.md)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"content/stories/old.md":   storyFront + "Body.\n",
				"content/stories/other.md": storyFront + tt.body,
			}
			p := plan(t, files, "content/stories/old.md")
			got, ok := p.Writes["content/stories/other.md"]
			if !ok {
				got = []byte(files["content/stories/other.md"])
			}
			if want := storyFront + tt.want; string(got) != want {
				t.Errorf("got\n%q\nwant\n%q", got, want)
			}
		})
	}
	// A page two folders away links with ../stories/.
	p := plan(t, map[string]string{
		"content/stories/old.md":  storyFront,
		"content/pages/about.md":  "---\ntitle: A\n---\n[a](../stories/old.md) [b](../stories/old.md#x)\n",
		"content/principles/x.md": "---\ntitle: X\nsummary: S\n---\n[a](../stories/./old.md)\n",
	}, "content/stories/old.md")
	if got := string(p.Writes["content/pages/about.md"]); !strings.HasSuffix(got, "[a](../stories/new.md) [b](../stories/new.md#x)\n") {
		t.Errorf("page = %q", got)
	}
	if got := string(p.Writes["content/principles/x.md"]); !strings.HasSuffix(got, "[a](../stories/./new.md)\n") {
		t.Errorf("term = %q", got)
	}
}

func TestMakeBundleLinks(t *testing.T) {
	p := plan(t, map[string]string{
		"content/stories/old/index.md": storyFront + "![m](map.svg)\n",
		"content/stories/other.md":     storyFront + "[a](old/index.md) [b](old/) [c](old) [d](old/map.svg) [e](old-b/index.md)\n",
	}, "content/stories/old/index.md")
	if got := string(p.Writes["content/stories/other.md"]); got != storyFront+"[a](new/index.md) [b](new/) [c](new) [d](new/map.svg) [e](old-b/index.md)\n" {
		t.Errorf("other = %q", got)
	}
	if got := string(p.Writes["content/stories/old/index.md"]); got != "---\naliases: [old]\ntitle: T\n---\n![m](map.svg)\n" {
		t.Errorf("bundle = %q", got)
	}
	if len(p.Renames) != 1 || p.Renames[0] != [2]string{"content/stories/old", "content/stories/new"} {
		t.Errorf("renames = %q", p.Renames)
	}
}

func TestMakeAliases(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"YAML without aliases", "---\ntitle: T\n---\nB\n", "---\naliases: [old]\ntitle: T\n---\nB\n"},
		{"YAML flow list", "---\ntitle: T\naliases: [a, b]\n---\n", "---\ntitle: T\naliases: [old, a, b]\n---\n"},
		{"YAML empty list", "---\naliases: []\n---\n", "---\naliases: [old]\n---\n"},
		{"YAML block list", "---\naliases:\n  - a\n  - b\ntitle: T\n---\n", "---\naliases:\n  - old\n  - a\n  - b\ntitle: T\n---\n"},
		{"YAML one text", "---\naliases: a # first\n---\n", "---\naliases: [old, a] # first\n---\n"},
		{"YAML quoted text", "---\naliases: \"a\"\n---\n", "---\naliases: [old, a]\n---\n"},
		{"YAML null", "---\naliases:\ntitle: T\n---\n", "---\naliases: [old]\ntitle: T\n---\n"},
		{"YAML CRLF", "---\r\ntitle: T\r\n---\r\nB\r\n", "---\r\naliases: [old]\r\ntitle: T\r\n---\r\nB\r\n"},
		{"YAML with BOM", "\xef\xbb\xbf---\ntitle: T\naliases: [a]\n---\n", "\xef\xbb\xbf---\ntitle: T\naliases: [old, a]\n---\n"},
		{"TOML before a table", "+++\ntitle = \"T\"\n[source]\ntitle = \"S\"\n+++\n", "+++\naliases = [\"old\"]\ntitle = \"T\"\n[source]\ntitle = \"S\"\n+++\n"},
		{"TOML list", "+++\naliases = [\"a\"]\n+++\n", "+++\naliases = [\"old\", \"a\"]\n+++\n"},
		{"JSON", "{\n\"title\": \"T\"\n}\n", "{\n\"aliases\": [\"old\"],\n\"title\": \"T\"\n}\n"},
		{"JSON list", "{\n\"aliases\": [\"a\"], \"title\": \"T\"\n}\n", "{\n\"aliases\": [\"old\", \"a\"], \"title\": \"T\"\n}\n"},
		{"slug field", "---\nslug: old\ntitle: é, \"old\"\n---\nold\n", "---\naliases: [old]\nslug: new\ntitle: é, \"old\"\n---\nold\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := plan(t, map[string]string{"content/stories/x/old.md": tt.src}, "content/stories/x/old.md")
			if got := string(p.Writes["content/stories/x/old.md"]); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestMakeRelated(t *testing.T) {
	p := plan(t, map[string]string{
		"content/stories/old.md":   storyFront,
		"content/stories/other.md": "---\nrelated: [\"é\", old, older, 'old']\n---\n",
		"content/stories/third.md": "---\nrelated:\n  - old\n---\n",
		"content/stories/toml.md":  "+++\nrelated = [\"old\"]\n+++\n",
	}, "content/stories/old.md")
	for path, want := range map[string]string{
		"content/stories/other.md": "---\nrelated: [\"é\", new, older, 'new']\n---\n",
		"content/stories/third.md": "---\nrelated:\n  - new\n---\n",
		"content/stories/toml.md":  "+++\nrelated = [\"new\"]\n+++\n",
	} {
		if got := string(p.Writes[path]); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
}

// TestMakeTranslations renames old.<code>.md beside old.md and rewrites
// links in translations too.
func TestMakeTranslations(t *testing.T) {
	p := plan(t, map[string]string{
		"content/stories/old.md":       storyFront,
		"content/stories/old.cy.md":    "---\ntitle: Hen\n---\n",
		"content/stories/old.gd.md":    "---\ntitle: Sean\n---\n",
		"content/stories/older.cy.md":  "---\ntitle: X\n---\n",
		"content/stories/other.cy.md":  "---\ntitle: Arall\n---\n[hen](old.cy.md) [[old]]\n",
		"content/pages/about.pt-br.md": "---\ntitle: A\n---\n[a](../stories/old.md)\n",
	}, "content/stories/old.md")
	want := [][2]string{{"content/stories/old.md", "content/stories/new.md"}, {"content/stories/old.cy.md", "content/stories/new.cy.md"}, {"content/stories/old.gd.md", "content/stories/new.gd.md"}}
	if len(p.Renames) != len(want) {
		t.Fatalf("renames = %q", p.Renames)
	}
	for i := range want {
		if p.Renames[i] != want[i] {
			t.Errorf("rename %d = %q, want %q", i, p.Renames[i], want[i])
		}
	}
	if got := string(p.Writes["content/stories/other.cy.md"]); !strings.HasSuffix(got, "[hen](new.cy.md) [[new]]\n") {
		t.Errorf("translation = %q", got)
	}
	if got := string(p.Writes["content/pages/about.pt-br.md"]); !strings.HasSuffix(got, "[a](../stories/new.md)\n") {
		t.Errorf("page translation = %q", got)
	}
}
