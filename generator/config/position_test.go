package config

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestKeyPathPosition(t *testing.T) {
	data := []byte(`title = "T"
taxonomies = ["a"]

[languages.cy]
title = "Llyfr"
  titel = "typo"

[languages.gd]
description = "x"
titel = "typo too"

[cms]
repo = "o/n"
extra = { branchh = "main" }
style.logo = "x"
`)
	tests := []struct {
		path      toml.Key
		line, col int
	}{
		{toml.Key{"title"}, 1, 1},
		{toml.Key{"languages", "cy", "titel"}, 6, 3},
		{toml.Key{"languages", "gd", "titel"}, 10, 1},
		{toml.Key{"languages", "gd"}, 8, 1},
		{toml.Key{"cms", "extra", "branchh"}, 14, 11},
		{toml.Key{"cms", "style"}, 15, 1},
		{toml.Key{"nowhere"}, 0, 0},
	}
	for _, tt := range tests {
		if line, col := keyPathPosition(data, tt.path); line != tt.line || col != tt.col {
			t.Errorf("keyPathPosition(%v) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
}
