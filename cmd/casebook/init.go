package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/text/language"

	"github.com/casebook/casebook/generator/schema"
	"github.com/casebook/casebook/generator/starter"
)

func init() {
	commands["init"] = command{"start a new casebook in an empty folder", runInit}
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	title := fs.String("title", "Practice Stories", "the site's `title`, shown in every page header")
	lang := fs.String("language", "en", "the site's language, a BCP 47 `code` such as en-GB or cy")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: casebook init [-title T] [-language CODE] DIR\n\nWrites a new casebook into DIR, which must be empty or not exist yet. Flags:")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr, true); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "casebook init: give the folder to create the site in, such as: casebook init my-casebook")
		fs.Usage()
		return exitUsage
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "casebook init: -language %q is not a BCP 47 language code such as en-GB or cy\n", *lang)
		return exitUsage
	}
	dir := fs.Arg(0)
	written, err := starter.Write(dir, starter.Options{Title: *title, Language: tag.String(), Version: version(), Date: today()})
	if err != nil {
		fmt.Fprintln(stderr, "casebook init:", err)
		if errors.Is(err, starter.ErrNotEmpty) {
			fmt.Fprintln(stderr, "casebook init: nothing was changed")
		}
		return exitContent
	}
	if code := writeSchema(dir, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "wrote %d files into %s\n", len(written)+1, dir)
	fmt.Fprintf(stdout, "next: cd %s && casebook serve\n", dir)
	return exitOK
}

// writeSchema writes story.schema.json, which the editor settings of the
// new site point at, from the site's own vocabulary.
func writeSchema(dir string, stderr io.Writer) int {
	site, code := loadContent(dir, stderr)
	if site == nil {
		return code
	}
	data, err := schema.Story(site.Config, site.Collection).JSON()
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "story.schema.json"), data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(stderr, "casebook init:", err)
		return exitContent
	}
	return exitOK
}
