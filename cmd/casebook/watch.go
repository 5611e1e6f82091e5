package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/publish"
	"github.com/casebook/casebook/generator/watch"
)

func init() {
	commands["watch"] = command{"build the site, then rebuild on every change", runWatch}
}

func runWatch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	var opts build.Options
	fs.StringVar(&opts.Src, "src", ".", "site `folder` holding site.toml and content/")
	fs.StringVar(&opts.Out, "out", "", "output `folder` (default SRC/public)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include stories marked draft: true")
	poll := fs.Bool("poll", false, "poll for changes instead of using file-system events (shared or network folders)")
	if code, ok := parseFlags(fs, args, stderr, false); !ok {
		return code
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(opts.Src, "public")
	}
	// A refused output folder will not fix itself: stop now rather than
	// fail on every change.
	if _, err := publish.CheckOutput(opts.Src, out); err != nil {
		fmt.Fprintln(stderr, "casebook watch:", err)
		return exitContent
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	w, err := watch.New(watch.Options{Root: opts.Src, Poll: *poll})
	if err != nil {
		fmt.Fprintln(stderr, "casebook watch:", err)
		return exitContent
	}
	w.OnError(func(err error) { fmt.Fprintln(stderr, "casebook watch:", err) })
	builder := build.NewBuilder(opts)
	rebuild := func(changed []string) {
		start := time.Now()
		up, err := builder.BuildChanged(changed)
		took := time.Since(start).Round(time.Millisecond)
		if len(up.Diags) > 0 {
			_ = diag.Write(stderr, up.Diags, diag.FormatText)
		}
		switch {
		case err != nil:
			fmt.Fprintln(stderr, "casebook watch:", err)
			fmt.Fprintln(stderr, "build failed; the previous output was left untouched")
		case up.Diags.HasErrors():
			fmt.Fprintln(stderr, "build failed; the previous output was left untouched")
		case changed == nil:
			fmt.Fprintf(stdout, "built %d stories: %d files in %s (%s)\n", up.Stories, up.Files, up.Out, took)
		default:
			fmt.Fprintf(stdout, "rebuilt after %s changed: %d files written, %d removed (%s)\n", watch.Describe(changed), len(up.Written), len(up.Removed), took)
		}
	}
	rebuild(nil)
	fmt.Fprintf(stdout, "watching %s for changes (Ctrl-C to stop)\n", opts.Src)
	if err := w.Run(ctx, rebuild); err != nil {
		fmt.Fprintln(stderr, "casebook watch:", err)
		return exitContent
	}
	return exitOK
}
