package build

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/render"
)

// themeCache keeps a Builder's theme, parsed, minified and with the
// site's strings laid over it, while none of what it was made from
// changed: loading it is about a fifth of a rebuild after a retag.
type themeCache struct {
	key   uint64
	th    *render.Theme
	diags diag.List
}

// theme is localTheme, taken from the cache while the theme's folder, the
// site's strings and the settings that choose them are as they were.
func (b *Builder) theme(cfg *config.Config, res *Result) (*render.Theme, error) {
	minified := !b.opts.NoMinify
	if b.once {
		return localTheme(b.opts.Src, cfg, minified, res)
	}
	key, ok := themeKey(b.opts.Src, cfg, minified, res)
	if c := b.caches.theme; ok && c != nil && c.key == key {
		res.Diags.Add(c.diags...)
		res.Diags = res.Diags.Sort()
		return c.th, nil
	}
	b.caches.theme = nil
	own := &Result{strings: res.strings}
	th, err := localTheme(b.opts.Src, cfg, minified, own)
	res.Diags.Add(own.Diags...)
	res.Diags = res.Diags.Sort()
	if ok && err == nil && th != nil {
		b.caches.theme = &themeCache{key: key, th: th, diags: own.Diags}
	}
	return th, err
}

// themeKey fingerprints what the theme is made from: its name, whether it
// is minified, every file of the site's theme folder and the site's
// strings. ok is false when the folder cannot be read; the theme is then
// loaded afresh, which reports why.
func themeKey(src string, cfg *config.Config, minified bool, res *Result) (key uint64, ok bool) {
	var h maphash.Hash
	h.SetSeed(themeSeed)
	fmt.Fprintf(&h, "%s\x00%v\x00", cfg.Theme, minified)
	for _, f := range res.strings {
		fmt.Fprintf(&h, "%s\x00%v\x00", f.Path, f.Msgs)
	}
	site, err := os.OpenRoot(src)
	if err != nil {
		return 0, false
	}
	defer site.Close()
	root, err := site.OpenRoot(path.Join("themes", cfg.Theme))
	if errors.Is(err, fs.ErrNotExist) {
		return h.Sum64(), true
	}
	if err != nil {
		return 0, false
	}
	defer root.Close()
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&h, "%s\x00%v\x00", p, d.Type())
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(root.FS(), p)
		if err != nil {
			return err
		}
		fmt.Fprintf(&h, "%d\x00", len(data))
		h.Write(data)
		return nil
	})
	return h.Sum64(), err == nil
}

var themeSeed = maphash.MakeSeed()
