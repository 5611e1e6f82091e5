package watch

import (
	"fmt"
	"path"
	"strings"
)

// relevant reports whether the site-relative, slash-separated path rel can
// change the built site: site.toml, or anything under content/ or themes/
// (folders included) that is not an editor's scratch file or hidden.
func relevant(rel string) bool {
	if rel == "site.toml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	if top != "content" && top != "themes" {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if ignoredName(part) {
			return false
		}
	}
	return true
}

// ignoredName reports whether a file or folder name is hidden or one of the
// temporary and swap files editors write beside the file being saved:
//
//	4913                  vim's probe for a writable folder
//	*.swp *.swo *.swx     vim swap files
//	*~                    backups of vim, emacs, gedit and others
//	.#*  #*#              emacs lock and auto-save files
//	*___jb_tmp___ *___jb_old___   JetBrains "safe write"
//	.goutputstream-*      gedit and other GLib programs
//	sedXXXXXX             GNU sed -i (six random letters, no extension)
//
// Hidden names (starting with ".") are skipped by the loader too, which
// also covers version-control folders and casebook's own staging folders.
func ignoredName(name string) bool {
	switch {
	case name == "":
		return false
	case name == "4913",
		strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"),
		len(name) == 9 && strings.HasPrefix(name, "sed") && !strings.Contains(name, "."):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx":
		return true
	}
	return false
}

// Describe names a batch of changed paths for a log line: all of them when
// there are three or fewer, else the first two and how many more (a
// renamed folder can report thousands).
func Describe(paths []string) string {
	if len(paths) <= 3 {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:2], ", "), len(paths)-2)
}
