package main

import (
	"flag"
	"fmt"
	"io"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/themeexport"
)

func init() {
	commands["theme"] = command{"theme export NAME: copy the built-in theme to themes/NAME to start your own", runTheme}
}

func runTheme(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "export" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(stdout, "usage: casebook theme export [-src DIR] NAME")
			return exitOK
		}
		fmt.Fprintln(stderr, "usage: casebook theme export [-src DIR] NAME")
		return exitUsage
	}
	fs := flag.NewFlagSet("theme export", flag.ContinueOnError)
	src := fs.String("src", ".", "site `folder` holding site.toml")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: casebook theme export [-src DIR] NAME\n\nCopies the built-in theme into themes/NAME of the site, to change as you like; set theme = \"NAME\" in site.toml to use it. docs/themes.md says what each template receives. Flags:")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args[1:], stderr, true); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "casebook theme export: give the new theme's name, such as: casebook theme export my-theme")
		fs.Usage()
		return exitUsage
	}
	name := fs.Arg(0)
	if err := themeexport.ValidName(name); err != nil {
		fmt.Fprintln(stderr, "casebook theme export:", err)
		return exitUsage
	}
	written, err := themeexport.Export(*src, name, casebook.DefaultTheme())
	if err != nil {
		fmt.Fprintf(stderr, "casebook theme export: %v; nothing was changed\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %d files into themes/%s\n", len(written), name)
	fmt.Fprintf(stdout, "next: set theme = %q in site.toml, then change the files you want; files you delete fall back to the built-in theme\n", name)
	return exitOK
}
