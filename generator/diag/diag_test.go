package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"full position", Diagnostic{"content/stories/x.md", 7, 15, Error, `unknown principle "relationalty"`}, `content/stories/x.md:7:15: error: unknown principle "relationalty"`},
		{"line only", Diagnostic{"site.toml", 3, 0, Warning, "w"}, "site.toml:3: warning: w"},
		{"whole file", Diagnostic{"content/stories/big.md", 0, 0, Error, "too big"}, "content/stories/big.md: error: too big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := tt.d.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSortAndSummary(t *testing.T) {
	var l List
	l.Errorf("b.md", 2, 1, "second")
	l.Warnf("a.md", 9, 1, "w")
	l.Errorf("a.md", 10, 2, "e2")
	l.Errorf("a.md", 10, 1, "e1")
	l.Errorf("b.md", 2, 1, "second") // exact duplicate, dropped
	l = l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	want := []string{"a.md:9:1: warning: w", "a.md:10:1: error: e1", "a.md:10:2: error: e2", "b.md:2:1: error: second"}
	if len(got) != len(want) {
		t.Fatalf("Sort() = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Sort()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	tests := []struct {
		name string
		list List
		want string
	}{
		{"none", nil, "no problems"},
		{"mixed", l, "3 errors, 1 warning"},
		{"one error", l[1:2], "1 error, 0 warnings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.list.Summary(); got != tt.want {
				t.Errorf("Summary() = %q, want %q", got, tt.want)
			}
		})
	}
	if l.Err() == nil || (List{{Severity: Warning}}).Err() != nil {
		t.Errorf("Err() is nil for errors or non-nil for warnings")
	}
}

func TestWrite(t *testing.T) {
	l := List{
		{Path: "content/stories/a,b.md", Line: 7, Col: 15, Severity: Error, Message: "50% wrong\nreally"},
		{Path: "site.toml", Severity: Warning, Message: "w"},
	}
	tests := []struct {
		name   string
		list   List
		format string
		want   string
	}{
		{"text", l, FormatText, "content/stories/a,b.md:7:15: error: 50% wrong\n\treally\nsite.toml: warning: w\n1 error, 1 warning\n"},
		{"text clean", nil, FormatText, "no problems\n"},
		{"github", l, FormatGitHub, "::error file=content/stories/a%2Cb.md,line=7,col=15::50%25 wrong%0Areally\n::warning file=site.toml::w\n"},
		{"json empty", nil, FormatJSON, "[]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tt.list, tt.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("Write(%s) =\n%q\nwant\n%q", tt.format, b.String(), tt.want)
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		var b bytes.Buffer
		if err := Write(&b, l, FormatJSON); err != nil {
			t.Fatal(err)
		}
		var got []map[string]any
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0]["path"] != "content/stories/a,b.md" || got[0]["line"] != 7.0 || got[0]["col"] != 15.0 ||
			got[0]["severity"] != "error" || got[0]["message"] != "50% wrong\nreally" {
			t.Errorf("json = %v", got)
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		if err := Write(&bytes.Buffer{}, l, "xml"); err == nil {
			t.Error("no error for an unknown format")
		}
	})
}

func TestStringEscapesControlCharacters(t *testing.T) {
	d := Diagnostic{Path: "content/stories/\x1b[2J\x1b[31mred\nfake.md:1:1: error: x\u202e.md", Line: 2, Col: 3, Severity: Error,
		Message: "slug \"a\" is used by content/stories/\x07bell.md and \u2066b\u2069\u200b"}
	for _, format := range []string{FormatText, FormatGitHub} {
		var b strings.Builder
		if err := Write(&b, List{d}, format); err != nil {
			t.Fatal(err)
		}
		out := strings.TrimSuffix(b.String(), "\n")
		if format == FormatText {
			out = strings.SplitN(out, "\n", 2)[0]
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200b {
				t.Errorf("%s: raw control character %U in %q", format, r, out)
			}
		}
		if !strings.Contains(out, `\x1b[31mred\nfake.md`) || !strings.Contains(out, `\u202e`) {
			t.Errorf("%s: control characters not shown as escapes: %q", format, out)
		}
	}
}
