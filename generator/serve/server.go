// Package serve is casebook's local preview server: it serves a built site
// from its output folder, tells open pages to reload after every good
// rebuild over Server-Sent Events, and shows the problems of a failed one in
// an overlay while the last good site stays up. The warnings of the last
// build show in a panel that opens to list them.
//
// It is safe by default: requests for a Host other than the bound address or
// localhost are refused (DNS rebinding), the event stream refuses foreign
// Origins, and no request can reach a file outside the site folder, whether
// by encoded "..", backslashes or symlinks.
//
// Run ties it to a build.Builder and a watch.Watcher; Server is the HTTP
// part on its own.
package serve

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"sync"
)

// Server serves one output folder with live reload.
type Server struct {
	root  string
	guard guard
	// scriptURL is the live-reload script's URL.
	scriptURL string

	mu      sync.Mutex
	version int      // counts good builds
	diags   []string // problems of the last build; nil when it was good
	// warnings are the warnings of the last build, good or not.
	warnings []string
	clients  map[chan string]struct{}
	done     chan struct{}
	closed   bool
}

// NewServer returns a Server for the output folder dir, answering requests
// addressed to addr (host:port, as bound).
func NewServer(dir, addr string) *Server {
	return &Server{root: dir, guard: newGuard(addr), scriptURL: ScriptURL, version: 1,
		clients: map[chan string]struct{}{}, done: make(chan struct{})}
}

// Handler returns the HTTP handler of the server. It dispatches by hand
// rather than through http.ServeMux, which would answer unclean paths such
// as "/../x" with a redirect instead of the site's 404 page.
func (s *Server) Handler() http.Handler {
	return s.guard.checkHost(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == ScriptURL && r.Method == http.MethodGet:
			s.script(w, r)
		case r.URL.Path == EventsURL && r.Method == http.MethodGet:
			s.events(w, r)
		default:
			s.serveFile(w, r)
		}
	}))
}

// Succeeded records a good rebuild: problems are cleared and every page
// reloads.
func (s *Server) Succeeded() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.diags = nil
	s.broadcast(sse("reload", strconv.Itoa(s.version)))
}

// Failed records a failed rebuild: every page shows problems, one
// "file:line:col: message" each, until the next good one.
func (s *Server) Failed(problems []string) {
	if problems == nil {
		problems = []string{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.diags = problems
	data, _ := json.Marshal(problems)
	s.broadcast(sse("problems", string(data)))
}

// Warned records the warnings of the last build, one
// "file:line:col: warning: message" each, and tells every page when they
// changed: a rebuild that writes nothing new reloads no page.
func (s *Server) Warned(warnings []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Equal(s.warnings, warnings) {
		return
	}
	s.warnings = slices.Clone(warnings)
	data, _ := json.Marshal(s.warnings)
	s.broadcast(sse("warnings", string(data)))
}

// Close ends every event stream, so that http.Server.Shutdown does not wait
// for them. It is safe to call more than once.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
}

func (s *Server) dir() string { return s.root }

// problems returns the problems of the last build, nil when it was good.
func (s *Server) problems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.diags
}
