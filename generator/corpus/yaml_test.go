package corpus

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestYAMLString(t *testing.T) {
	tests := []struct{ name, in string }{
		{"plain", "Summer holiday support"},
		{"quotes and backslash", `She said "no" \ twice`},
		{"control characters", "a\tb\nc\x00d\x7f"},
		{"unicode", "Glasgow — Bàgh Fhionnlaigh \u2028 \ufeff"},
		{"yaml syntax", "key: [value], # not a comment, &anchor *alias"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			if err := yaml.Unmarshal([]byte(yamlString(tt.in)), &got); err != nil {
				t.Fatal(err)
			}
			if got != tt.in {
				t.Errorf("round trip: got %q, want %q", got, tt.in)
			}
		})
	}
}

func TestYAMLKey(t *testing.T) {
	for _, key := range []string{"inquiry", "local-government", "yes", "null", "2020", "a b", "Off"} {
		t.Run(key, func(t *testing.T) {
			var got []string
			if err := yaml.Unmarshal([]byte(yamlList([]string{key}, yamlKey)), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0] != key {
				t.Errorf("got %q, want [%q]", got, key)
			}
		})
	}
}
