package config

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// keyPathPosition finds where the key at path (["languages", "cy",
// "titel"]) is written in data: as a table header, as a key line of the
// table it belongs to, as a dotted key, or inside an inline table. The TOML
// decoder keeps no positions, and searching for the last part alone finds
// the first key of that name in any table. It returns 0, 0 when the key is
// not found.
func keyPathPosition(data []byte, path toml.Key) (line, col int) {
	var table []string
	for i, text := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		if strings.HasPrefix(trimmed, "[") {
			header := strings.Trim(strings.TrimSpace(stripComment(trimmed)), "[]")
			table = splitDotted(header)
			if hasPrefix(table, path) && len(table) == len(path) {
				return i + 1, indent + 1
			}
			continue
		}
		name, value, ok := strings.Cut(trimmed, "=")
		if !ok {
			continue
		}
		full := append(append([]string{}, table...), splitDotted(name)...)
		switch {
		case equal(full, path):
			return i + 1, indent + 1
		case hasPrefix(path, full) && len(path) > len(full):
			// An inline table: look for the next part of the path in it.
			if at := strings.Index(value, path[len(full)]); at >= 0 {
				return i + 1, len(text) - len(value) + at + 1
			}
			return i + 1, indent + 1
		case hasPrefix(full, path):
			// The key is a table written through dotted keys (a.b = 1).
			return i + 1, indent + 1
		}
	}
	return 0, 0
}

// splitDotted splits a TOML key such as `languages . "cy"` into its parts.
func splitDotted(key string) []string {
	var parts []string
	for _, p := range strings.Split(key, ".") {
		parts = append(parts, strings.Trim(strings.TrimSpace(p), `"'`))
	}
	return parts
}

func stripComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

// hasPrefix reports whether key starts with all of prefix.
func hasPrefix(key, prefix []string) bool {
	return len(prefix) <= len(key) && equal(key[:len(prefix)], prefix)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// topmostUndecoded drops the keys whose table is itself undecoded, so
// that an unknown table is one problem, not one per key in it.
func topmostUndecoded(keys []toml.Key) []toml.Key {
	unknown := map[string]bool{}
	for _, k := range keys {
		unknown[k.String()] = true
	}
	var top []toml.Key
	for _, k := range keys {
		covered := false
		for n := 1; n < len(k) && !covered; n++ {
			covered = unknown[k[:n].String()]
		}
		if !covered {
			top = append(top, k)
		}
	}
	return top
}

// KeyPosition finds where the key at path (["nav", "stories"]) is written
// in the TOML text data, as keyPathPosition does for site.toml; other TOML
// files of a site (the i18n string files) use it for their diagnostics.
func KeyPosition(data []byte, path []string) (line, col int) {
	return keyPathPosition(data, toml.Key(path))
}
