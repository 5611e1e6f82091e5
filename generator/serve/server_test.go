package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wait bounds every wait for something that must happen: generous, since
// the machine may be busy; a passing test never waits that long.
const wait = 30 * time.Second

// testSite is a small built site with a file outside it and symlinks that
// try to reach that file.
func testSite(t *testing.T) (dir string) {
	t.Helper()
	parent := t.TempDir()
	dir = filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":        "<!doctype html><title>home</title>",
		"404.html":          "<!doctype html><title>not here</title>",
		"sub/index.html":    "<!doctype html><title>sub</title>",
		"style.css":         "body{}",
		"site.js":           "1",
		"feed.xml":          "<feed/>",
		"sitemap.xml":       "<urlset/>",
		"robots.txt":        "User-agent: *",
		"search/index.json": "{}",
		"img/photo.png":     "\x89PNG\r\n",
		"img/drawing.svg":   "<svg/>",
	}
	for name, data := range files {
		write(t, filepath.Join(dir, name), data)
	}
	write(t, filepath.Join(parent, "secret.txt"), "SECRET")
	if err := os.Symlink("../secret.txt", filepath.Join(dir, "link.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "up")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startServer serves dir on 127.0.0.1 and returns the server and its
// address.
func startServer(t *testing.T, dir string) (*Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer(dir, ln.Addr().String())
	hs := httptest.NewUnstartedServer(s.Handler())
	hs.Listener.Close()
	hs.Listener = ln
	hs.Start()
	t.Cleanup(func() { s.Close(); hs.Close() })
	return s, ln.Addr().String()
}

// raw sends a request exactly as written, so no client cleans the path,
// and returns the status and body.
func raw(t *testing.T, addr, target, host string, headers ...string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req := "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
	for _, h := range headers {
		req += h + "\r\n"
	}
	if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHostCheck(t *testing.T) {
	_, addr := startServer(t, testSite(t))
	_, port, _ := net.SplitHostPort(addr)
	tests := []struct {
		name, host string
		want       int
	}{
		{"bound address", addr, 200},
		{"localhost", "localhost:" + port, 200},
		{"localhost in capitals", "LOCALHOST:" + port, 200},
		{"ipv6 loopback", "[::1]:" + port, 200},
		{"rebound domain", "evil.example:" + port, 403},
		{"rebound domain without port", "evil.example", 403},
		{"other port", "127.0.0.1:1", 403},
		{"lan address", "192.168.1.5:" + port, 403},
		{"empty", "", 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := raw(t, addr, "/", tc.host); got != tc.want {
				t.Errorf("Host %q: status %d, want %d", tc.host, got, tc.want)
			}
		})
	}
}

func TestOriginCheck(t *testing.T) {
	_, addr := startServer(t, testSite(t))
	_, port, _ := net.SplitHostPort(addr)
	tests := []struct {
		name    string
		headers []string
		want    int
	}{
		{"no origin", nil, 200},
		{"same origin", []string{"Origin: http://" + addr}, 200},
		{"localhost origin", []string{"Origin: http://localhost:" + port}, 200},
		{"foreign origin", []string{"Origin: http://evil.example"}, 403},
		{"foreign origin on our port", []string{"Origin: http://evil.example:" + port}, 403},
		{"https origin", []string{"Origin: https://" + addr}, 403},
		{"null origin", []string{"Origin: null"}, 403},
		{"cross-site fetch without origin", []string{"Sec-Fetch-Site: cross-site"}, 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			req := "GET " + EventsURL + " HTTP/1.1\r\nHost: " + addr + "\r\n" + strings.Join(append(tc.headers, ""), "\r\n") + "\r\n"
			io.WriteString(conn, req)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			// The body of a granted stream never ends: closing the
			// connection (deferred) ends it.
			if resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.want)
			}
		})
	}
}

func TestTraversal(t *testing.T) {
	_, addr := startServer(t, testSite(t))
	targets := []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/..%2fsecret.txt",
		"/sub/..%2f..%2fsecret.txt",
		"/sub/%2e%2e/%2e%2e/secret.txt",
		"/..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/sub\\..\\..\\secret.txt",
		"/link.html",
		"/up/secret.txt",
		"/up/site/index.html",
		"/index.html%00.txt",
		"/nothing-here/",
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			status, body := raw(t, addr, target, addr)
			if status != http.StatusNotFound || strings.Contains(body, "SECRET") {
				t.Errorf("status %d, body %q; want 404 without the secret", status, body)
			}
			if !strings.Contains(body, "not here") {
				t.Errorf("body %q is not the site's 404 page", body)
			}
			if status, _ := raw(t, addr, "/", addr); status != http.StatusOK {
				t.Errorf("the server stopped answering: status %d", status)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	_, addr := startServer(t, testSite(t))
	tests := []struct {
		path, wantType string
		wantStatus     int
	}{
		{"/", "text/html; charset=utf-8", 200},
		{"/sub/", "text/html; charset=utf-8", 200},
		{"/style.css", "text/css; charset=utf-8", 200},
		{"/site.js", "text/javascript; charset=utf-8", 200},
		{"/feed.xml", "application/atom+xml; charset=utf-8", 200},
		{"/sitemap.xml", "application/xml; charset=utf-8", 200},
		{"/robots.txt", "text/plain; charset=utf-8", 200},
		{"/search/index.json", "application/json", 200},
		{"/img/photo.png", "image/png", 200},
		{"/img/drawing.svg", "image/svg+xml", 200},
		{"/missing.html", "text/html; charset=utf-8", 404},
		{ScriptURL, "text/javascript; charset=utf-8", 200},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := http.Get("http://" + addr + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.wantStatus || resp.Header.Get("Content-Type") != tc.wantType {
				t.Errorf("status %d, type %q; want %d, %q", resp.StatusCode, resp.Header.Get("Content-Type"), tc.wantStatus, tc.wantType)
			}
		})
	}
	t.Run("folder without slash", func(t *testing.T) {
		status, _ := raw(t, addr, "/sub", addr)
		if status != http.StatusMovedPermanently {
			t.Errorf("status %d, want 301", status)
		}
	})
	t.Run("post", func(t *testing.T) {
		resp, err := http.Post("http://"+addr+"/", "text/plain", strings.NewReader("x"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("status %d, want 405", resp.StatusCode)
		}
	})
}

// TestEvents checks the live-reload stream: the state on connecting, and
// the events after good and failed rebuilds.
func TestEvents(t *testing.T) {
	s, addr := startServer(t, testSite(t))
	base := "http://" + addr + "/"
	st := openStream(t, base)
	if ev := st.next(t, "hello"); ev.data != `{"version":1,"problems":null,"warnings":null}` {
		t.Errorf("hello = %s", ev.data)
	}
	s.Failed([]string{`content/stories/a.md:2:8: error: <b>bad</b> "quote"`})
	if ev := st.next(t, "problems"); !strings.Contains(ev.data, `a.md:2:8`) {
		t.Errorf("problems = %s", ev.data)
	}
	if ev := openStream(t, base).next(t, "hello"); !strings.Contains(ev.data, `a.md:2:8`) {
		t.Errorf("a page loaded while the build is broken got hello %s", ev.data)
	}
	s.Succeeded()
	if ev := st.next(t, "reload"); ev.data != "2" {
		t.Errorf("reload = %s", ev.data)
	}
	if ev := openStream(t, base).next(t, "hello"); ev.data != `{"version":2,"problems":null,"warnings":null}` {
		t.Errorf("hello after the fix = %s", ev.data)
	}
}
