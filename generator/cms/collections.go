package cms

import (
	"github.com/casebook/casebook/generator/link"
)

// slugPattern is check's rule for slugs, for the fields that hold one.
const slugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// checkboxes is how many terms a taxonomy field shows as checkboxes
// before it becomes a list to search.
const checkboxes = 12

// stories is the collection of content/stories: files and bundles at any
// depth, new stories as bundles named from their title, images beside
// them, and the stories intro (_index.md) as the collection's index file.
func stories(site *link.Site, l *Words) *collection {
	cfg := site.Config
	c := &collection{
		Name: "stories", Label: site.StoriesIntro.Title, LabelSingular: collectionLabel(l, "story"),
		Icon: "menu_book", Folder: "content/stories", Extension: "md", Format: "yaml-frontmatter",
		Create: true, Slug: newSlug("story", l), Summary: "{{title}}", SortableField: []string{"title", "date"},
		Nested: &nested{Subfolders: true}, Meta: &meta{Path: metaPath{IndexFile: "index"}}, MediaFolder: ptr(""), PublicFolder: ptr(""),
		IndexFile: intro(l),
	}
	add := func(f *field) { c.Fields = append(c.Fields, f) }
	add(words("story", "title", "string", true, l))
	add(words("story", "summary", "text", true, l))
	add(date("story", "date", true, l))
	for _, tax := range site.Taxonomies {
		add(taxonomy(tax, !cfg.Optional(tax.Name), l))
	}
	add(words("story", "place", "string", false, l))
	add(words("story", "partners", "list", false, l))
	add(words("story", "period", "string", false, l))
	add(words("story", "questions", "list", false, l))
	add(words("story", "outcomes", "list", false, l))
	add(words("story", "setbacks", "list", false, l))
	add(words("story", "authors", "list", false, l))
	add(source(l))
	add(words("story", "related", "list", false, l))
	add(date("story", "updated", false, l))
	draft := words("story", "draft", "boolean", false, l)
	draft.Default = false
	add(draft)
	add(slugField("story", "slug", l))
	add(words("story", "aliases", "list", false, l))
	add(words("story", "body", "markdown", true, l))
	return c
}

// taxonomy is a story's field for one taxonomy: a multiple select whose
// options are exactly the term keys, labelled with the terms' titles.
func taxonomy(tax *link.Taxonomy, required bool, l *Words) *field {
	f := words("story", tax.Name, "select", required, l)
	f.Label = tax.Title
	f.Multiple = ptr(true)
	if required {
		f.Min = ptr(1)
	}
	f.DropdownThreshold = checkboxes
	// A select needs its options, even none while a taxonomy has no
	// terms yet.
	options := []option{}
	for _, t := range tax.Terms {
		options = append(options, option{Label: t.Title, Value: t.Key})
	}
	f.Options = &options
	return f
}

// source is the published work a story is drawn from.
func source(l *Words) *field {
	f := words("story", "source", "object", false, l)
	f.Collapsed = true
	year := words("source", "year", "number", false, l)
	year.ValueType = "int"
	f.Fields = []*field{
		words("source", "title", "string", true, l),
		words("source", "authors", "list", false, l),
		year,
		words("source", "doi", "string", false, l),
		words("source", "url", "string", false, l),
	}
	return f
}

// terms is the collection of one taxonomy's terms, content/<taxonomy>/.
func terms(tax *link.Taxonomy, l *Words) *collection {
	order := words("term", "order", "number", false, l)
	order.ValueType = "int"
	return &collection{
		Name: tax.Name, Label: tax.Title, Icon: "sell", Folder: "content/" + tax.Name, Extension: "md", Format: "yaml-frontmatter",
		Create: true, Slug: newSlug("term", l), Summary: "{{title}}", SortableField: []string{"title", "order"},
		IndexFile: intro(l),
		Fields: []*field{
			words("term", "title", "string", true, l),
			words("term", "summary", "text", true, l),
			words("term", "aliases", "list", false, l),
			order,
			words("term", "colour", "color", false, l),
			textOnly(words("term", "body", "markdown", false, l)),
		},
	}
}

// pages is the collection of plain pages, content/pages/.
func pages(l *Words) *collection {
	return &collection{
		Name: "pages", Label: collectionLabel(l, "pages"), Icon: "description", Folder: "content/pages", Extension: "md", Format: "yaml-frontmatter",
		Create: true, Slug: newSlug("page", l), Summary: "{{title}}", SortableField: []string{"title"},
		Fields: []*field{
			words("page", "title", "string", true, l),
			words("page", "summary", "text", false, l),
			slugField("page", "slug", l),
			textOnly(words("page", "body", "markdown", false, l)),
		},
	}
}

// intro is a section's _index.md: its title, summary and introduction.
func intro(l *Words) *indexFile {
	return &indexFile{Name: "_index", Label: collectionLabel(l, "intro"), Fields: []*field{
		words("intro", "title", "string", false, l),
		words("intro", "summary", "text", false, l),
		textOnly(words("intro", "body", "markdown", false, l)),
	}}
}

// words is a field with its label and help text.
func words(kind, name, widget string, required bool, l *Words) *field {
	return &field{Name: name, Label: part(l, kind, name, "label"), Hint: part(l, kind, name, "hint"), Widget: widget, Required: ptr(required)}
}

// date is a YYYY-MM-DD date field, today's date for a new story.
func date(kind, name string, required bool, l *Words) *field {
	f := words(kind, name, "datetime", required, l)
	f.Type, f.Format, f.TimeFormat = "date", "YYYY-MM-DD", false
	if required {
		f.Default = "{{now}}"
	}
	return f
}

// newSlug names a new entry from its title ({{slug}}: the title made a
// slug by the global slug settings). Contributors may change it while
// they create the entry, checked as check checks slugs, but not once it
// is saved: the name is the page's address (and a term's key), and
// renaming it in the editor would break every link to it, where
// `casebook mv` keeps the old address.
func newSlug(kind string, l *Words) *entrySlug {
	s := &entrySlug{Template: "{{slug}}", Editable: []string{"create"}}
	if msg := part(l, kind, "slug", "pattern"); msg != "" {
		s.Pattern = []string{slugPattern, msg}
	}
	return s
}

// slugField is an optional slug, checked as check checks it.
func slugField(kind, name string, l *Words) *field {
	f := words(kind, name, "string", false, l)
	if msg := part(l, kind, name, "pattern"); msg != "" {
		f.Pattern = []string{slugPattern, msg}
	}
	return f
}

// textOnly takes images out of a markdown field of a file that is not a
// bundle, which has nowhere to keep them.
func textOnly(f *field) *field {
	f.EditorComponents = &[]string{}
	return f
}
