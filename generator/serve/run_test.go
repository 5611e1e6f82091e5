package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/build"
)

// event is one Server-Sent Event.
type event struct{ name, data string }

// stream is an open live-reload connection.
type stream struct {
	events chan event
}

// openStream connects to the live-reload endpoint of the site at base
// until the test ends.
func openStream(t *testing.T, base string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+strings.TrimPrefix(EventsURL, "/"), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		cancel()
		t.Fatalf("event stream: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	st := &stream{events: make(chan event, 100)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(st.events)
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					st.events <- ev
				}
				ev = event{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(func() { cancel(); resp.Body.Close(); <-done })
	return st
}

// next waits for the next event called name, skipping others.
func (st *stream) next(t *testing.T, name string) event {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-st.events:
			if !ok {
				t.Fatalf("the stream ended while waiting for %q", name)
			}
			if ev.name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event within %s", name, wait)
		}
	}
}

// copySite copies site.toml and content/ of the repository's sample site.
func copySite(t *testing.T, to string) {
	t.Helper()
	from := filepath.Join("..", "..")
	for _, top := range []string{"site.toml", "content"} {
		err := filepath.WalkDir(filepath.Join(from, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			write(t, filepath.Join(to, rel), string(data))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// running is a serve.Run in progress.
type running struct {
	url, src, out string
	log           *syncBuffer
}

// syncBuffer is a log safe to write from Run and read from the test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startRun runs serve on a copy of the sample site until the test ends,
// then checks that it stopped cleanly and left no goroutine behind.
func startRun(t *testing.T) *running {
	t.Helper()
	src := t.TempDir()
	copySite(t, src)
	return startRunIn(t, src)
}

// startRunIn is startRun on the site folder src.
func startRunIn(t *testing.T, src string) *running {
	t.Helper()
	before := runtime.NumGoroutine()
	r := &running{src: src, out: filepath.Join(t.TempDir(), "site"), log: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Src: r.src, Addr: "127.0.0.1:0", Out: r.out, Log: r.log, Ready: func(url string) { ready <- url }})
	}()
	select {
	case r.url = <-ready:
	case err := <-done:
		t.Fatalf("Run returned before serving: %v\n%s", err, r.log)
	case <-time.After(wait):
		t.Fatalf("Run did not start within %s\n%s", wait, r.log)
	}
	t.Cleanup(func() {
		http.DefaultClient.CloseIdleConnections()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(wait):
			t.Fatal("Run did not stop")
		}
		waitGoroutines(t, before)
	})
	return r
}

// waitGoroutines fails the test unless the number of goroutines falls back
// to before.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left behind:\n%s", n-before, buf[:runtime.Stack(buf, true)])
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

const storyFile = "content/stories/access-to-family-support.md"

func (r *running) edit(t *testing.T, f func(string) string) {
	t.Helper()
	name := filepath.Join(r.src, storyFile)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	write(t, name, f(string(data)))
}

func TestServeRebuilds(t *testing.T) {
	r := startRun(t)
	page := r.url + "stories/access-to-family-support/"
	st := openStream(t, r.url)
	st.next(t, "hello")

	t.Run("edit shows after reload", func(t *testing.T) {
		r.edit(t, func(s string) string { return s + "\nA sentence the writer just added.\n" })
		st.next(t, "reload")
		if _, body := get(t, page); !strings.Contains(body, "A sentence the writer just added.") {
			t.Errorf("the page does not have the new sentence after the reload event")
		}
		if _, body := get(t, page); !strings.Contains(body, ScriptURL) {
			t.Errorf("served pages lack the live-reload script")
		}
	})
	t.Run("broken story keeps the site and shows the error", func(t *testing.T) {
		r.edit(t, func(s string) string { return strings.Replace(s, "date: 2021-09-14", "date: 14 November 2019", 1) })
		ev := st.next(t, "problems")
		if !strings.Contains(ev.data, storyFile+":4:") {
			t.Errorf("problems %s do not point at %s:4", ev.data, storyFile)
		}
		if status, body := get(t, page); status != 200 || !strings.Contains(body, "A sentence the writer just added.") {
			t.Errorf("the last good page is gone: status %d", status)
		}
		if ev := openStream(t, r.url).next(t, "hello"); !strings.Contains(ev.data, storyFile) {
			t.Errorf("a fresh page load does not get the problems: %s", ev.data)
		}
	})
	t.Run("fix clears the error", func(t *testing.T) {
		r.edit(t, func(s string) string { return strings.Replace(s, "date: 14 November 2019", "date: 2021-09-14", 1) })
		st.next(t, "reload")
		if ev := openStream(t, r.url).next(t, "hello"); strings.Contains(ev.data, storyFile) {
			t.Errorf("the problems remain after the fix: %s", ev.data)
		}
	})
	t.Run("burst of 200 edits ends as a clean build", func(t *testing.T) {
		for i := range 200 {
			r.edit(t, func(s string) string { return s + fmt.Sprintf("\nBurst edit %d.\n", i) })
		}
		clean := filepath.Join(t.TempDir(), "clean")
		res, err := build.Build(build.Options{Src: r.src, Out: clean, BaseURL: r.url, LiveReload: ScriptURL})
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("clean build: %v %v", err, res.Diags)
		}
		want := tree(t, clean)
		deadline := time.Now().Add(wait)
		var diffs []string
		for time.Now().Before(deadline) {
			if diffs = diffTrees(want, tree(t, r.out)); len(diffs) == 0 {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if len(diffs) > 0 {
			t.Errorf("served output differs from a clean build: %v", diffs[:min(5, len(diffs))])
		}
		if n := strings.Count(r.log.String(), "rebuilt ("); n > 50 {
			t.Errorf("200 saves gave %d rebuilds", n)
		}
	})
	t.Run("build output has no live-reload script", func(t *testing.T) {
		clean := filepath.Join(t.TempDir(), "plain")
		if _, err := build.Build(build.Options{Src: r.src, Out: clean}); err != nil {
			t.Fatal(err)
		}
		for name, data := range tree(t, clean) {
			if strings.Contains(data, "_casebook") {
				t.Errorf("%s of a plain build mentions the live-reload script", name)
			}
		}
	})
}

// tree returns every file under dir by relative path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return files
}

// diffTrees lists the files that differ between two trees.
func diffTrees(want, got map[string]string) []string {
	var diffs []string
	for name, data := range want {
		if g, ok := got[name]; !ok || g != data {
			diffs = append(diffs, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	return diffs
}
