package publish

import (
	"os"
	"path/filepath"
)

// WriteFileAtomic replaces the file at path with data: a temporary file in
// the same folder is written and renamed over path, and removed on every
// failure path, so a reader never sees half a file. It does not fsync: a
// crash may lose the new version but never leaves a mix of old and new.
func WriteFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
