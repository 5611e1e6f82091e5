package build

import (
	"io"
	"os"
	"path/filepath"

	"github.com/casebook/casebook/generator/publish"
)

// maxPrevious is the largest file read back from the last build's
// output; social cards are a few tens of kilobytes.
const maxPrevious = 1 << 20

// previousOutput opens the output folder of the last build, when out is
// one that casebook wrote, so that render can keep files that would come
// out the same (render.Options.Previous). The reader never leaves out,
// whatever symlinks the folder holds. close must be called when the
// build is done; both are nil when there is nothing to read.
func previousOutput(out string) (read func(path string) []byte, close func()) {
	root, err := os.OpenRoot(out)
	if err != nil {
		return nil, nil
	}
	if info, err := root.Lstat(publish.Marker); err != nil || !info.Mode().IsRegular() {
		root.Close()
		return nil, nil
	}
	read = func(p string) []byte {
		f, err := root.Open(filepath.FromSlash(p))
		if err != nil {
			return nil
		}
		defer f.Close()
		if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() > maxPrevious {
			return nil
		}
		data, err := io.ReadAll(io.LimitReader(f, maxPrevious))
		if err != nil {
			return nil
		}
		return data
	}
	return read, func() { root.Close() }
}
