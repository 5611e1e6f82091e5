package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stamp is what polling compares to notice that a file changed.
type stamp struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
}

// poll scans the tree every PollInterval and reports what differs from the
// previous scan, until ctx is done.
func (w *Watcher) poll(ctx context.Context) {
	prev := w.polled
	ticker := time.NewTicker(w.opts.PollInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		cur := w.scan()
		for rel, s := range cur {
			if old, ok := prev[rel]; !ok || old != s {
				w.add(rel)
			}
		}
		for rel := range prev {
			if _, ok := cur[rel]; !ok {
				w.add(rel)
			}
		}
		prev = cur
	}
}

// scan stamps site.toml and every relevant file and folder under content/
// and themes/. Files that vanish during the scan are left out.
func (w *Watcher) scan() map[string]stamp {
	stamps := map[string]stamp{}
	visit := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, ok := w.rel(p)
		if !ok || !relevant(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		s := stamp{mode: info.Mode()}
		if !info.IsDir() {
			s.size, s.modTime = info.Size(), info.ModTime()
		}
		stamps[rel] = s
		return nil
	}
	if info, err := os.Stat(filepath.Join(w.root, "site.toml")); err == nil {
		stamps["site.toml"] = stamp{size: info.Size(), modTime: info.ModTime(), mode: info.Mode()}
	}
	for _, dir := range []string{"content", "themes"} {
		_ = filepath.WalkDir(filepath.Join(w.root, dir), visit)
	}
	return stamps
}
