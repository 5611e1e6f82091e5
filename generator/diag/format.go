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
	b.WriteString(escapeProperty(d.Path))
	if d.Line > 0 {
		fmt.Fprintf(&b, ",line=%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", d.Col)
		}
	}
	b.WriteString("::")
	b.WriteString(escapeData(d.Message))
	return b.String()
}

var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
