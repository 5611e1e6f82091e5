//go:build !unix

package publish

import (
	"io/fs"
	"os"
)

// writeFile writes data to a new file at name (see write_unix.go).
func writeFile(name string, data []byte, perm uint32) error {
	return os.WriteFile(name, data, fs.FileMode(perm))
}
