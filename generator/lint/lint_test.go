package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
)

var taxonomies = []string{"principles", "sectors"}

// story returns a story that breaks no rule, starting its body on line 10
// of content/stories/<slug>.md.
func story(slug string) *content.Story {
	path := "content/stories/" + slug + ".md"
	return &content.Story{
		Path:      path,
		Slug:      slug,
		Title:     "Story " + slug,
		Summary:   "A group of services asked families what support meant and changed how they worked.",
		Date:      time.Date(2019, 8, 30, 0, 0, 0, 0, time.UTC),
		Terms:     map[string][]string{"principles": {"systems"}, "sectors": {"nhs"}},
		Questions: []string{"What does support mean for you?"},
		Body:      content.Body{Source: []byte("## The situation\n\nText.\n"), Line: 10},
		Front: map[string]content.Pos{
			"title":      {Path: path, Line: 2, Col: 8},
			"summary":    {Path: path, Line: 3, Col: 10},
			"date":       {Path: path, Line: 4, Col: 7},
			"updated":    {Path: path, Line: 5, Col: 10},
			"principles": {Path: path, Line: 6, Col: 13},
		},
	}
}

func collection(stories ...*content.Story) *content.Collection {
	return &content.Collection{
		Stories: stories,
		Terms: map[string][]*content.Term{
			"principles": {{Path: "content/principles/systems.md", Taxonomy: "principles", Key: "systems"}, {Path: "content/principles/inquiry.md", Taxonomy: "principles", Key: "inquiry", Title: "Inquiry", AskQuestions: true}},
			"sectors":    {{Path: "content/sectors/nhs.md", Taxonomy: "sectors", Key: "nhs"}},
		},
	}
}

// withInquiryStory adds a story using the inquiry term, so that the
// unused-term rule stays quiet in tests of other rules.
func withInquiryStory(stories ...*content.Story) *content.Collection {
	s := story("inquiring")
	s.Terms["principles"] = []string{"inquiry"}
	return collection(append(stories, s)...)
}

func withBody(src string) *content.Story {
	s := story("a")
	s.Body.Source = []byte(src)
	return s
}

type want struct {
	rule      string
	path      string
	line, col int
	contains  string
}

func TestRules(t *testing.T) {
	later := story("b")
	later.Updated = time.Date(2019, 1, 2, 0, 0, 0, 0, time.UTC)
	short := story("a")
	short.Summary = "Too short."
	long := story("a")
	long.Summary = strings.Repeat("word ", 61)
	twinA, twinB := story("a"), story("b")
	twinB.Title = " story  A " // same words, other case and spacing
	noQuestions := story("c")
	noQuestions.Terms["principles"] = []string{"systems", "inquiry"}
	noQuestions.Questions = nil

	tests := []struct {
		name string
		col  *content.Collection
		want []want
	}{
		{"clean", withInquiryStory(story("a")), nil},
		{"image without alt", withInquiryStory(withBody("## One\n\nSee the map:\n\nText ![](map.svg) here.\n")),
			[]want{{"image-alt", "content/stories/a.md", 14, 6, "![A map of the area](map.svg)"}}},
		{"image with blank alt", withInquiryStory(withBody("![ ](a.png)\n")),
			[]want{{"image-alt", "content/stories/a.md", 10, 1, "image has no alt text"}}},
		{"image with alt", withInquiryStory(withBody("![A map](a.png)\n")), nil},
		{"second h1", withInquiryStory(withBody("Intro.\n\n# Title again\n\n## Section\n")),
			[]want{{"heading-h1", "content/stories/a.md", 12, 1, "second h1"}}},
		{"setext h1", withInquiryStory(withBody("Intro.\n\nTitle again\n===\n")),
			[]want{{"heading-h1", "content/stories/a.md", 12, 1, "second h1"}}},
		{"skipped level", withInquiryStory(withBody("## One\n\ntext\n\n  #### Deep\n")),
			[]want{{"heading-skip", "content/stories/a.md", 14, 3, "from level 2 to level 4; use ###"}}},
		{"first heading skips h2", withInquiryStory(withBody("### Start\n")),
			[]want{{"heading-skip", "content/stories/a.md", 10, 1, "from level 1 to level 3; use ##"}}},
		{"going back up is fine", withInquiryStory(withBody("## A\n\n### B\n\n## C\n\n### D\n")), nil},
		{"heading in code is not a heading", withInquiryStory(withBody("```\n# not a heading\n```\n")), nil},
		{"vague link text", withInquiryStory(withBody("Intro.\n\nThe report is [here](https://example.org/r).\n")),
			[]want{{"link-text", "content/stories/a.md", 12, 15, `link text "here"`}}},
		{"click here with punctuation", withInquiryStory(withBody("* [Click here!](x.md)\n")),
			[]want{{"link-text", "content/stories/a.md", 10, 3, `"Click here!"`}}},
		{"read more", withInquiryStory(withBody("Über [read more](x.md)\n")),
			[]want{{"link-text", "content/stories/a.md", 10, 6, `"read more"`}}},
		{"empty link text", withInquiryStory(withBody("See [](x.md).\n")),
			[]want{{"link-text", "content/stories/a.md", 10, 5, "link has no text"}}},
		{"descriptive link", withInquiryStory(withBody("See [the family support story](x.md).\n")), nil},
		{"summary too short", withInquiryStory(short),
			[]want{{"summary-length", "content/stories/a.md", 3, 10, "only 10 characters"}}},
		{"summary too long", withInquiryStory(long),
			[]want{{"summary-length", "content/stories/a.md", 3, 10, "305 characters"}}},
		{"duplicate title", withInquiryStory(twinA, twinB), []want{
			{"duplicate-title", "content/stories/a.md", 2, 8, "also the title of content/stories/b.md"},
			{"duplicate-title", "content/stories/b.md", 2, 8, "also the title of content/stories/a.md"},
		}},
		{"updated before date", withInquiryStory(later),
			[]want{{"updated-before-date", "content/stories/b.md", 5, 10, "updated 2019-01-02 is before date 2019-08-30"}}},
		{"asking term without questions", collection(noQuestions),
			[]want{{"term-questions", "content/stories/c.md", 6, 13, `shows "Inquiry" but lists no questions`}}},
		{"term that does not ask", func() *content.Collection {
			c := collection(noQuestions)
			c.Terms["principles"][1].AskQuestions = false
			return c
		}(), nil},
		{"unused term", collection(story("a")),
			[]want{{"unused-term", "content/principles/inquiry.md", 1, 1, `principle "inquiry"`}}},
		{"page bodies too", func() *content.Collection {
			c := withInquiryStory(story("a"))
			c.Pages = []*content.Page{{Path: "content/pages/about.md", Body: content.Body{Source: []byte("#### Deep\n"), Line: 4}}}
			return c
		}(), []want{{"heading-skip", "content/pages/about.md", 4, 1, "level 1 to level 4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lint(tt.col, Options{Taxonomies: taxonomies})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tt.want), findingsText(got))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Rule != w.rule || g.Pos.Path != w.path || g.Pos.Line != w.line || g.Pos.Col != w.col {
					t.Errorf("finding %d = %s %s:%d:%d, want %s %s:%d:%d", i, g.Rule, g.Pos.Path, g.Pos.Line, g.Pos.Col, w.rule, w.path, w.line, w.col)
				}
				if !strings.Contains(g.Message+"; "+g.Fix, w.contains) {
					t.Errorf("finding %d = %q, want it to contain %q", i, g.String(), w.contains)
				}
				if g.Fix == "" {
					t.Errorf("finding %d has no suggested fix: %s", i, g)
				}
			}
		})
	}
}

func findingsText(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Rule + " " + f.String() + "\n")
	}
	return b.String()
}

func TestDiagnosticsSeverity(t *testing.T) {
	findings := []Finding{{Rule: "image-alt", Pos: content.Pos{Path: "a.md", Line: 3, Col: 4}, Message: "image has no alt text", Fix: "describe it"}}
	tests := []struct {
		name   string
		strict bool
		want   string
	}{
		{"warning by default", false, "a.md:3:4: warning: image has no alt text; describe it"},
		{"error when strict", true, "a.md:3:4: error: image has no alt text; describe it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := Diagnostics(findings, tt.strict)
			if len(list) != 1 || list[0].String() != tt.want {
				t.Fatalf("got %v, want %q", list, tt.want)
			}
			if list.HasErrors() != tt.strict {
				t.Errorf("HasErrors = %v, want %v", list.HasErrors(), tt.strict)
			}
		})
	}
	var empty diag.List = Diagnostics(nil, true)
	if len(empty) != 0 {
		t.Errorf("no findings gave %v", empty)
	}
}

// FuzzBody checks that any body lints without panicking and that every
// finding points inside the body.
func FuzzBody(f *testing.F) {
	for _, seed := range []string{"## A\n\n#### B\n", "![](x.png) [here](y)", "# T\n===\n", "> ## quoted\n", "- [](x)\n\t![ ](y)", "\xff[\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := story("a")
		s.Body.Source = []byte(src)
		lines := strings.Count(src, "\n") + 1
		for _, fd := range Lint(withInquiryStory(s), Options{Taxonomies: taxonomies}) {
			if fd.Pos.Path != s.Path || fd.Rule == "unused-term" {
				continue
			}
			if fd.Pos.Line < s.Body.Line || fd.Pos.Line >= s.Body.Line+lines || fd.Pos.Col < 1 {
				t.Fatalf("%s points outside the body of %d lines", fd, lines)
			}
		}
	})
}
