// Package content holds the domain types of a casebook: stories, the terms
// of the controlled vocabularies, and plain pages, as they are after
// checking. It imports nothing from the rest of the project, so every stage
// can share it.
//
// Every value that came from a contributor's file keeps the position it was
// written at, so that later stages (link resolution, lint) report problems
// at the right file:line:col without re-reading the file.
package content

import "time"

// Pos is a position in a file of the site: a slash-separated path relative
// to the site folder, and 1-based line and column.
type Pos struct {
	Path      string
	Line, Col int
}

// Text is a string from front matter with the position it was written at.
type Text struct {
	Value string
	Pos   Pos
}

// LastChanged is when the story was last changed: its updated date when
// that is later than its date, otherwise its date.
func (s *Story) LastChanged() time.Time {
	if s.Updated.After(s.Date) {
		return s.Updated
	}
	return s.Date
}

// Body is the Markdown part of a file.
type Body struct {
	// Source is the Markdown text, line ends normalised to LF.
	Source []byte
	// Line is the line of the file on which Source starts.
	Line int
}

// Story is one practice story: content/stories/<slug>.md or
// content/stories/<slug>/index.md with its assets beside it.
type Story struct {
	Path    string // content/stories/x.md
	Dir     string // folder links in the body are relative to
	Slug    string
	Title   string
	Summary string
	Date    time.Time
	Updated time.Time // zero when not given
	// Terms holds the keys of the story's terms per taxonomy, aliases
	// already mapped to their term, in the order written, without repeats.
	Terms     map[string][]string
	Place     string
	Partners  []string
	Period    string
	Questions []string
	Outcomes  []string
	// Setbacks are what got in the way: efforts that did not work,
	// obstacles the group met, changes of course.
	Setbacks []string
	Authors  []string
	// Source is the published work the story is drawn from; nil when the
	// story is not drawn from one.
	Source *Source
	// Aliases are earlier slugs of the story, each of which keeps a
	// redirect to its page.
	Aliases []Text
	// Related holds the slugs of pinned related stories.
	Related []Text
	Draft   bool
	Body    Body
	// Assets are the other files of a bundle, site-relative paths.
	Assets []Asset
	// Front keeps the position of each front matter key, for lint rules
	// that point at a field.
	Front map[string]Pos
	// Hash identifies the bytes of the story's file within one process;
	// rebuilds use it to tell which stories changed.
	Hash uint64
	// Lang is the language of a translation (<name>.<code>.md), "" for
	// a story in the site's default language; Original is then the story
	// it translates, whose slug, date and terms it shares.
	Lang     string
	Original *Story
}

// Source is a published work (a report, an article, a book) that a story
// is drawn from. Title is always set; the other fields may be empty.
type Source struct {
	Title   string
	Authors []string
	// Year is the year of publication, 0 when not given.
	Year int
	// DOI is a bare DOI such as 10.1000/xyz123, without a resolver
	// prefix.
	DOI string
	// URL is an absolute http or https address.
	URL string
	// Pos is where the source field was written.
	Pos Pos
}

// Link is the address of the source: its DOI at doi.org when it has one,
// otherwise its URL, otherwise "".
func (s *Source) Link() string {
	if s.DOI != "" {
		return "https://doi.org/" + s.DOI
	}
	return s.URL
}

// Asset is a file copied beside a page, such as an image of a bundle.
type Asset struct {
	Path string // site-relative source path
	Name string // path relative to the bundle folder, used in the output
	Data []byte
}

// Term is one allowed value of a taxonomy: content/<taxonomy>/<key>.md.
type Term struct {
	Path     string
	Taxonomy string
	Key      string
	Title    string
	Summary  string
	Aliases  []string
	Order    int
	// Colour is the term's own colour as "#rrggbb", or "" to let the
	// theme choose one.
	Colour string
	// AskQuestions is set when the term's stories should list the
	// questions the group used (ask_questions: true), a lint hint.
	AskQuestions bool
	Body         Body
	// Hash identifies the bytes of the term's file within one process.
	Hash uint64
	// Lang and Original are as for a Story: set on a translation.
	Lang     string
	Original *Term
}

// Page is a plain page (content/pages/<slug>.md) or a section intro
// (content/_index.md, content/<taxonomy>/_index.md,
// content/stories/_index.md).
type Page struct {
	Path    string
	Dir     string
	Slug    string
	Title   string
	Summary string
	Body    Body
	// Hash identifies the bytes of the page's file within one process.
	Hash uint64
	// Lang and Original are as for a Story: set on a translation.
	Lang     string
	Original *Page
}

// Collection is everything a site's content folder holds, after checking.
type Collection struct {
	Stories []*Story
	// Terms holds each taxonomy's terms, by taxonomy name.
	Terms map[string][]*Term
	// Pages holds the plain pages.
	Pages []*Page
	// Intros holds section intros by section: "" for the home page,
	// "stories", or a taxonomy name.
	Intros map[string]*Page
	// Drafts holds the paths and slugs of drafts left out of the build, so
	// that links to them are reported as links to a draft.
	Drafts map[string]string
	// Lang is "" for the site's default language. Editions holds the
	// site in each further language, in the order of site.toml: the same
	// stories, terms and pages in the same order, each replaced by its
	// translation into that language when it has one (whose Lang is then
	// the edition's); an edition's Lang is its code and its Editions nil.
	Lang     string
	Editions []*Collection
}
