package suggest

import "testing"

func TestNearest(t *testing.T) {
	principles := []string{"systems", "emergent", "relationality", "inquiry"}
	tests := []struct {
		name, word string
		candidates []string
		want       string
	}{
		{"dropped letter", "relationalty", principles, "relationality"},
		{"swapped letters", "inquriy", principles, "inquiry"},
		{"british spelling", "enquiry", principles, "inquiry"},
		{"case", "Systems", principles, "systems"},
		{"too far", "banana", principles, ""},
		{"empty candidates", "systems", nil, ""},
		{"front matter key", "principals", []string{"title", "principles", "partners"}, "principles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Nearest(tt.word, tt.candidates); got != tt.want {
				t.Errorf("Nearest(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"ab", "ba", 1}, {"fàilte", "failte", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
