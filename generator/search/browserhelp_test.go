package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/casebook/casebook/generator/e2e"
)

// textServer serves a built site, records the requests for search/x/
// files, and may strip their Range header, as a server that ignores
// Range does.
type textServer struct {
	url  string
	mu   sync.Mutex
	seen []textRequest
}

type textRequest struct {
	path, rng string
	status    int
}

func newTextServer(t *testing.T, dir string, honour bool) *textServer {
	s := &textServer{}
	site := e2e.NewSiteHandler(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A cached answer would hide the requests.
		w.Header().Set("Cache-Control", "no-store")
		if !strings.HasPrefix(r.URL.Path, "/search/x/") {
			site.ServeHTTP(w, r)
			return
		}
		req := textRequest{path: r.URL.Path, rng: r.Header.Get("Range")}
		if !honour {
			r.Header.Del("Range")
		}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		site.ServeHTTP(rec, r)
		req.status = rec.status
		s.mu.Lock()
		s.seen = append(s.seen, req)
		s.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL + "/"
	return s
}

// check checks the text requests since the last check: all asked for a
// range, with the index's version; a server that honours Range answered
// each with part of the file, one that ignores it each group whole, once.
func (s *textServer) check(t *testing.T, honour bool) {
	t.Helper()
	s.mu.Lock()
	seen := s.seen
	s.seen = nil
	s.mu.Unlock()
	if len(seen) == 0 {
		t.Fatal("no text was fetched")
	}
	groups := map[string]int{}
	for _, r := range seen {
		groups[r.path]++
		if !strings.HasPrefix(r.rng, "bytes=") || !strings.HasSuffix(r.path, ".txt") {
			t.Errorf("%s fetched with Range %q", r.path, r.rng)
		}
		if want := map[bool]int{true: http.StatusPartialContent, false: http.StatusOK}[honour]; r.status != want {
			t.Errorf("%s (Range %q) answered %d, want %d", r.path, r.rng, r.status, want)
		}
	}
	for path, n := range groups {
		if !honour && n != 1 {
			t.Errorf("%s fetched whole %d times, want once", path, n)
		}
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// builtTexts returns every story's text as the index files under dir
// place it: bytes "x" of its d/ chunk entry in its group's x/ file.
func builtTexts(t *testing.T, dir string) []string {
	t.Helper()
	var man struct {
		N     int `json:"n"`
		Chunk int `json:"chunk"`
		Group int `json:"xg"`
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if err := json.Unmarshal(read("index.json"), &man); err != nil {
		t.Fatal(err)
	}
	var out []string
	for id := range man.N {
		var chunk []struct {
			X [2]int `json:"x"`
		}
		if err := json.Unmarshal(read(fmt.Sprintf("d/%d.json", id/man.Chunk)), &chunk); err != nil {
			t.Fatal(err)
		}
		x := chunk[id%man.Chunk].X
		out = append(out, string(read(fmt.Sprintf("x/%d.txt", id/man.Group))[x[0]:x[0]+x[1]]))
	}
	return out
}

func containsFold(list []string, want string) bool {
	for _, s := range list {
		if strings.EqualFold(s, want) {
			return true
		}
	}
	return false
}

// countOf returns the number at the start of the status line.
func countOf(t *testing.T, ctx context.Context) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`parseInt(document.querySelector(".search-status").textContent, 10) || 0`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func waitStatusChange(t *testing.T, ctx context.Context, from int) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](`(parseInt(document.querySelector(".search-status").textContent, 10) || 0) !== `+itoa(from))); err != nil {
		t.Fatalf("the count stayed %d: %v", from, err)
	}
}

// tabTo presses Tab until cond is true, at most 60 times.
func tabTo(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	for range 60 {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatalf("Tab never reached %s", cond)
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, s := range list {
			found = found || s == w
		}
		if !found {
			return false
		}
	}
	return true
}

func containsSuffix(list []string, suffix string) bool {
	for _, s := range list {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
