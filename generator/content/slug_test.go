package content

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Summer holiday support", "summer-holiday-support"},
		{"accents", "Dùn Èideann", "dun-eideann"},
		{"apostrophe", "Children's panel", "childrens-panel"},
		{"curly apostrophe", "Children’s panel", "childrens-panel"},
		{"punctuation runs", "  A -- B!!  C  ", "a-b-c"},
		{"letters without a decomposition", "Straße Øresund Æsir Łódź", "strasse-oresund-aesir-lodz"},
		{"capital sharp s", "GROẞE", "grosse"},
		{"digits", "2019: the year", "2019-the-year"},
		{"nothing usable", "!!!", "story"},
		{"empty", "", "story"},
		{"non-latin script", "Ελληνικά", "story"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slugify(tt.in); got != tt.want {
				t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTrimSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"short-slug", "short-slug"},
		{strings.Repeat("a", 150), strings.Repeat("a", 100)},
		{strings.Repeat("abc-", 30), strings.Repeat("abc-", 24) + "abc"},
		{strings.Repeat("x", 99) + "-yyyy", strings.Repeat("x", 99)},
	}
	for _, tt := range tests {
		got := TrimSlug(tt.in)
		if got != tt.want || len(got) > MaxSlugLength {
			t.Errorf("TrimSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
