package render

import (
	"strconv"
	"strings"
	"testing"
)

// TestLegend checks that the legend's ranges cover every count exactly
// once and that each count's level is the level of the range holding it.
func TestLegend(t *testing.T) {
	tests := []struct {
		max  int
		want string
	}{
		{0, "0: a gap"},
		{1, "0: a gap|1"},
		{2, "0: a gap|1|2"},
		{5, "0: a gap|1|2|3|4–5"},
		{19, "0: a gap|1–4|5–9|10–14|15–19"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.max), func(t *testing.T) {
			items := legend(tt.max, 0, "0: a gap")
			var texts []string
			for _, it := range items {
				texts = append(texts, it.Text)
			}
			if got := strings.Join(texts, "|"); got != tt.want {
				t.Fatalf("legend(%d) = %q, want %q", tt.max, got, tt.want)
			}
			for count := 1; count <= tt.max; count++ {
				level := (count*heatLevelsMax + tt.max - 1) / tt.max
				holders := 0
				for _, it := range items[1:] {
					lo, hi, _ := strings.Cut(it.Text, "–")
					if hi == "" {
						hi = lo
					}
					l, _ := strconv.Atoi(lo)
					h, _ := strconv.Atoi(hi)
					if count >= l && count <= h {
						holders++
						if it.Level != level {
							t.Errorf("count %d has level %d, its legend range %q level %d", count, level, it.Text, it.Level)
						}
					}
				}
				if holders != 1 {
					t.Errorf("count %d is in %d legend ranges, want 1", count, holders)
				}
			}
		})
	}
}
