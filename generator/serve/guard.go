package serve

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// guard decides which Host and Origin headers the server answers. Only the
// bound address and loopback names are accepted, which defeats DNS
// rebinding: a hostile page whose domain is made to resolve to 127.0.0.1
// still sends its own domain in Host.
type guard struct {
	host string // bound host, without brackets
	port string
}

func newGuard(addr string) guard {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, "80"
	}
	return guard{host: strings.Trim(host, "[]"), port: port}
}

// allowedHost reports whether a Host header (host or host:port) names this
// server.
func (g guard) allowedHost(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, "80"
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if port != g.port || host == "" {
		return false
	}
	switch host {
	case g.host, "localhost", "127.0.0.1", "::1":
		return true
	}
	// A server bound to every interface is reachable by IP address; an IP
	// literal cannot be rebound, so it is safe to accept.
	if ip := net.ParseIP(g.host); ip != nil && ip.IsUnspecified() {
		return net.ParseIP(host) != nil
	}
	return false
}

// allowedOrigin reports whether a request's Origin, if it has one, is a
// page of this server. Requests without Origin come from the same origin
// or from tools such as curl.
func (g guard) allowedOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return r.Header.Get("Sec-Fetch-Site") != "cross-site"
	}
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.Path != "" && u.Path != "/" {
		return false
	}
	return g.allowedHost(u.Host)
}

// checkHost wraps h, refusing requests for a foreign Host.
func (g guard) checkHost(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !g.allowedHost(r.Host) {
			http.Error(w, "casebook serve answers only requests for "+net.JoinHostPort(g.host, g.port)+" or localhost", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}
