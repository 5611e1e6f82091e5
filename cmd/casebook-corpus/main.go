// Command casebook-corpus writes a deterministic benchmark site: N generated
// stories tagged with a site's vocabulary, ready for casebook build.
//
//	casebook-corpus -n 10000 -out DIR [-vocab content]
//
// It refuses a non-empty DIR unless an earlier run created it. Exit status
// is 0 on success, 1 when generation fails, 2 on bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/casebook/casebook/generator/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses args, generates the corpus and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casebook-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of stories to generate")
	out := fs.String("out", "", "site folder to write (required)")
	vocab := fs.String("vocab", "content", "content folder to copy principles, sectors and themes from")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: casebook-corpus -n N -out DIR [-vocab DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "casebook-corpus: unexpected argument %q\n", fs.Arg(0))
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "casebook-corpus: -out is required")
		return 2
	case *n < 1:
		fmt.Fprintf(stderr, "casebook-corpus: -n must be at least 1, got %d\n", *n)
		return 2
	}

	report, err := corpus.Write(corpus.Options{Dir: *out, Stories: *n, VocabDir: *vocab})
	if err != nil {
		fmt.Fprintln(stderr, "casebook-corpus:", err)
		return 1
	}
	source := "vocabulary from " + *vocab
	if len(report.Builtin) > 0 {
		source = "built-in vocabulary for " + strings.Join(report.Builtin, ", ")
	}
	fmt.Fprintf(stdout, "casebook-corpus: wrote %d stories and %d term files (%.1f MB, %s) to %s\n",
		report.Stories, report.Terms, float64(report.Bytes)/1e6, source, *out)
	return 0
}
