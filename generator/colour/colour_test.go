package colour

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
	}{
		{"#0b5ea8", "#0b5ea8"},
		{"#0B5EA8", "#0b5ea8"},
		{"0b5ea8", ""},
		{"#fff", ""},
		{"blue", ""},
		{"#0b5ea8 ", ""},
		{"#0b5eag", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := Parse(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("Parse(%q) = %v, want an error", tt.in, c)
				}
				return
			}
			if err != nil || c.String() != tt.want {
				t.Fatalf("Parse(%q) = %v, %v, want %s", tt.in, c, err, tt.want)
			}
		})
	}
}

func TestContrast(t *testing.T) {
	black, white := RGB{}, RGB{255, 255, 255}
	if got := Contrast(black, white); got < 20.99 || got > 21.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	if got := Contrast(white, white); got != 1 {
		t.Errorf("white on white = %.2f, want 1", got)
	}
	// #767676 is the lightest grey that passes AA on white (4.54:1).
	grey, _ := Parse("#767676")
	if got := Contrast(grey, white); got < AA || got > 4.6 {
		t.Errorf("#767676 on white = %.2f, want 4.54", got)
	}
	light, _ := Parse("#777777")
	if got := Contrast(light, white); got >= AA {
		t.Errorf("#777777 on white = %.2f, want below AA", got)
	}
}

func TestOnDark(t *testing.T) {
	for _, s := range []string{"#0b5ea8", "#000000", "#7a2e8c", "#9a4806", "#ffffff"} {
		c, _ := Parse(s)
		d := c.OnDark()
		if Contrast(d, Dark) < AA {
			t.Errorf("OnDark(%s) = %s, contrast %.2f on the dark surface", s, d, Contrast(d, Dark))
		}
	}
	pale, _ := Parse("#9cb6ff")
	if got := pale.OnDark(); got != pale {
		t.Errorf("OnDark(%s) = %s, want it unchanged: it already passes", pale, got)
	}
}
