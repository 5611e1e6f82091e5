package main

import (
	"fmt"
	"io"

	"github.com/casebook/casebook/generator/schema"
)

func init() {
	commands["schema"] = command{"print a JSON Schema of story front matter, for editors", runSchema}
}

func runSchema(args []string, stdout, stderr io.Writer) int {
	site, code := readOnlyCommand("schema", args, stderr)
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
