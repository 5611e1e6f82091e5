// Package themeexport copies a theme's files into a site's themes/NAME
// folder, for `casebook theme export`: a team starts its own theme from
// a copy of the built-in one and changes what it likes. The copy is made
// in a staging folder beside the target and renamed into place, so a
// failure leaves nothing half written, and an existing theme folder is
// never touched.
package themeexport

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// ErrExists is returned when themes/NAME already exists.
var ErrExists = errors.New("the theme folder already exists")

// namePattern is what a theme name may be: one folder name, safe in a
// URL, a TOML string and on every file system.
var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidName reports whether name may name a theme folder, and why not.
func ValidName(name string) error {
	if !namePattern.MatchString(name) {
		return fmt.Errorf("theme name %q: use 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit, such as my-theme", name)
	}
	return nil
}

// Export copies every regular file of theme into site/themes/name and
// returns the paths written, relative to site, with '/'. site must hold
// site.toml; themes/ and themes/name must not be symbolic links, and
// themes/name must not exist.
func Export(site, name string, theme fs.FS) (written []string, err error) {
	if err := ValidName(name); err != nil {
		return nil, err
	}
	if info, err := os.Stat(filepath.Join(site, "site.toml")); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s holds no site.toml: run theme export in a site folder, or give it with -src", site)
	}
	themes := filepath.Join(site, "themes")
	info, lerr := os.Lstat(themes)
	switch {
	case lerr == nil && !info.IsDir():
		return nil, fmt.Errorf("%s is not a folder", filepath.ToSlash(themes))
	case errors.Is(lerr, fs.ErrNotExist):
		if err := os.Mkdir(themes, 0o755); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				os.Remove(themes) // made here: leave the site as it was
			}
		}()
	case lerr != nil:
		return nil, lerr
	}
	target := filepath.Join(themes, name)
	if _, err := os.Lstat(target); err == nil {
		return nil, fmt.Errorf("%w: themes/%s; choose another name, or remove it first", ErrExists, name)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	stage, err := os.MkdirTemp(themes, "."+name+"-export-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stage) // gone after the rename; only a failed copy leaves it
	written, err = copyTree(theme, stage)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		return nil, err
	}
	if err := os.Rename(stage, target); err != nil {
		return nil, err
	}
	for i, p := range written {
		written[i] = "themes/" + name + "/" + p
	}
	return written, nil
}

// copyTree writes every regular file of fsys under dir, in the order
// fs.WalkDir visits them, and returns their paths.
func copyTree(fsys fs.FS, dir string) ([]string, error) {
	var written []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			if p == "." {
				return nil
			}
			return os.Mkdir(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		written = append(written, p)
		return nil
	})
	return written, err
}
