package watch

import "testing"

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"story.md", false},
		{"photo.jpg", false},
		{"4913", true},
		{".story.md.swp", true},
		{"story.md.swx", true},
		{"story.md~", true},
		{".#story.md", true},
		{"#story.md#", true},
		{"story.md___jb_tmp___", true},
		{"story.md___jb_old___", true},
		{".goutputstream-XYZ", true},
		{"sedXZ7wPX", true},
		{"sediments.md", false},
		{".git", true},
		{"#hashtag.md", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ignoredName(tc.name); got != tc.want {
				t.Errorf("ignoredName(%q) = %t, want %t", tc.name, got, tc.want)
			}
		})
	}
}

func TestRelevant(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"site.toml", true},
		{"content", true},
		{"content/stories/a.md", true},
		{"themes/mine/templates/base.html", true},
		{"i18n/cy.toml", true},
		{"public/index.html", false},
		{"README.md", false},
		{"content/stories/.a.md.swp", false},
		{"content/.git/config", false},
		{"contents/a.md", false},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			if got := relevant(tc.path); got != tc.want {
				t.Errorf("relevant(%q) = %t, want %t", tc.path, got, tc.want)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		paths []string
		want  string
	}{
		{[]string{"site.toml"}, "site.toml"},
		{[]string{"a.md", "b.md", "c.md"}, "a.md, b.md, c.md"},
		{[]string{"a.md", "b.md", "c.md", "d.md"}, "a.md, b.md and 2 more"},
	} {
		if got := Describe(c.paths); got != c.want {
			t.Errorf("Describe(%q) = %q, want %q", c.paths, got, c.want)
		}
	}
}
