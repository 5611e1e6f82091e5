package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats accepted by Write.
const (
	FormatText   = "text"
	FormatGitHub = "github"
	FormatJSON   = "json"
)

// Write prints the list in the given format: "text" (one line each and a
// summary line), "github" (workflow command annotations that GitHub shows on
// the changed lines of a pull request) or "json" (an array of objects with
// path, line, col, severity and message; an empty array when clean).
func Write(w io.Writer, l List, format string) error {
	switch format {
	case FormatText, "":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, d.String()); err != nil {
				return err
			}
		}
		_, err := fmt.Fprintln(w, l.Summary())
		return err
	case FormatGitHub:
		for _, d := range l {
			if _, err := fmt.Fprintln(w, githubAnnotation(d)); err != nil {
				return err
			}
		}
		return nil
	case FormatJSON:
		if l == nil {
			l = List{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	}
	return fmt.Errorf("unknown format %q (want text, github or json)", format)
}

// githubAnnotation formats d as a workflow command, escaping the characters
// GitHub's parser treats specially in properties and in the message.
func githubAnnotation(d Diagnostic) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(string(d.Severity))
	b.WriteString(" file=")
	b.WriteString(escapeProperty(escapeControls(d.Path)))
	if d.Line > 0 {
		fmt.Fprintf(&b, ",line=%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", d.Col)
		}
	}
	b.WriteString("::")
	// Line ends stay: GitHub shows %0A as a line break of the annotation.
	b.WriteString(escapeData(escapeControlsKeepingLines(d.Message)))
	return b.String()
}

var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// escapeControls shows the characters of s that a terminal or a log viewer
// would act on or hide as Go escapes: C0 and C1 controls (ESC sequences
// that repaint the screen, newlines that forge a second diagnostic), DEL,
// bidirectional overrides and isolates that reorder a line, and zero-width
// characters. File names and values come from contributors.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func escapeControlsKeepingLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeControls(l)
	}
	return strings.Join(lines, "\n")
}

// isControl reports whether r is a character escapeControls escapes.
func isControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x061c, r == 0xfeff, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
