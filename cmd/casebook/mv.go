package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/move"
)

func init() {
	commands["mv"] = command{"rename a story, keeping its old address and every link to it", runMove}
}

func runMove(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mv", flag.ContinueOnError)
	src := fs.String("src", ".", "site `folder` holding site.toml and content/")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: casebook mv [-src DIR] OLD-SLUG NEW-SLUG\n\nRenames the story's file or folder, adds OLD-SLUG to its aliases (its old address redirects) and rewrites every link to it. Flags:")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr, true); !ok {
		return code
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "casebook mv: give the story's slug and its new slug, such as: casebook mv bus-pilot rural-bus-pilot")
		fs.Usage()
		return exitUsage
	}
	res, err := move.Run(*src, fs.Arg(0), fs.Arg(1))
	if err != nil {
		if errors.Is(err, move.ErrContent) {
			if werr := diag.Write(stderr, res.Diags, diag.FormatText); werr != nil {
				fmt.Fprintln(stderr, "casebook:", werr)
			}
		}
		if len(res.Renamed) > 0 || len(res.Rewritten) > 0 {
			fmt.Fprintf(stderr, "casebook mv: %v; the move stopped part-way: see what changed with git status\n", err)
		} else {
			fmt.Fprintf(stderr, "casebook mv: %v; nothing was changed\n", err)
		}
		return exitContent
	}
	for _, r := range res.Renamed {
		fmt.Fprintf(stdout, "renamed %s → %s\n", r[0], r[1])
	}
	for _, p := range res.Rewritten {
		fmt.Fprintf(stdout, "rewrote %s\n", p)
	}
	if len(res.Diags) > 0 {
		if werr := diag.Write(stderr, res.Diags, diag.FormatText); werr != nil {
			fmt.Fprintln(stderr, "casebook:", werr)
		}
	}
	if res.Diags.HasErrors() {
		return exitContent
	}
	return exitOK
}
