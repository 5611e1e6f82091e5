// Command casebook-floor is the yardstick of casebook's performance targets:
// the least work any generator of this kind must do. It parses the YAML
// front matter of every story, converts every body with goldmark and
// writes one HTML file per story, nothing else: no checks, no links
// between pages, no templates, no lists, no feeds, no minifying.
//
//	casebook-floor -src SITE -out DIR [-j N]
//
// The stories are converted on N goroutines (default: every core), like
// casebook's own build, so the ratio of the two compares like with like.
// DIR is removed and written afresh. Exit status is 0 on success, 1 when
// a file cannot be read or written, 2 on bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casebook-floor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "site `folder` holding content/stories/")
	out := fs.String("out", "", "output `folder` (required; replaced)")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of stories converted at once")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "casebook-floor: unexpected argument %q\n", fs.Arg(0))
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "casebook-floor: -out is required")
		return 2
	case *workers < 1:
		fmt.Fprintf(stderr, "casebook-floor: -j must be at least 1, got %d\n", *workers)
		return 2
	}
	start := time.Now()
	n, err := Floor(*src, *out, *workers)
	if err != nil {
		fmt.Fprintln(stderr, "casebook-floor:", err)
		return 1
	}
	fmt.Fprintf(stdout, "casebook-floor: %d stories in %s\n", n, time.Since(start).Round(time.Millisecond))
	return 0
}
