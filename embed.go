// Package casebook holds the files embedded in the casebook binary: the
// built-in theme, so that `go install` users get a working site generator
// with nothing else to download.
package casebook

import (
	"embed"
	"io/fs"
)

//go:embed all:themes/default
var themes embed.FS

// DefaultTheme returns the built-in theme: templates/ and static/.
func DefaultTheme() fs.FS {
	sub, err := fs.Sub(themes, "themes/default")
	if err != nil {
		panic(err) // the embedded folder is fixed at compile time
	}
	return sub
}
