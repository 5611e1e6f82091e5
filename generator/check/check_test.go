package check

import (
	"path"
	"strings"
	"testing"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/load"
)

// file parses src as the content file at p, classified the way load does.
func file(t *testing.T, p, src string) *load.File {
	t.Helper()
	doc, front, diags := load.Parse(p, []byte(src))
	if diags.HasErrors() {
		t.Fatalf("%s: %v", p, diags)
	}
	f := &load.File{Path: p, Doc: doc, Front: front, Dir: path.Dir(p)}
	parts := strings.Split(strings.TrimPrefix(p, "content/"), "/")
	name := strings.TrimSuffix(path.Base(p), ".md")
	switch {
	case name == "_index":
		f.Kind = load.Intro
		if len(parts) > 1 {
			f.Section = parts[0]
		}
	case parts[0] == "stories":
		f.Kind, f.Key = load.Story, name
		if name == "index" {
			f.Key = path.Base(path.Dir(p))
		}
	case parts[0] == "pages":
		f.Kind, f.Key = load.Page, name
	default:
		f.Kind, f.Section, f.Key = load.Term, parts[0], name
	}
	return f
}

// vocabularyFiles is a small valid set of term files.
func vocabularyFiles(t *testing.T) []*load.File {
	return []*load.File{
		file(t, "content/principles/systems.md", "---\ntitle: Systems\nsummary: S.\norder: 1\n---\n"),
		file(t, "content/principles/relationality.md", "---\ntitle: Relationality\nsummary: R.\norder: 2\naliases: [relational, Relationships]\n---\n"),
		file(t, "content/principles/inquiry.md", "---\ntitle: Inquiry\nsummary: I.\norder: 2\naliases: enquiry\n---\n"),
		file(t, "content/sectors/nhs.md", "---\ntitle: NHS\nsummary: N.\n---\n"),
	}
}

var opts = Options{Taxonomies: []string{"principles", "sectors"}}

func story(fields string) string {
	return "---\ntitle: A\nsummary: S.\ndate: 2019-01-01\n" + fields + "\n---\nBody.\n"
}

func TestCheckStories(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		terms  string   // principles of the checked story, when it is kept
		diags  []string // diagnostics in order
		opts   *Options
		kept   bool
		drafts int
	}{
		{"valid", story("principles: [systems]\nsectors: [nhs]"), "systems", nil, nil, true, 0},
		{"aliases map silently", story("principles: [relational, enquiry, Relationships]\nsectors: [nhs]"), "relationality inquiry", nil, nil, true, 0},
		{"case and repeats folded", story("principles: [Systems, systems]\nsectors: nhs"), "systems", nil, nil, true, 0},
		{"single string", story("principles: systems\nsectors: nhs"), "systems", nil, nil, true, 0},
		{"unknown term with hint", story("principles: [sytems]\nsectors: [nhs]"), "",
			[]string{`x.md:5:14: error: unknown principle "sytems" (did you mean "systems"?); allowed: inquiry, relationality, systems`}, nil, true, 0},
		{"unknown term far from any", story("principles: [zzzzzzzz]\nsectors: [nhs]"), "",
			[]string{`x.md:5:14: error: unknown principle "zzzzzzzz"; allowed:`}, nil, true, 0},
		{"missing taxonomy", story("principles: [systems]"), "systems",
			[]string{"x.md:1:1: error: sectors is required: list at least one of nhs"}, nil, true, 0},
		{"optional taxonomy left out", story("principles: [systems]"), "systems", nil,
			&Options{Taxonomies: opts.Taxonomies, Optional: []string{"sectors"}}, true, 0},
		{"optional taxonomy empty", story("principles: [systems]\nsectors: []"), "systems", nil,
			&Options{Taxonomies: opts.Taxonomies, Optional: []string{"sectors"}}, true, 0},
		{"optional taxonomy still checked", story("principles: [systems]\nsectors: [nhss]"), "systems",
			[]string{`x.md:6:11: error: unknown sector "nhss" (did you mean "nhs"?)`},
			&Options{Taxonomies: opts.Taxonomies, Optional: []string{"sectors"}}, true, 0},
		{"wrong types", story("principles: {a: b}\nsectors: [[nhs]]\nplace: [a]\ndraft: \"yes\"\nauthors: {a: b}"), "",
			[]string{"x.md:5:13: error: principles must be a list", "x.md:6:10: error: sectors needs at least one term",
				"x.md:6:11: error: each entry of sectors must be a piece of text, not a list", "x.md:7:8: error: place must be a single piece of text", "x.md:8:8: error: draft must be true or false",
				"x.md:9:10: error: authors must be a list"}, nil, true, 0},
		{"date with time", "---\ntitle: A\nsummary: S.\ndate: 2019-01-01T10:00:00Z\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems",
			[]string{`x.md:4:7: error: date "2019-01-01T10:00:00Z" has a time in it; write only the date, 2019-01-01`}, nil, true, 0},
		{"date without leading zeros", "---\ntitle: A\nsummary: S.\ndate: 2019-8-3\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems",
			[]string{`x.md:4:7: error: date "2019-8-3" is not a real calendar date in the form YYYY-MM-DD (did you mean 2019-08-03?)`}, nil, true, 0},
		{"quoted date accepted", "---\ntitle: A\nsummary: S.\ndate: \"2019-01-01\"\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems", nil, nil, true, 0},
		{"empty title", "---\ntitle: \"  \"\nsummary: S.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems",
			[]string{"x.md:2:8: error: title is empty"}, nil, true, 0},
		{"null value is missing", "---\ntitle:\nsummary: S.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems",
			[]string{"x.md:1:1: error: title is required"}, nil, true, 0},
		{"unknown key", story("principles: [systems]\nsectors: [nhs]\nsumary: x\nzzz: 1"), "systems",
			[]string{`x.md:7:1: warning: unknown front matter key "sumary" is ignored (did you mean "summary"?)`,
				`x.md:8:1: warning: unknown front matter key "zzz" is ignored; known keys: title,`}, nil, true, 0},
		{"draft left out", story("principles: [systems]\nsectors: [nhs]\ndraft: true"), "", nil, nil, false, 1},
		{"draft kept with -drafts", story("principles: [systems]\nsectors: [nhs]\ndraft: true"), "systems", nil,
			&Options{Taxonomies: opts.Taxonomies, Drafts: true}, true, 0},
		{"bad slug", story("principles: [systems]\nsectors: [nhs]\nslug: Not OK"), "",
			[]string{`x.md:7:7: error: slug "Not OK" is not valid: use lowercase letters, digits and single '-' only, such as "not-ok"`}, nil, false, 0},
		{"year one is not no date", "---\ntitle: A\nsummary: S.\ndate: 0001-01-01\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems",
			[]string{`x.md:4:7: error: date "0001-01-01" is outside the years 1900 to 2099`}, nil, true, 0},
		{"far future date", story("principles: [systems]\nsectors: [nhs]\nupdated: 9999-12-31"), "systems",
			[]string{`x.md:7:10: error: updated "9999-12-31" is outside the years 1900 to 2099`}, nil, true, 0},
		{"bidi override in title", "---\ntitle: \"Safe \u202eevil\"\nsummary: S.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems",
			[]string{`x.md:2:8: error: title holds an invisible or direction-changing character (U+202E): delete it`}, nil, true, 0},
		{"zero width in a list", story("principles: [systems]\nsectors: [nhs]\nauthors: [\"Ann\u200b\"]"), "systems",
			[]string{`x.md:7:11: error: authors holds an invisible or direction-changing character (U+200B): delete it`}, nil, true, 0},
		{"joiners allowed", "---\ntitle: \"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001F469\u200d\U0001F4BB\"\nsummary: S.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\n---\n", "systems", nil, nil, true, 0},
		{"bidi in slug", story("principles: [systems]\nsectors: [nhs]\nslug: \"ab\u202ecd\""), "",
			[]string{`x.md:7:7: error: slug holds an invisible or direction-changing character (U+202E): delete it`}, nil, true, 0},
		{"slug too long", story("principles: [systems]\nsectors: [nhs]\nslug: " + strings.Repeat("ab-", 40) + "c"), "",
			[]string{`x.md:7:7: error: slug "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-c" is 121 characters long, more than the 100 allowed`}, nil, false, 0},
		{"related to self", story("principles: [systems]\nsectors: [nhs]\nrelated: [x]"), "systems",
			[]string{"x.md:7:11: warning: a story cannot be related to itself"}, nil, true, 0},
		{"related missing", story("principles: [systems]\nsectors: [nhs]\nrelated: [y]"), "systems",
			[]string{`x.md:7:11: error: related story "y" does not exist (did you mean "x"?)`}, nil, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts
			if tt.opts != nil {
				o = *tt.opts
			}
			files := append(vocabularyFiles(t), file(t, "content/stories/x.md", tt.src))
			files[len(files)-1].Path = "x.md"
			col, diags := Check(files, o)
			checkDiags(t, diags, tt.diags)
			if kept := len(col.Stories) == 1; kept != tt.kept {
				t.Fatalf("story kept = %v, want %v", kept, tt.kept)
			}
			if len(col.Drafts) != tt.drafts {
				t.Errorf("drafts = %v, want %d", col.Drafts, tt.drafts)
			}
			if tt.kept && tt.terms != "" {
				if got := strings.Join(col.Stories[0].Terms["principles"], " "); got != tt.terms {
					t.Errorf("principles = %q, want %q", got, tt.terms)
				}
			}
		})
	}
}

func checkDiags(t *testing.T, got diag.List, want []string) {
	t.Helper()
	got = got.Sort()
	if len(got) != len(want) {
		t.Fatalf("diagnostics:\n%v\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i].String(), w) {
			t.Errorf("diagnostic %q, want it to start with %q", got[i], w)
		}
	}
}

func TestCheckVocabulary(t *testing.T) {
	tests := []struct {
		name  string
		files []string // path, source pairs
		order string   // principles in display order
		diags []string
	}{
		{"ordered by order then key", []string{
			"content/principles/b.md", "---\ntitle: B\nsummary: S\norder: 1\n---\n",
			"content/principles/a.md", "---\ntitle: A\nsummary: S\norder: 2\n---\n",
			"content/principles/c.md", "---\ntitle: C\nsummary: S\norder: 1\n---\n",
		}, "b c a", nil},
		{"term without title and summary", []string{"content/principles/a.md", "---\norder: 1\n---\n"}, "a",
			[]string{"content/principles/a.md:1:1: error: summary is required", "content/principles/a.md:1:1: error: title is required"}},
		{"term without front matter", []string{"content/principles/a.md", "Text only.\n"}, "a",
			[]string{"content/principles/a.md:1:1: error: summary is required", "content/principles/a.md:1:1: error: title is required"}},
		{"invalid key", []string{"content/principles/Bad_Key.md", "---\ntitle: B\nsummary: S\n---\n"}, "",
			[]string{`content: error: taxonomy "principles" has no terms`, `content/principles/Bad_Key.md:1:1: error: term file name "Bad_Key" is not a valid key`}},
		{"alias taken twice", []string{
			"content/principles/a.md", "---\ntitle: A\nsummary: S\naliases: [x]\n---\n",
			"content/principles/b.md", "---\ntitle: B\nsummary: S\naliases: [x]\n---\n",
		}, "a b", []string{`content/principles/b.md:4:11: error: alias "x" is already used by "a" in principles`}},
		{"order not a number", []string{"content/principles/a.md", "---\ntitle: A\nsummary: S\norder: first\n---\n"}, "a",
			[]string{"content/principles/a.md:4:8: error: order must be a whole number"}},
		{"colour", []string{"content/principles/a.md", "---\ntitle: A\nsummary: S\ncolour: \"#7A2E8C\"\n---\n"}, "a", nil},
		{"colour not hex", []string{"content/principles/a.md", "---\ntitle: A\nsummary: S\ncolour: purple\n---\n"}, "a",
			[]string{`content/principles/a.md:4:9: error: colour "purple" is not a colour of the form #rrggbb`}},
		{"colour too light", []string{"content/principles/a.md", "---\ntitle: A\nsummary: S\ncolour: \"#f2a75d\"\n---\n"}, "a",
			[]string{`content/principles/a.md:4:9: error: colour #f2a75d is too light for text: its contrast with the theme's light background is 1.7:1, and WCAG AA needs 4.5:1; a darker one such as "#`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []*load.File
			for i := 0; i < len(tt.files); i += 2 {
				files = append(files, file(t, tt.files[i], tt.files[i+1]))
			}
			col, diags := Check(files, Options{Taxonomies: []string{"principles"}})
			var keys []string
			for _, term := range col.Terms["principles"] {
				keys = append(keys, term.Key)
			}
			if got := strings.Join(keys, " "); got != tt.order {
				t.Errorf("terms = %q, want %q", got, tt.order)
			}
			for i := range diags {
				if diags[i].Path == "content/principles" {
					diags[i].Path = "content"
				}
			}
			checkDiags(t, diags, tt.diags)
		})
	}
}

func TestCheckSlugsAndPages(t *testing.T) {
	s := story("principles: [systems]\nsectors: [nhs]")
	files := append(vocabularyFiles(t),
		file(t, "content/stories/2019/a.md", s),
		file(t, "content/stories/a.md", s),
		file(t, "content/stories/b/index.md", story("principles: [systems]\nsectors: [nhs]\nslug: a")),
		file(t, "content/pages/about.md", "---\ntitle: About\n---\n"),
		file(t, "content/pages/search.md", "---\ntitle: Search\n---\n"),
		file(t, "content/pages/principles.md", "---\ntitle: P\n---\n"),
		file(t, "content/pages/untitled.md", "Body only.\n"),
		file(t, "content/_index.md", "Home without title.\n"),
	)
	col, diags := Check(files, opts)
	checkDiags(t, diags, []string{
		`content/pages/principles.md:1:1: error: page slug "principles" is not valid or is taken`,
		`content/pages/search.md:1:1: error: page slug "search" is not valid or is taken`,
		"content/pages/untitled.md:1:1: error: title is required",
		`content/stories/2019/a.md:1:1: error: slug "a" is used by two stories: content/stories/2019/a.md and content/stories/a.md`,
		`content/stories/2019/a.md:1:1: error: slug "a" is used by two stories: content/stories/2019/a.md and content/stories/b/index.md`,
		`content/stories/a.md:1:1: error: slug "a" is used by two stories: content/stories/2019/a.md and content/stories/a.md`,
		`content/stories/b/index.md:7:7: error: slug "a" is used by two stories: content/stories/2019/a.md and content/stories/b/index.md`,
	})
	if col.Intros[""] == nil {
		t.Error("home intro missing")
	}
	var pages []string
	for _, p := range col.Pages {
		pages = append(pages, p.Slug)
	}
	if got := strings.Join(pages, " "); got != "about untitled" {
		t.Errorf("pages = %q", got)
	}
}

// TestCheckSetbacks holds the setbacks field to the rules of the other
// lists: entries in order, one text as a list of one, a wrong shape an
// error at the value.
func TestCheckSetbacks(t *testing.T) {
	tests := []struct {
		name  string
		field string
		want  []string
		diags []string
	}{
		{"list", "setbacks: [The first plan failed, \"Funding: late\"]", []string{"The first plan failed", "Funding: late"}, nil},
		{"one text", "setbacks: Nobody came at first", []string{"Nobody came at first"}, nil},
		{"map refused", "setbacks: {a: b}", nil, []string{"x.md:7:11: error: setbacks must be a list"}},
		{"nested list refused", "setbacks: [[a]]", nil, []string{"x.md:7:12: error: each entry of setbacks must be a piece of text, not a list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := append(vocabularyFiles(t), file(t, "content/stories/x.md", story("principles: [systems]\nsectors: [nhs]\n"+tt.field)))
			files[len(files)-1].Path = "x.md"
			col, diags := Check(files, opts)
			checkDiags(t, diags, tt.diags)
			if len(col.Stories) != 1 {
				t.Fatalf("story not kept")
			}
			if got := col.Stories[0].Setbacks; strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("setbacks = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTermColourKept(t *testing.T) {
	files := []*load.File{file(t, "content/values/a.md", "---\ntitle: A\nsummary: S\ncolour: \"#7A2E8C\"\n---\n")}
	col, diags := Check(files, Options{Taxonomies: []string{"values"}})
	checkDiags(t, diags, nil)
	if got := col.Terms["values"][0].Colour; got != "#7a2e8c" {
		t.Errorf("colour = %q, want #7a2e8c", got)
	}
}
