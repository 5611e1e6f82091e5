package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1 // content or build errors
	exitUsage   = 2 // bad usage of the command itself
)

// command is one subcommand.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is filled by the files that define each subcommand.
var commands = map[string]command{}

// Run runs the casebook command line with args (without the program name)
// and returns the exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "casebook", version())
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "casebook: unknown command %q\n", name)
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: casebook <command> [flags]")
	fmt.Fprintln(w, "\ncommands:")
	var names []string
	for name := range commands {
		names = append(names, name)
	}
	names = append(names, "version")
	sort.Strings(names)
	for _, name := range names {
		summary := "print the version"
		if c, ok := commands[name]; ok {
			summary = c.summary
		}
		fmt.Fprintf(w, "  %-8s %s\n", name, summary)
	}
	fmt.Fprintln(w, "\nRun 'casebook <command> -h' for the flags of a command.")
}

// version reports the module version, or "devel" in a source checkout.
var version = func() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// parseFlags parses a subcommand's flags; it returns false with the exit
// status when parsing failed or help was asked for. Positional arguments
// are accepted only when allowArgs is set.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, allowArgs bool) (int, bool) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if !allowArgs && fs.NArg() > 0 {
		fmt.Fprintf(stderr, "casebook %s: unexpected argument %q\n", fs.Name(), strings.Join(fs.Args(), " "))
		fs.Usage()
		return exitUsage, false
	}
	return 0, true
}
