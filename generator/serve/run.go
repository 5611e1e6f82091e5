package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/watch"
)

// DefaultAddr is where serve listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

// Options say what to serve and where.
type Options struct {
	// Src is the site folder.
	Src string
	// Addr is host:port to listen on; DefaultAddr when empty. Port 0
	// picks a free port.
	Addr   string
	Drafts bool
	// Poll watches by scanning instead of fsnotify.
	Poll bool
	// Out is the folder the site is built into; empty means a private
	// temporary folder, removed when Run returns.
	Out string
	// Log receives the URL, rebuild reports and diagnostics.
	Log io.Writer
	// Ready, when set, is called with the site's URL once the first build
	// is done and the server accepts requests.
	Ready func(url string)
}

// bindAddress is addr with an empty host made 127.0.0.1: net.Listen reads
// ":1313" as every interface, which would publish a preview of unreviewed
// content to the whole network. Every interface must be asked for by name
// (0.0.0.0:1313).
func bindAddress(addr string) string {
	if host, port, err := net.SplitHostPort(addr); err == nil && host == "" {
		return net.JoinHostPort("127.0.0.1", port)
	}
	return addr
}

// Run builds the site into a private temporary folder (so the live-reload
// script and local URLs never reach the real output), serves it, and
// rebuilds on every change until ctx is done. It returns nil after a clean
// shutdown; content errors never stop it.
func Run(ctx context.Context, opts Options) error {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	opts.Addr = bindAddress(opts.Addr)
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", opts.Addr, err)
	}
	defer ln.Close()
	host, _, _ := net.SplitHostPort(opts.Addr)
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	bound := net.JoinHostPort(host, port)
	shown := host
	if shown == "" || net.ParseIP(shown) != nil && net.ParseIP(shown).IsUnspecified() {
		shown = "127.0.0.1"
	}
	siteURL := "http://" + net.JoinHostPort(shown, port) + "/"

	out := opts.Out
	if out == "" {
		tmp, err := os.MkdirTemp("", "casebook-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		out = filepath.Join(tmp, "site")
	}

	watcher, err := watch.New(watch.Options{Root: opts.Src, Poll: opts.Poll})
	if err != nil {
		return err
	}
	watcher.OnError(func(err error) { fmt.Fprintln(opts.Log, "watch:", err) })
	builder := build.NewBuilder(build.Options{Src: opts.Src, Out: out, Drafts: opts.Drafts, BaseURL: siteURL, LiveReload: ScriptURL})
	srv := NewServer(out, bound)
	rb := &rebuilder{builder: builder, server: srv, log: opts.Log}
	rb.rebuild(nil)

	httpSrv := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	var wg sync.WaitGroup
	serveErr := make(chan error, 1)
	wg.Add(2)
	go func() {
		defer wg.Done()
		if err := httpSrv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			serveErr <- err
		}
	}()
	watchCtx, stopWatch := context.WithCancel(ctx)
	go func() {
		defer wg.Done()
		_ = watcher.Run(watchCtx, rb.rebuild)
	}()
	fmt.Fprintf(opts.Log, "serving %s at %s (Ctrl-C to stop)\n", opts.Src, siteURL)
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil && ip.IsUnspecified() {
		fmt.Fprintf(opts.Log, "listening on every network interface (%s): anyone who can reach this machine can read the preview\n", bound)
	}
	if opts.Ready != nil {
		opts.Ready(siteURL)
	}
	select {
	case <-ctx.Done():
		err = nil
	case err = <-serveErr:
	}
	stopWatch()
	srv.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := httpSrv.Shutdown(shutdownCtx); serr != nil {
		httpSrv.Close()
	}
	wg.Wait()
	return err
}

// rebuilder runs one rebuild per batch of changes and tells the server.
type rebuilder struct {
	builder *build.Builder
	server  *Server
	log     io.Writer
	failed  bool
}

func (rb *rebuilder) rebuild(changed []string) {
	start := time.Now()
	up, err := rb.builder.BuildChanged(changed)
	took := time.Since(start).Round(time.Millisecond)
	if len(up.Diags) > 0 {
		_ = diag.Write(rb.log, up.Diags, diag.FormatText)
	}
	var problems, warnings []string
	for _, d := range up.Diags {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d.String())
		} else {
			problems = append(problems, d.String())
		}
	}
	rb.server.Warned(warnings)
	if err != nil || up.Diags.HasErrors() {
		if err != nil {
			fmt.Fprintln(rb.log, "error:", err)
			problems = append(problems, err.Error())
		}
		fmt.Fprintf(rb.log, "rebuild failed in %s; still serving the last good site\n", took)
		rb.failed = true
		rb.server.Failed(problems)
		return
	}
	what := "built"
	if changed != nil {
		what = "rebuilt (" + watch.Describe(changed) + ")"
	}
	fmt.Fprintf(rb.log, "%s in %s: %d stories, %d files written, %d removed%s\n", what, took, up.Stories, len(up.Written), len(up.Removed), warningCount(len(warnings)))
	if changed == nil || rb.failed || len(up.Written)+len(up.Removed) > 0 {
		rb.server.Succeeded()
	}
	rb.failed = false
}

// warningCount is the end of a rebuild's report line: "" or ", 2 warnings".
func warningCount(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return ", 1 warning"
	}
	return fmt.Sprintf(", %d warnings", n)
}
