package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/schema"
)

func init() {
	commands["vocab"] = command{"print the allowed terms as a Markdown table", runVocab}
}

func runVocab(args []string, stdout, stderr io.Writer) int {
	site, code := readOnlyCommand("vocab", args, stderr)
	if site == nil {
		return code
	}
	fmt.Fprint(stdout, schema.VocabularyTable(site.Config, site.Collection))
	return exitOK
}

// readOnlyCommand parses the flags of a command that only reads a site
// (its -src) and loads the site's content; a nil result comes with the
// exit status.
func readOnlyCommand(name string, args []string, stderr io.Writer) (*build.Content, int) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	src := fs.String("src", ".", "site `folder` holding site.toml and content/")
	if code, ok := parseFlags(fs, args, stderr, false); !ok {
		return nil, code
	}
	return loadContent(*src, stderr)
}

// loadContent reads a site's settings and checked content for the
// commands that help contributors. Problems in stories are left to check;
// when site.toml itself is broken, it prints why and returns nil with the
// exit status.
func loadContent(src string, stderr io.Writer) (*build.Content, int) {
	site, err := build.LoadContent(build.Options{Src: src})
	if err != nil {
		fmt.Fprintln(stderr, "casebook:", err)
		return nil, exitContent
	}
	if site.Config == nil {
		if werr := diag.Write(stderr, site.Diags, diag.FormatText); werr != nil {
			fmt.Fprintln(stderr, "casebook:", werr)
		}
		return nil, exitContent
	}
	return site, exitOK
}
