package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
)

func init() {
	commands["build"] = command{"build the site", runBuild}
	commands["check"] = command{"validate the content, write nothing", runCheck}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	var opts build.Options
	fs.StringVar(&opts.Src, "src", ".", "site `folder` holding site.toml and content/")
	fs.StringVar(&opts.Out, "out", "", "output `folder` (default SRC/public)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include stories marked draft: true")
	fs.StringVar(&opts.BaseURL, "base-url", "", "override base_url of site.toml")
	minify := fs.Bool("minify", true, "minify HTML, CSS, JS, SVG, XML and JSON output")
	if code, ok := parseFlags(fs, args, stderr, false); !ok {
		return code
	}
	opts.NoMinify = !*minify
	opts.LimitMemory = true
	start := time.Now()
	res, err := build.Build(opts)
	if code := report(res, err, "text", false, stderr, stderr); code != exitOK {
		fmt.Fprintln(stderr, "build failed; the previous output was left untouched")
		return code
	}
	fmt.Fprintf(stdout, "built %d stories: %d files, %s in %s (%s)\n", res.Stories, res.Files, size(res.Bytes), res.Out, time.Since(start).Round(time.Millisecond))
	return exitOK
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var opts build.Options
	fs.StringVar(&opts.Src, "src", ".", "site `folder` holding site.toml and content/")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include stories marked draft: true")
	format := fs.String("format", "text", "output `format`: text, github or json")
	fs.BoolVar(&opts.Strict, "strict", false, "report content lint warnings as errors")
	if code, ok := parseFlags(fs, args, stderr, false); !ok {
		return code
	}
	if *format != diag.FormatText && *format != diag.FormatGitHub && *format != diag.FormatJSON {
		fmt.Fprintf(stderr, "casebook check: unknown format %q (want text, github or json)\n", *format)
		return exitUsage
	}
	res, err := build.Check(opts)
	return report(res, err, *format, true, stdout, stderr)
}

// report prints diagnostics and returns the exit status. Text goes to
// stderr for build and to stdout for check, where it is the output.
func report(res *build.Result, err error, format string, alwaysSummary bool, stdout, stderr io.Writer) int {
	w := stdout
	if res != nil && (len(res.Diags) > 0 || format != "text" || alwaysSummary) {
		if werr := diag.Write(w, res.Diags, format); werr != nil {
			fmt.Fprintln(stderr, "casebook:", werr)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "casebook:", err)
		return exitContent
	}
	if res.Diags.HasErrors() {
		return exitContent
	}
	return exitOK
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
