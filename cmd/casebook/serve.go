package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/casebook/casebook/generator/serve"
)

func init() {
	commands["serve"] = command{"build, watch and serve the site with live reload", runServe}
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var opts serve.Options
	fs.StringVar(&opts.Src, "src", ".", "site `folder` holding site.toml and content/")
	fs.StringVar(&opts.Addr, "addr", serve.DefaultAddr, "`host:port` to listen on; an empty host is 127.0.0.1, 0.0.0.0 is every interface")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include stories marked draft: true")
	fs.BoolVar(&opts.Poll, "poll", false, "poll for changes instead of using file-system events (shared or network folders)")
	if code, ok := parseFlags(fs, args, stderr, false); !ok {
		return code
	}
	opts.Log = stdout
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, opts); err != nil {
		fmt.Fprintln(stderr, "casebook serve:", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}
