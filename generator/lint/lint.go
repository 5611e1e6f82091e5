// Package lint finds problems in checked content that do not stop a build
// but make a casebook harder to read, to find or to trust. Each finding has
// a position in the file and a suggested fix written for a contributor who
// is not technical. The rules:
//
//	image-alt            an image without alt text
//	heading-h1           a "#" heading in a body (the page title is the h1)
//	heading-skip         a heading that skips a level (## then ####)
//	link-text            a link whose text is empty or vague ("click here")
//	summary-length       a summary shorter than 40 or longer than 300 characters
//	duplicate-title      two stories with the same title (both are named)
//	updated-before-date  updated earlier than date
//	term-questions       a story with no questions tagged with a term whose
//	                     file says ask_questions: true (a hint)
//	unused-term          a term no story uses
//
// Body rules apply to stories, plain pages, section intros and term
// descriptions; the others to stories and terms. Lint reports findings;
// Diagnostics turns them into warnings, or errors in strict mode.
package lint

import (
	"maps"
	"slices"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/diag"
)

// Summary length limits, in characters.
const (
	MinSummary = 40
	MaxSummary = 300
)

// Options say what Lint needs to know about the site.
type Options struct {
	// Taxonomies are the taxonomy names from site.toml, in order.
	Taxonomies []string
}

// Finding is one problem found by a rule.
type Finding struct {
	// Rule is the rule's name, such as "image-alt".
	Rule string
	Pos  content.Pos
	// Message says what is wrong; Fix says what to do about it.
	Message string
	Fix     string
}

// String formats f as "path:line:col: message; fix".
func (f Finding) String() string {
	return diag.Diagnostic{Path: f.Pos.Path, Line: f.Pos.Line, Col: f.Pos.Col, Severity: diag.Warning, Message: f.text()}.String()
}

func (f Finding) text() string {
	if f.Fix == "" {
		return f.Message
	}
	return f.Message + "; " + f.Fix
}

// Lint runs every rule over col and returns the findings in the order
// found: files in collection order, positions ascending within a file.
func Lint(col *content.Collection, opts Options) []Finding {
	var l linter
	asking := askingTerms(col, opts.Taxonomies)
	for _, s := range col.Stories {
		l.body(s.Path, s.Body)
		l.story(s, opts)
		l.questions(s, opts.Taxonomies, asking)
	}
	l.duplicateTitles(col.Stories)
	for _, p := range col.Pages {
		l.body(p.Path, p.Body)
	}
	for _, section := range slices.Sorted(maps.Keys(col.Intros)) {
		if p := col.Intros[section]; p != nil {
			l.body(p.Path, p.Body)
		}
	}
	for _, name := range opts.Taxonomies {
		for _, t := range col.Terms[name] {
			l.body(t.Path, t.Body)
		}
	}
	l.unusedTerms(col, opts.Taxonomies)
	return l.findings
}

// Diagnostics turns findings into diagnostics: warnings, or errors when
// strict is set.
func Diagnostics(findings []Finding, strict bool) diag.List {
	sev := diag.Warning
	if strict {
		sev = diag.Error
	}
	list := make(diag.List, 0, len(findings))
	for _, f := range findings {
		list = append(list, diag.Diagnostic{Path: f.Pos.Path, Line: f.Pos.Line, Col: f.Pos.Col, Severity: sev, Message: f.text()})
	}
	return list
}

// linter collects findings.
type linter struct {
	findings []Finding
}

func (l *linter) add(rule string, pos content.Pos, message, fix string) {
	l.findings = append(l.findings, Finding{Rule: rule, Pos: pos, Message: message, Fix: fix})
}
