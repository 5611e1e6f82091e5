package link

import (
	"regexp"
	"sort"
)

// Redirect is an earlier address of a page that still leads to it: a
// story's alias (an earlier slug) or a term's alias (an earlier key).
type Redirect struct {
	// From and To are the old and current URLs, with the base path.
	From, To string
	// OutPath is the file of the redirect page at the old address.
	OutPath string
	// ToPath is the site path of the page it leads to, such as
	// "stories/x/".
	ToPath string
	// Title is the title of the page it leads to.
	Title string
}

// urlAlias is the shape an alias must have to be an address: term
// aliases may also be other spellings contributors write, such as
// "Relationships", which are no address and get no redirect.
var urlAlias = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// redirects lists every story's and term's aliases, by old URL. check
// has made sure that no alias is a live address or another's alias. In
// an edition in a further language, whose pages have the same paths under
// /<code>/, they are the old URLs of its own pages: a story only when it
// is translated (the original's redirect serves the others).
func (l *linker) redirects() {
	var out []Redirect
	add := func(sitePath, toPath, title string) {
		out = append(out, Redirect{From: l.cfg.Rel(sitePath), To: l.cfg.Rel(toPath), OutPath: sitePath + "index.html", ToPath: toPath, Title: title})
	}
	for _, s := range l.site.Stories {
		if s.OutPath == "" {
			continue // not translated: no page here, then or now
		}
		for _, a := range s.Aliases {
			add("stories/"+a.Value+"/", "stories/"+s.Slug+"/", s.Title)
		}
	}
	for _, tax := range l.site.Taxonomies {
		for _, t := range tax.Terms {
			for _, a := range t.Aliases {
				if urlAlias.MatchString(a) {
					add(tax.Name+"/"+a+"/", tax.Name+"/"+t.Key+"/", t.Title)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	l.site.Redirects = out
}
