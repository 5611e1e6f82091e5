package build

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/render"
)

// stringsDir is the site folder's folder of its own user-interface
// strings, i18n/<code>.toml, laid over the theme's.
const stringsDir = "i18n"

// siteStrings reads and parses the site's strings files. A file that is
// not <code>.toml, or too large, is an error at the file.
func siteStrings(siteFS fs.FS) ([]*i18n.File, diag.List) {
	var diags diag.List
	entries, err := fs.ReadDir(siteFS, stringsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		diags.Errorf(stringsDir, 0, 0, "reading the strings folder: %v", unwrapPath(err))
		return nil, diags
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var files []*i18n.File
	for _, e := range entries {
		p := path.Join(stringsDir, e.Name())
		switch {
		case e.IsDir() || strings.HasPrefix(e.Name(), "."):
			continue
		case !e.Type().IsRegular():
			diags.Errorf(p, 0, 0, "not a regular file: strings files must be plain files named <language>.toml")
			continue
		case path.Ext(p) != ".toml":
			diags.Errorf(p, 0, 0, "strings files are named after their language, such as i18n/cy.toml")
			continue
		}
		if info, err := e.Info(); err == nil && info.Size() > i18n.MaxSize {
			diags.Errorf(p, 0, 0, "strings file of %d bytes is larger than the %d allowed", info.Size(), i18n.MaxSize)
			continue
		}
		data, err := fs.ReadFile(siteFS, p)
		if err != nil {
			diags.Errorf(p, 0, 0, "%v", unwrapPath(err))
			continue
		}
		// A file with errors is still checked for unknown keys, so that
		// every problem shows at once; the build stops at its errors.
		f, d := i18n.Parse(p, data)
		diags.Add(d...)
		files = append(files, f)
	}
	return files, diags
}

// localTheme loads the site's theme (see theme) and lays the site's own
// strings over it; problems with those are added to res.Diags, sorted.
func localTheme(src string, cfg *config.Config, minified bool, res *Result) (*render.Theme, error) {
	th, err := theme(src, cfg, minified)
	var folder *themeFolderError
	if errors.As(err, &folder) {
		// An error at the folder, so that check reports it as build does.
		res.Diags.Errorf(folder.dir, 0, 0, "cannot open the theme folder: %v; a themes folder or theme that is a symlink leading outside the site folder is refused: copy the theme into the site", folder.err)
		res.Diags = res.Diags.Sort()
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	res.Diags.Add(th.Localize(res.strings)...)
	res.Diags = res.Diags.Sort()
	return th, nil
}
