package render

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/link"
)

// A story is cited as a web document of the site: its authors, or the
// site itself when it names none, its date, title and address. Its
// source, when it has one, is cited beside it as a second entry, so that
// reference managers import both.

// citeAuthors are the authors a story is cited with.
func citeAuthors(s *link.Story, siteTitle string) []string {
	if len(s.Authors) > 0 {
		return s.Authors
	}
	return []string{siteTitle}
}

// citeJobs adds stories/<slug>/cite.bib and cite.ris for story s.
func (r *renderer) citeJobs(add func(job), s *link.Story) {
	dir := "stories/" + s.Slug + "/"
	for _, format := range []struct {
		name  string
		write func(*bytes.Buffer, *link.Story, string, string)
	}{{"cite.bib", writeBibTeX}, {"cite.ris", writeRIS}} {
		add(job{path: dir + format.name, fingerprint: func() uint64 { return r.made(format.name, s) },
			render: func(buf *bytes.Buffer) error {
				format.write(buf, s, r.site.Config.Title, r.site.Config.Abs(dir))
				return nil
			}})
	}
}

// writeBibTeX writes a story, and its source, as BibTeX entries. Every
// value is in braces with TeX's special characters escaped, so no value
// can end its field or entry; names are braced too, so that a group's
// name ("Police and Fire") is not split into people.
func writeBibTeX(buf *bytes.Buffer, s *link.Story, siteTitle, url string) {
	field := func(name, value string) {
		buf.WriteString("  " + name + " = {" + value + "},\n")
	}
	buf.WriteString("@misc{" + s.Slug + ",\n")
	field("author", bibNames(citeAuthors(s, siteTitle)))
	field("title", "{"+bibEscape(s.Title)+"}")
	field("year", strconv.Itoa(s.Date.Year()))
	field("date", s.Date.Format("2006-01-02"))
	field("organization", bibEscape(siteTitle))
	field("abstract", bibEscape(s.Summary))
	field("url", bibURL(url))
	field("howpublished", `\url{`+bibURL(url)+`}`)
	if s.Source != nil {
		field("related", s.Slug+"-source")
	}
	buf.WriteString("}\n")
	if src := s.Source; src != nil {
		buf.WriteString("\n@misc{" + s.Slug + "-source,\n")
		if len(src.Authors) > 0 {
			field("author", bibNames(src.Authors))
		}
		field("title", "{"+bibEscape(src.Title)+"}")
		if src.Year != 0 {
			field("year", strconv.Itoa(src.Year))
		}
		if src.DOI != "" {
			field("doi", bibURL(src.DOI))
		}
		if src.URL != "" {
			field("url", bibURL(src.URL))
		}
		buf.WriteString("}\n")
	}
}

// bibSpecial escapes the characters TeX gives a meaning to, and turns
// line breaks (which a quoted YAML value may hold) into spaces.
var bibSpecial = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\{`, `}`, `\}`, `%`, `\%`, `&`, `\&`, `$`, `\$`, `#`, `\#`,
	`_`, `\_`, `^`, `\^{}`, `~`, `\~{}`, "\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ")

func bibEscape(v string) string { return bibSpecial.Replace(v) }

func bibNames(names []string) string {
	braced := make([]string, len(names))
	for i, n := range names {
		braced[i] = "{" + bibEscape(n) + "}"
	}
	return strings.Join(braced, " and ")
}

// bibURL keeps an address as it is, for url fields are read verbatim,
// but percent-encodes what could unbalance the braces of its field.
var bibURLSpecial = strings.NewReplacer(`{`, "%7B", `}`, "%7D", `\`, "%5C", " ", "%20", "\n", "%0A", "\r", "%0D")

func bibURL(v string) string { return bibURLSpecial.Replace(v) }

// writeRIS writes a story, and its source, as RIS records: one tag a
// line, CRLF line ends as the format asks, line breaks inside values
// turned into spaces so that no value can start a tag of its own.
func writeRIS(buf *bytes.Buffer, s *link.Story, siteTitle, url string) {
	tag := func(name, value string) {
		buf.WriteString(name + "  - " + risValue(value) + "\r\n")
	}
	tag("TY", "ELEC")
	for _, a := range citeAuthors(s, siteTitle) {
		tag("AU", a)
	}
	tag("TI", s.Title)
	tag("PY", strconv.Itoa(s.Date.Year()))
	tag("DA", s.Date.Format("2006/01/02"))
	tag("PB", siteTitle)
	tag("AB", s.Summary)
	tag("UR", url)
	tag("ID", s.Slug)
	tag("ER", "")
	if src := s.Source; src != nil {
		writeRISSource(buf, tag, src)
	}
}

func writeRISSource(buf *bytes.Buffer, tag func(name, value string), src *content.Source) {
	buf.WriteString("\r\n")
	tag("TY", "GEN")
	for _, a := range src.Authors {
		tag("AU", a)
	}
	tag("TI", src.Title)
	if src.Year != 0 {
		tag("PY", strconv.Itoa(src.Year))
	}
	if src.DOI != "" {
		tag("DO", src.DOI)
	}
	if src.URL != "" {
		tag("UR", src.URL)
	}
	tag("ER", "")
}

// risBreaks are the characters that end a line for some reader.
var risBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

func risValue(v string) string { return strings.TrimSpace(risBreaks.Replace(v)) }
