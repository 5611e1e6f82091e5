// Package watch tells when a site's sources change: site.toml and every file
// under content/, themes/ and i18n/. It turns the storm of file-system events an
// editor's save produces into one batch of changed paths per short window,
// and hands batches to a callback one at a time, so a rebuild never runs
// twice at once.
//
// fsnotify is not recursive: every folder is watched on its own, and a new
// folder is walked as soon as it appears, so files created in it before its
// watch was added are reported too. Editors' scratch files (see
// ignoredName) and permission changes are ignored. With Options.Poll the
// tree is instead scanned at an interval, for shared and network folders
// where inotify sees nothing.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Defaults for Options.
const (
	DefaultWindow       = 50 * time.Millisecond
	DefaultPollInterval = 500 * time.Millisecond
)

// Options say what to watch and how.
type Options struct {
	// Root is the site folder.
	Root string
	// Window is how long events are gathered into one batch after the
	// first of them; DefaultWindow when zero.
	Window time.Duration
	// Poll scans the tree every PollInterval instead of using fsnotify.
	Poll         bool
	PollInterval time.Duration
}

// Watcher watches one site. Create it with New, then call Run.
type Watcher struct {
	opts   Options
	root   string
	notify *fsnotify.Watcher // nil when polling
	polled map[string]stamp  // the first scan, when polling

	mu      sync.Mutex
	pending map[string]bool
	kick    chan struct{}
	// errs receives watch problems that do not stop watching.
	errs func(error)
}

// New starts watching the site in opts.Root. Its error explains how to
// raise the system's limit when inotify runs out of watches.
func New(opts Options) (*Watcher, error) {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = DefaultPollInterval
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	w := &Watcher{opts: opts, root: root, pending: map[string]bool{}, kick: make(chan struct{}, 1), errs: func(error) {}}
	if opts.Poll {
		w.polled = w.scan() // changes from now on are reported
		return w, nil
	}
	w.notify, err = fsnotify.NewWatcher()
	if err != nil {
		return nil, explain(err)
	}
	if err := w.notify.Add(root); err != nil {
		w.notify.Close()
		return nil, explain(err)
	}
	for _, dir := range []string{"content", "themes", "i18n"} {
		if _, err := w.addTree(filepath.Join(root, dir)); err != nil {
			w.notify.Close()
			return nil, err
		}
	}
	return w, nil
}

// OnError sets a function that is told about problems that do not stop
// watching, such as a folder that could not be watched. Call it before Run.
func (w *Watcher) OnError(f func(error)) { w.errs = f }

// Run calls changed with every batch of changed site-relative paths
// (slash-separated, sorted) until ctx is done, then releases the watches.
// changed is never called concurrently with itself; events that arrive
// while it runs make up the next batch.
func (w *Watcher) Run(ctx context.Context, changed func(paths []string)) error {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if w.notify != nil {
			w.collect(ctx)
		} else {
			w.poll(ctx)
		}
	}()
	defer func() {
		wg.Wait()
		if w.notify != nil {
			w.notify.Close()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-w.kick:
		}
		timer := time.NewTimer(w.opts.Window)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case <-timer.C:
		}
		if paths := w.take(); len(paths) > 0 {
			changed(paths)
		}
	}
}

// add records a changed path and wakes Run.
func (w *Watcher) add(rel string) {
	w.mu.Lock()
	w.pending[rel] = true
	w.mu.Unlock()
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// take returns and clears the pending paths.
func (w *Watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	paths := make([]string, 0, len(w.pending))
	for p := range w.pending {
		paths = append(paths, p)
	}
	clear(w.pending)
	sort.Strings(paths)
	return paths
}

// collect turns fsnotify events into pending paths until ctx is done.
func (w *Watcher) collect(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.notify.Events:
			if !ok {
				return
			}
			w.event(ev)
		case err, ok := <-w.notify.Errors:
			if !ok {
				return
			}
			// An overflow of the kernel's queue loses events: rebuild
			// as if everything changed.
			w.errs(err)
			w.add("site.toml")
		}
	}
}

func (w *Watcher) event(ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	rel, ok := w.rel(ev.Name)
	if !ok || !relevant(rel) {
		return
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			files, err := w.addTree(ev.Name)
			if err != nil {
				w.errs(err)
			}
			for _, f := range files {
				w.add(f)
			}
		}
	}
	w.add(rel)
}

// rel returns the site-relative, slash-separated form of an absolute path.
func (w *Watcher) rel(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// addTree watches dir and every folder below it that matters, and returns
// the relevant files it found.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone again, or not there yet
			}
			return err
		}
		rel, ok := w.rel(p)
		if !ok || !relevant(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, rel)
			return nil
		}
		if err := w.notify.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return explain(err)
		}
		return nil
	})
	return files, err
}

// explain turns the errors of running out of inotify resources into advice.
func explain(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("watching the site: the system's limit on watched folders (fs.inotify.max_user_watches) is reached (%w); "+
			"raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (add the line fs.inotify.max_user_watches=524288 to /etc/sysctl.conf to keep it), "+
			"or use -poll", err)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("watching the site: the system's limit on inotify instances (fs.inotify.max_user_instances) is reached (%w); "+
			"close other programs that watch files, raise it with `sudo sysctl fs.inotify.max_user_instances=512`, or use -poll", err)
	}
	return fmt.Errorf("watching the site: %w", err)
}
