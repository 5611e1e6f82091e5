package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/casebook/casebook/generator/config"
	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/scaffold"
)

func init() {
	commands["new"] = command{"start a new story from the site's template", runNew}
}

// today returns the date a new story gets; tests replace it.
var today = time.Now

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	src := fs.String("src", ".", "site `folder` holding site.toml and content/")
	bundle := fs.Bool("bundle", false, "make a folder content/stories/<slug>/ with index.md, for a story with images")
	// One flag per taxonomy of the site, named after it: the site is
	// known before the flags are parsed, from -src in args.
	given := map[string]*string{}
	termFlags := siteTaxonomies(args)
	for _, name := range termFlags {
		if fs.Lookup(name) == nil {
			given[name] = fs.String(name, "", "comma-separated `keys` of "+name+" the story shows")
		}
	}
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: casebook new [flags] TITLE\n\nWrites content/stories/<slug>.md from the site's story template. Flags:")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr, true); !ok {
		return code
	}
	title := strings.Join(strings.Fields(strings.Join(fs.Args(), " ")), " ")
	if title == "" {
		fmt.Fprintln(stderr, "casebook new: give the story's title, such as: casebook new \"Summer holiday support for families\"")
		fs.Usage()
		return exitUsage
	}
	site, code := loadContent(*src, stderr)
	if site == nil {
		return code
	}
	vocab := scaffold.NewVocabulary(site.Config.Taxonomies, site.Collection.Terms)
	vocab.SetOptional(site.Config.OptionalTaxonomies)
	story := scaffold.Story{Title: title, Date: today(), Terms: map[string][]string{}}
	for _, name := range termFlags {
		if given[name] == nil {
			continue
		}
		names := splitList(*given[name])
		if len(names) == 0 {
			continue
		}
		keys, err := vocab.Resolve(name, names)
		if err != nil {
			fmt.Fprintln(stderr, "casebook new:", err)
			return exitContent
		}
		story.Terms[name] = keys
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		fmt.Fprintln(stderr, "casebook new:", err)
		return exitContent
	}
	defer root.Close()
	tmplName, tmpl, err := scaffold.Template(root.FS())
	if err != nil {
		fmt.Fprintln(stderr, "casebook new:", err)
		return exitContent
	}
	data, err := scaffold.Render(tmplName, tmpl, story, vocab)
	if err != nil {
		fmt.Fprintln(stderr, "casebook new:", err)
		return exitContent
	}
	slug := content.TrimSlug(content.Slugify(title))
	rel := scaffold.Path(slug, *bundle)
	if err := scaffold.Write(root, rel, slug, site.Collection, data); err != nil {
		if errors.Is(err, scaffold.ErrExists) {
			fmt.Fprintf(stderr, "casebook new: %v; nothing was written (choose another title, or edit that story)\n", err)
		} else {
			fmt.Fprintln(stderr, "casebook new:", err)
		}
		return exitContent
	}
	fmt.Fprintln(stdout, filepath.Join(*src, filepath.FromSlash(rel)))
	return exitOK
}

// siteTaxonomies returns the taxonomies of the site that args point at
// with -src (the current folder without it), or nil when its site.toml
// cannot be read: the command then reports why once it has parsed its
// flags.
func siteTaxonomies(args []string) []string {
	src := "."
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "src" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		src = value
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil
	}
	defer root.Close()
	data, err := root.ReadFile(config.File)
	if err != nil {
		return nil
	}
	cfg, diags := config.Parse(data, "")
	if diags.HasErrors() {
		return nil
	}
	return cfg.Taxonomies
}

// splitList splits "a, b,c" into its non-empty parts.
func splitList(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
