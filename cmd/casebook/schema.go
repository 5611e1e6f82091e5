package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/casebook/casebook/generator/schema"
)

func init() {
	commands["schema"] = command{"print a JSON Schema of story front matter, for editors", runSchema}
}

func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	src := fs.String("src", ".", "site `folder` holding site.toml and content/")
	if code, ok := parseFlags(fs, args, stderr, false); !ok {
		return code
	}
	site, code := loadContent(*src, stderr)
	if site == nil {
		return code
	}
	data, err := schema.Story(site.Config, site.Collection).JSON()
	if err != nil {
		fmt.Fprintln(stderr, "casebook schema:", err)
		return exitContent
	}
	stdout.Write(data)
	return exitOK
}
