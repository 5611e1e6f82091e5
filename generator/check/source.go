package check

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/frontmatter"
)

// sourceKeys are the fields of a story's source.
var sourceKeys = []string{"title", "authors", "year", "doi", "url"}

// doiPattern is the shape of a DOI: the 10. directory indicator, a
// registrant code of digits (and dots), a slash and a suffix without
// spaces.
var doiPattern = regexp.MustCompile(`^10\.[0-9]{4,9}(\.[0-9]+)*/\S+$`)

// doiResolvers are prefixes contributors copy along with a DOI.
var doiResolvers = []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}

// source decodes a story's source: the published work it is drawn from,
// as a set of keys (title required; authors, year, doi, url optional).
// Problems are reported at the offending value; a source with errors is
// left out.
func (f *fields) source() *content.Source {
	n := f.get("source")
	if n == nil {
		return nil
	}
	if n.Kind != frontmatter.Map {
		f.errorf(n, "source must be a set of keys such as {title: \"Report name\", year: 2019, url: \"https://…\"}, not %s", n.Kind)
		return nil
	}
	sub := &fields{path: f.path, front: n, start: n.Line, diags: f.diags, seen: map[string]bool{}}
	mark := len(*f.diags)
	src := &content.Source{Pos: f.pos(n)}
	src.Title = sub.text("title", false, "")
	if src.Title == "" {
		if t := sub.get("title"); t == nil {
			f.errorf(n, "source needs a title: the name of the published work the story is drawn from")
		} else if t.Kind == frontmatter.Scalar {
			sub.errorf(t, "source title is empty: write the name of the published work the story is drawn from")
		}
	}
	src.Authors = sub.strings("authors")
	src.Year = sub.year()
	src.DOI = sub.doi()
	src.URL = sub.url()
	sub.unknownKeys(sourceKeys)
	if (*f.diags)[mark:].HasErrors() {
		return nil
	}
	return src
}

// year decodes the year of a source: four digits.
func (f *fields) year() int {
	n := f.get("year")
	if n == nil {
		return 0
	}
	if n.Kind == frontmatter.Scalar {
		v := strings.TrimSpace(n.Value)
		if y, err := strconv.Atoi(v); err == nil && len(v) == 4 && y >= 1000 {
			return y
		}
	}
	f.errorf(n, "source year must be a year of four digits such as 2019")
	return 0
}

// doi decodes a DOI, taking off a resolver prefix such as
// https://doi.org/ with a warning.
func (f *fields) doi() string {
	v := f.text("doi", false, "")
	if v == "" {
		return ""
	}
	n := f.get("doi")
	bare := v
	for _, p := range doiResolvers {
		if len(bare) > len(p) && strings.EqualFold(bare[:len(p)], p) {
			bare = bare[len(p):]
			break
		}
	}
	if !doiPattern.MatchString(bare) {
		f.errorf(n, "source doi %q is not a DOI: write it as 10.<digits>/<suffix>, such as 10.1000/xyz123", v)
		return ""
	}
	if bare != v {
		f.diags.Warnf(f.path, n.Line, n.Col, "write the source doi without the resolver, as %s", bare)
	}
	return bare
}

// url decodes the web address of a source: absolute, http or https.
func (f *fields) url() string {
	v := f.text("url", false, "")
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(v, " \t") {
		f.errorf(f.get("url"), "source url %q is not a web address: write it in full, starting with https://", v)
		return ""
	}
	return v
}
