// Package diag holds the diagnostics every stage reports: a message with a
// severity at a position in a file of the site, printed as
// "path:line:col: severity: message".
//
// Paths are relative to the site folder and always use "/". Line and column
// are 1-based and count from the start of the file, front matter included; a
// zero line means the problem concerns the whole file.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells whether a diagnostic stops the build.
type Severity string

// The severities. Errors fail the build; warnings are printed and allowed.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one problem found in the site.
type Diagnostic struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// String formats d as "path:line:col: severity: message", leaving out the
// line and column when they are unknown. Control, bidirectional and
// zero-width characters in the path and message are shown as escapes
// (\x1b, \u202e), so that a file name cannot repaint a terminal or forge
// a line.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(escapeControls(d.Path))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	// A message of several lines keeps them, indented, so that none of
	// them can pass for a diagnostic of its own.
	msg := strings.ReplaceAll(escapeControlsKeepingLines(d.Message), "\n", "\n\t")
	fmt.Fprintf(&b, ": %s: %s", d.Severity, msg)
	return b.String()
}

// Error makes a Diagnostic usable as an error.
func (d Diagnostic) Error() string { return d.String() }

// List is a set of diagnostics, collected from every stage.
type List []Diagnostic

// Errorf appends an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at path:line:col.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics from another list.
func (l *List) Add(other ...Diagnostic) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the list by path, line, column, then message, and drops exact
// duplicates, so that output is stable whatever order stages ran in.
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(l)
}

// Summary returns "3 errors, 1 warning" style text, or "no problems".
func (l List) Summary() string {
	e, w := l.Count()
	if e == 0 && w == 0 {
		return "no problems"
	}
	return plural(e, "error") + ", " + plural(w, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Err returns the list as an error when it holds at least one error, so a
// caller that only cares about failure can treat it like any other error.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}

// ListError is the error form of a List with errors in it.
type ListError struct{ List List }

func (e *ListError) Error() string {
	var b strings.Builder
	for i, d := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
