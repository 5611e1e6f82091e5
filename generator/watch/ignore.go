package watch

import (
	"fmt"
	"strings"

	"github.com/casebook/casebook/generator/load"
)

// relevant reports whether the site-relative, slash-separated path rel can
// change the built site: site.toml, or anything under content/, themes/ or
// i18n/ (the site's own strings; folders included) that is not an editor's scratch file or hidden.
func relevant(rel string) bool {
	if rel == "site.toml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	if top != "content" && top != "themes" && top != "i18n" {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if ignoredName(part) {
			return false
		}
	}
	return true
}

// ignoredName is the loader's rule, so that watch reacts to exactly the
// files a build reads.
func ignoredName(name string) bool { return load.IgnoredName(name) }

// Describe names a batch of changed paths for a log line: all of them when
// there are three or fewer, else the first two and how many more (a
// renamed folder can report thousands).
func Describe(paths []string) string {
	if len(paths) <= 3 {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:2], ", "), len(paths)-2)
}
