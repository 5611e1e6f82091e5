package e2e

import (
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
)

// RepoRoot returns the folder that holds casebook's go.mod, found by
// walking up from the test's working folder, so tests can build the
// sample site at the repository root.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			strings.Contains(string(data), "module github.com/casebook/casebook\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod of github.com/casebook/casebook above the working folder")
		}
		dir = parent
	}
}

// BuildSite builds the site in src into a new temporary folder and
// returns that folder. args are flags of `casebook build`: -drafts,
// -base-url URL and -no-minify. The test fails on bad arguments, on any
// error diagnostic, and on any build error.
func BuildSite(t testing.TB, src string, args ...string) string {
	t.Helper()
	opts := build.Options{Src: src, Out: filepath.Join(t.TempDir(), "public")}
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&opts.Drafts, "drafts", false, "")
	fs.StringVar(&opts.BaseURL, "base-url", "", "")
	fs.BoolVar(&opts.NoMinify, "no-minify", false, "")
	if err := fs.Parse(args); err != nil {
		t.Fatalf("BuildSite arguments %q: %v", args, err)
	}
	res, err := build.Build(opts)
	if res != nil && res.Diags.HasErrors() {
		var b strings.Builder
		diag.Write(&b, res.Diags, "text")
		t.Fatalf("building %s:\n%s", src, b.String())
	}
	if err != nil {
		t.Fatalf("building %s: %v", src, err)
	}
	return opts.Out
}

// Serve serves the folder dir on 127.0.0.1 until the test ends and returns
// the base URL, with a trailing slash. Folders serve their index.html, and
// a path that names nothing gets the folder's 404.html with status 404.
func Serve(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(NewSiteHandler(dir))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// ServeSite builds the site in src with its base URL set to the URL of a
// new local server, serves the result, and returns the base URL (with a
// trailing slash) and the output folder. args are as for BuildSite.
func ServeSite(t testing.TB, src string, args ...string) (baseURL, dir string) {
	t.Helper()
	h := &siteHandler{}
	srv := httptest.NewUnstartedServer(h)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	baseURL = srv.URL + "/"
	dir = BuildSite(t, src, append([]string{"-base-url", baseURL}, args...)...)
	h.setDir(dir)
	return baseURL, dir
}

// NewSiteHandler returns a handler that serves the built site in dir as
// Serve does.
func NewSiteHandler(dir string) http.Handler {
	h := &siteHandler{}
	h.setDir(dir)
	return h
}

// siteHandler serves a built site; its folder is set once the build that
// needed the server's address has finished.
type siteHandler struct {
	mu  sync.RWMutex
	dir string
}

func (h *siteHandler) setDir(dir string) {
	h.mu.Lock()
	h.dir = dir
	h.mu.Unlock()
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.RLock()
	dir := h.dir
	h.mu.RUnlock()
	if dir == "" {
		http.Error(w, "site not built yet", http.StatusServiceUnavailable)
		return
	}
	name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
	info, err := os.Stat(name)
	if err == nil && info.IsDir() {
		_, err = os.Stat(filepath.Join(name, "index.html"))
	}
	if err != nil {
		notFound, readErr := os.ReadFile(filepath.Join(dir, "404.html"))
		if readErr != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(notFound)
		return
	}
	http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
}
