package content

import "testing"

func TestSingular(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain plural", "principles", "principle"},
		{"ies plural", "categories", "category"},
		{"not a plural", "staff", "staff"},
		{"too short to strip", "s", "s"},
		{"ies alone", "ies", "ie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Singular(tt.in); got != tt.want {
				t.Errorf("Singular(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParam(t *testing.T) {
	for name, want := range map[string]string{"principles": "principle", "sectors": "sector", "categories": "category", "audience": "audience", "qs": "q-term"} {
		t.Run(name, func(t *testing.T) {
			if got := Param(name); got != want {
				t.Errorf("Param(%q) = %q, want %q", name, got, want)
			}
		})
	}
}
