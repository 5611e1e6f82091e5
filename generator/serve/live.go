package serve

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The server's own URLs, outside any site's paths.
const (
	ScriptURL = "/_casebook/live.js"
	EventsURL = "/_casebook/events"
)

// keepAlive is how often an idle event stream sends a comment, so proxies
// and browsers do not time it out.
const keepAlive = 20 * time.Second

// hello is the first event of every stream: the build the server is at,
// the problems of the last rebuild, if it failed, and its warnings.
type hello struct {
	Version  int      `json:"version"`
	Problems []string `json:"problems"`
	Warnings []string `json:"warnings"`
}

// events streams Server-Sent Events to one page: "hello" on connecting,
// "reload" after every good rebuild, "problems" after a failed one,
// "warnings" when the warnings changed.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if !s.guard.allowedOrigin(r) {
		http.Error(w, "live reload answers only pages of this server", http.StatusForbidden)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	rc := http.NewResponseController(w)

	ch, first := s.subscribe()
	defer s.unsubscribe(ch)
	send := func(msg string) bool {
		if _, err := fmt.Fprint(w, msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(first) {
		return
	}
	ticker := time.NewTicker(keepAlive)
	defer ticker.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case msg := <-ch:
			if !send(msg) {
				return
			}
		case <-ticker.C:
			if !send(": keep-alive\n\n") {
				return
			}
		}
	}
}

// subscribe registers a stream and returns its channel and hello event.
func (s *Server) subscribe() (chan string, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan string, 8)
	s.clients[ch] = struct{}{}
	data, _ := json.Marshal(hello{Version: s.version, Problems: s.diags, Warnings: s.warnings})
	return ch, sse("hello", string(data))
}

func (s *Server) unsubscribe(ch chan string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, ch)
}

// broadcast queues msg for every stream. A stream whose queue is full is
// far behind; it misses the message, and its page catches up from the
// next one (every message carries the whole state).
func (s *Server) broadcast(msg string) {
	for ch := range s.clients {
		select {
		case ch <- msg:
		default:
		}
	}
}

// sse formats one event; data must not hold newlines (JSON has none).
func sse(event, data string) string {
	return "event: " + event + "\ndata: " + data + "\n\n"
}

// script serves the live-reload script with the current build number in
// it, so a page that connects after a rebuild it missed reloads at once.
func (s *Server) script(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	version := s.version
	s.mu.Unlock()
	js := strings.NewReplacer("VERSION", strconv.Itoa(version), "EVENTS", strconv.Quote(EventsURL)).Replace(liveJS)
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write([]byte(js))
}

// liveJS reloads the page after a good rebuild, shows the problems of a
// failed one in an overlay and the warnings of the last build in a panel.
//
//go:embed live.js
var liveJS string
