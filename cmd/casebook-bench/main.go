// Command casebook-bench is `make bench`: it measures full builds of
// generated corpora and compares them with the floor program
// (cmd/casebook-floor) on the same corpus, in the same run.
//
//	casebook-bench [-sizes 1000,10000] [-large] [-huge] [-runs 5] [-dir bench-out]
//	               [-write docs/performance.md] [-stages] [-cpuprofile FILE]
//
// For every size it generates the corpus once (cached under -dir and
// regenerated only when the generator or the vocabulary changes), builds
// the casebook and casebook-floor binaries once, then runs the floor and
// the full build -runs times each, alternately, and reports the medians:
// wall time, stories per second, peak resident memory (the child's
// rusage), user+system CPU, output files and bytes. -large adds a
// 50,000-story corpus for the related-stories scaling target, -huge a
// 100,000-story one for the scaling target of issue 15. -stages
// also runs the per-stage Go benchmarks on 1,000 stories. -write replaces
// the generated part of a Markdown file (between the bench:begin and
// bench:end comment lines) with the results. -cpuprofile writes a CPU
// profile of one in-process build of the largest corpus.
//
// Everything the run writes (binaries, corpora, outputs, profile output,
// and the stage benchmarks' temporary folders) goes under -dir, whose
// default is $BENCH_DIR when that is set and bench-out otherwise: with
// BENCH_DIR=/dev/shm/bench the measurements run on tmpfs, so that the
// disk's noise does not decide them.
//
// Exit status is 0 when every measurement ran (targets missed are
// reported, not failed), 1 when something broke, 2 on bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the parsed flags.
type options struct {
	sizes      []int
	runs       int
	dir        string
	write      string
	stages     bool
	cpuprofile string
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, code := parseFlags(args, stderr)
	if code >= 0 {
		return code
	}
	if err := bench(opts, stdout); err != nil {
		fmt.Fprintln(stderr, "casebook-bench:", err)
		return 1
	}
	return 0
}

// parseFlags returns the options, and an exit status when the command
// should stop at once (-h, bad usage) or -1 when it should go on.
func parseFlags(args []string, stderr io.Writer) (options, int) {
	fs := flag.NewFlagSet("casebook-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts options
	sizes := fs.String("sizes", "1000,10000", "comma-separated corpus `sizes` in stories")
	large := fs.Bool("large", false, "also measure 50,000 stories (several minutes)")
	huge := fs.Bool("huge", false, "also measure 100,000 stories (a quarter of an hour; best on tmpfs)")
	fs.IntVar(&opts.runs, "runs", 5, "runs of each program per size; the median is reported")
	fs.StringVar(&opts.dir, "dir", defaultDir(), "`folder` for corpora, binaries and outputs ($BENCH_DIR when set)")
	fs.StringVar(&opts.write, "write", "", "Markdown `file` whose generated section gets the results")
	fs.BoolVar(&opts.stages, "stages", true, "run the per-stage Go benchmarks too")
	fs.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a CPU profile of one build of the largest corpus to `file`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return opts, 0
		}
		return opts, 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "casebook-bench: unexpected argument %q\n", fs.Arg(0))
		return opts, 2
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "casebook-bench: bad size %q in -sizes\n", s)
			return opts, 2
		}
		opts.sizes = append(opts.sizes, n)
	}
	if *large {
		opts.sizes = append(opts.sizes, 50000)
	}
	if *huge {
		opts.sizes = append(opts.sizes, 100000)
	}
	if opts.runs < 1 {
		fmt.Fprintf(stderr, "casebook-bench: -runs must be at least 1, got %d\n", opts.runs)
		return opts, 2
	}
	return opts, -1
}

// defaultDir is $BENCH_DIR, or bench-out in the current folder.
func defaultDir() string {
	if d := os.Getenv("BENCH_DIR"); d != "" {
		return d
	}
	return "bench-out"
}
