package serve

import (
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

// hello is the first event of every stream: the build the server is at and
// the problems of the last rebuild, if it failed.
type hello struct {
	Version  int      `json:"version"`
	Problems []string `json:"problems"`
}

// events streams Server-Sent Events to one page: "hello" on connecting,
// "reload" after every good rebuild, "problems" after a failed one.
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
	data, _ := json.Marshal(hello{Version: s.version, Problems: s.diags})
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

// liveJS reloads the page after a good rebuild and shows every problem of
// a failed one in an overlay. Problems are inserted as text, never as
// markup: they quote contributors' files.
const liveJS = `(function () {
  "use strict";
  var loaded = VERSION;
  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "casebook-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;" +
      "background:#fff;color:#1a1a1a;border-bottom:6px solid #b00020;padding:1rem 1.5rem;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.3)";
    var h = document.createElement("h2");
    h.textContent = "The site could not be rebuilt";
    h.style.cssText = "margin:0 0 .5rem;font-size:1.25rem;color:#b00020";
    var p = document.createElement("p");
    p.textContent = "You are seeing the last good version. Fix these problems and save; the page reloads by itself.";
    p.style.margin = "0 0 .5rem";
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.25rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
    problems.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.cssText = "margin-top:.75rem;font:inherit;padding:.25rem .75rem";
    close.addEventListener("click", hide);
    overlay.append(h, p, list, close);
    document.body.appendChild(overlay);
  }
  var source = new EventSource(EVENTS);
  source.addEventListener("hello", function (e) {
    var state = JSON.parse(e.data);
    if (state.version !== loaded) { location.reload(); return; }
    if (state.problems && state.problems.length) { show(state.problems); } else { hide(); }
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
})();
`
