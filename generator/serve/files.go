package serve

import (
	"bytes"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// contentTypes are the types of the files a casebook site holds; other
// extensions fall back to the system's table, then to sniffing.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/x-icon",
	".pdf":   "application/pdf",
	".woff2": "font/woff2",
}

func contentType(name string) string {
	if base := path.Base(name); base == "feed.xml" {
		return "application/atom+xml; charset=utf-8"
	}
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}

// cleanPath turns a request path into a slash-separated name relative to
// the site root, or reports false for anything that tries to climb out or
// smuggle a separator: ".." segments (however they were encoded),
// backslashes and NUL bytes. The path is already percent-decoded.
func cleanPath(urlPath string) (string, bool) {
	if strings.ContainsAny(urlPath, "\\\x00") || !strings.HasPrefix(urlPath, "/") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	return name, true
}

// serveFile answers GET and HEAD for a file of the folder dir. os.Root
// refuses names and symlinks that lead outside dir; those, like anything
// missing, get the site's 404 page.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		s.notFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.dir())
	if err != nil {
		s.notFound(w, r)
		return
	}
	defer root.Close()
	info, err := root.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// From the cleaned name, never the raw path: "//stories" as
			// a Location would send the browser to the host "stories".
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
	}
	data, modTime, err := readFile(root, name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	s.write(w, r, name, data, modTime, http.StatusOK)
}

// readFile reads a regular file of root.
func readFile(root *os.Root, name string) ([]byte, time.Time, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, time.Time{}, fs.ErrNotExist
	}
	data, err := io.ReadAll(f)
	return data, info.ModTime(), err
}

// notFound answers with the site's 404.html, or a plain message when the
// site has none yet.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if root, err := os.OpenRoot(s.dir()); err == nil {
		defer root.Close()
		if data, modTime, err := readFile(root, "404.html"); err == nil {
			s.write(w, r, "404.html", data, modTime, http.StatusNotFound)
			return
		}
	}
	if s.problems() != nil {
		// No site yet and the first build failed: a page that shows
		// the overlay is more useful than a bare 404.
		s.write(w, r, "index.html", []byte(placeholder(s.scriptURL)), time.Time{}, http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// write sends a file's bytes. Pages are never cached: they change with
// every rebuild.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, data []byte, modTime time.Time, status int) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if t := contentType(name); t != "" {
		h.Set("Content-Type", t)
	}
	if status == http.StatusOK {
		http.ServeContent(w, r, name, modTime, bytes.NewReader(data))
		return
	}
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", http.DetectContentType(data))
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// placeholder is the page served before the first good build.
func placeholder(script string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>casebook: the site could not be built</title></head>` +
		`<body><main><h1>The site could not be built yet</h1><p>Fix the problems listed and this page reloads by itself.</p></main>` +
		`<script src="` + script + `" defer></script></body></html>`
}
