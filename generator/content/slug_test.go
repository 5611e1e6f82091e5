package content

import "testing"

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
