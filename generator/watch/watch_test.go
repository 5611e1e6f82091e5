package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// wait is how long a test waits for an event that must come: generous,
// because the machine may be busy; a passing test never waits that long.
const wait = 10 * time.Second

// recorder runs a Watcher on a site folder and keeps every batch.
type recorder struct {
	t       *testing.T
	root    string
	mu      sync.Mutex
	batches [][]string
	running atomic.Int32
	overlap atomic.Bool
}

// newSite makes a site folder with a story, a term and a theme template.
func newSite(t *testing.T) string {
	root := t.TempDir()
	for name, data := range map[string]string{
		"site.toml":                       "title = \"x\"\n",
		"content/stories/a.md":            "---\ntitle: A\n---\nbody\n",
		"content/principles/inquiry.md":   "---\ntitle: Inquiry\n---\n",
		"themes/mine/templates/base.html": "<html></html>\n",
		"README.md":                       "not part of the site\n",
	} {
		writeFile(t, filepath.Join(root, name), data)
	}
	return root
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// start watches root until the test ends, then checks that Run returned.
func start(t *testing.T, root string, opts Options) *recorder {
	t.Helper()
	opts.Root = root
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	r := &recorder{t: t, root: root}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := w.Run(ctx, r.changed); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(wait):
			t.Error("Run did not return after its context was cancelled")
		}
		if r.overlap.Load() {
			t.Error("the callback ran twice at once")
		}
	})
	return r
}

func (r *recorder) changed(paths []string) {
	if r.running.Add(1) > 1 {
		r.overlap.Store(true)
	}
	defer r.running.Add(-1)
	time.Sleep(5 * time.Millisecond) // a rebuild takes time; overlap would show
	r.mu.Lock()
	r.batches = append(r.batches, paths)
	r.mu.Unlock()
}

// seen returns every path reported so far.
func (r *recorder) seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []string
	for _, b := range r.batches {
		all = append(all, b...)
	}
	return all
}

// waitFor waits until every one of paths has been reported.
func (r *recorder) waitFor(paths ...string) {
	r.t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		all := r.seen()
		missing := slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return slices.Contains(all, p) })
		if len(missing) == 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	r.t.Fatalf("not reported within %s: %v (reported: %v)", wait, paths, r.seen())
}

// settle writes a marker change and waits for it, so that every event of
// earlier operations has been delivered.
func (r *recorder) settle() {
	r.t.Helper()
	name := fmt.Sprintf("content/stories/settle-%d.md", time.Now().UnixNano())
	writeFile(r.t, filepath.Join(r.root, name), "x")
	r.waitFor(name)
}

// noneIgnored fails when an editor's scratch file or a file outside the
// site's sources was reported.
func (r *recorder) noneIgnored() {
	r.t.Helper()
	for _, p := range r.seen() {
		for _, part := range strings.Split(p, "/") {
			if ignoredName(part) {
				r.t.Errorf("reported an ignored file: %s", p)
			}
		}
		if p == "README.md" {
			r.t.Errorf("reported a file outside site.toml, content/ and themes/: %s", p)
		}
	}
}

func TestEditorSaves(t *testing.T) {
	const story = "content/stories/a.md"
	saves := []struct {
		name string
		save func(t *testing.T, path string)
	}{
		{"write in place", func(t *testing.T, p string) {
			f, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt([]byte("---\ntitle: B"), 0); err != nil {
				t.Fatal(err)
			}
		}},
		{"truncate then write", func(t *testing.T, p string) { writeFile(t, p, "---\ntitle: New\n---\n") }},
		{"vim", func(t *testing.T, p string) {
			dir := filepath.Dir(p)
			writeFile(t, filepath.Join(dir, ".a.md.swp"), "swap")
			writeFile(t, filepath.Join(dir, "4913"), "")
			os.Remove(filepath.Join(dir, "4913"))
			mustRename(t, p, p+"~")
			writeFile(t, p, "---\ntitle: Vim\n---\n")
			os.Remove(p + "~")
			os.Remove(filepath.Join(dir, ".a.md.swp"))
		}},
		{"vs code", func(t *testing.T, p string) {
			tmp := filepath.Join(filepath.Dir(p), ".a.md.vscode-tmp")
			writeFile(t, tmp, "---\ntitle: Code\n---\n")
			mustRename(t, tmp, p)
		}},
		{"jetbrains safe write", func(t *testing.T, p string) {
			writeFile(t, p+"___jb_tmp___", "---\ntitle: JB\n---\n")
			mustRename(t, p, p+"___jb_old___")
			mustRename(t, p+"___jb_tmp___", p)
			os.Remove(p + "___jb_old___")
		}},
		{"emacs", func(t *testing.T, p string) {
			dir := filepath.Dir(p)
			if err := os.Symlink("user@host.1234:1", filepath.Join(dir, ".#a.md")); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "#a.md#"), "autosave")
			mustRename(t, p, p+"~")
			writeFile(t, p, "---\ntitle: Emacs\n---\n")
			os.Remove(filepath.Join(dir, "#a.md#"))
			os.Remove(filepath.Join(dir, ".#a.md"))
		}},
		{"gedit", func(t *testing.T, p string) {
			tmp := filepath.Join(filepath.Dir(p), ".goutputstream-ABC123")
			writeFile(t, tmp, "---\ntitle: Gedit\n---\n")
			mustRename(t, tmp, p)
		}},
	}
	for _, poll := range []bool{false, true} {
		for _, tc := range saves {
			t.Run(fmt.Sprintf("%s/poll=%t", tc.name, poll), func(t *testing.T) {
				root := newSite(t)
				r := start(t, root, Options{Poll: poll, PollInterval: 50 * time.Millisecond})
				tc.save(t, filepath.Join(root, story))
				r.waitFor(story)
				r.settle()
				r.noneIgnored()
			})
		}
	}
}

func mustRename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func TestTreeChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, root string)
		want   []string
	}{
		{"new story", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "content/stories/b.md"), "x")
		}, []string{"content/stories/b.md"}},
		{"deleted story", func(t *testing.T, root string) {
			os.Remove(filepath.Join(root, "content/stories/a.md"))
		}, []string{"content/stories/a.md"}},
		{"renamed story", func(t *testing.T, root string) {
			mustRename(t, filepath.Join(root, "content/stories/a.md"), filepath.Join(root, "content/stories/c.md"))
		}, []string{"content/stories/a.md", "content/stories/c.md"}},
		{"new folder with files made at once", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "content/stories/bundle/deep/index.md"), "x")
			writeFile(t, filepath.Join(root, "content/stories/bundle/deep/photo.jpg"), "x")
		}, []string{"content/stories/bundle/deep/index.md", "content/stories/bundle/deep/photo.jpg"}},
		{"deleted folder", func(t *testing.T, root string) {
			os.RemoveAll(filepath.Join(root, "content/principles"))
		}, []string{"content/principles/inquiry.md"}},
		{"new template", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "themes/mine/templates/story.html"), "x")
		}, []string{"themes/mine/templates/story.html"}},
		{"edited template", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "themes/mine/templates/base.html"), "y")
		}, []string{"themes/mine/templates/base.html"}},
		{"site.toml", func(t *testing.T, root string) {
			writeFile(t, filepath.Join(root, "site.toml"), "title = \"y\"\n")
		}, []string{"site.toml"}},
		{"content folder made after start", func(t *testing.T, root string) {
			os.RemoveAll(filepath.Join(root, "content"))
			writeFile(t, filepath.Join(root, "content/pages/about.md"), "x")
		}, []string{"content/pages/about.md"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := newSite(t)
			r := start(t, root, Options{})
			writeFile(t, filepath.Join(root, "README.md"), "changed, but not part of the site")
			tc.change(t, root)
			r.waitFor(tc.want...)
			r.settle()
			r.noneIgnored()
		})
	}
}

// TestMovedFolderStaysWatched checks that files in a folder that was
// renamed, and in a folder made after the watch began, are still watched.
func TestMovedFolderStaysWatched(t *testing.T) {
	root := newSite(t)
	r := start(t, root, Options{})
	writeFile(t, filepath.Join(root, "content/stories/group/x.md"), "1")
	r.waitFor("content/stories/group/x.md")
	mustRename(t, filepath.Join(root, "content/stories/group"), filepath.Join(root, "content/stories/moved"))
	r.waitFor("content/stories/moved")
	writeFile(t, filepath.Join(root, "content/stories/moved/x.md"), "2")
	r.waitFor("content/stories/moved/x.md")
}

func TestBurstIsBatched(t *testing.T) {
	root := newSite(t)
	r := start(t, root, Options{})
	story := filepath.Join(root, "content/stories/a.md")
	for i := range 200 {
		writeFile(t, story, fmt.Sprintf("edit %d", i))
	}
	r.waitFor("content/stories/a.md")
	r.settle()
	r.mu.Lock()
	n := len(r.batches)
	r.mu.Unlock()
	// Counting, not timing: 200 saves must not give anything like 200
	// rebuilds, however slowly the machine runs them.
	if n > 20 {
		t.Errorf("200 saves gave %d batches", n)
	}
}

func TestRunLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, poll := range []bool{false, true} {
		w, err := New(Options{Root: newSite(t), Poll: poll})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); w.Run(ctx, func([]string) {}) }()
		time.Sleep(20 * time.Millisecond)
		cancel()
		<-done
	}
	deadline := time.Now().Add(wait)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"watch limit", syscall.ENOSPC, "fs.inotify.max_user_watches"},
		{"instance limit", syscall.EMFILE, "fs.inotify.max_user_instances"},
		{"other", syscall.EACCES, "watching the site"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := explain(fmt.Errorf("add: %w", tc.err)).Error()
			if !strings.Contains(got, tc.want) || tc.err != syscall.EACCES && !strings.Contains(got, "-poll") {
				t.Errorf("explain(%v) = %q, want it to mention %q and -poll", tc.err, got, tc.want)
			}
		})
	}
}
