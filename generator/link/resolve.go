package link

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/casebook/casebook/generator/suggest"
)

// resolver answers the markdown package's questions about link targets.
type resolver struct{ l *linker }

// ResolveFile implements markdown.Resolver.
func (r resolver) ResolveFile(sitePath string) (string, string, error) {
	sitePath = strings.TrimSuffix(sitePath, "/")
	if t, ok := r.l.byPath[sitePath]; ok {
		return t.url, t.title, nil
	}
	if slug, ok := r.l.col.Drafts[sitePath]; ok {
		return "", "", fmt.Errorf("%s is a draft (slug %q) and is not published; link to it once it is published", sitePath, slug)
	}
	return "", "", errors.New(r.missing(sitePath))
}

// missing explains a path that resolves to nothing, suggesting the nearest
// existing file in the same folder.
func (r resolver) missing(sitePath string) string {
	dir := path.Dir(sitePath)
	var near []string
	for p := range r.l.byPath {
		if path.Dir(p) == dir || strings.HasPrefix(dir, "content/stories") && strings.HasPrefix(p, "content/stories/") {
			near = append(near, p)
		}
	}
	sort.Strings(near)
	msg := "no page or file at " + sitePath
	if n := suggest.Nearest(sitePath, near); n != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", n)
	}
	return msg
}

// SiteURL implements markdown.Resolver.
func (r resolver) SiteURL(sitePath string) string { return r.l.cfg.Rel(sitePath) }

// ResolveWiki implements markdown.Resolver. A target is a story slug, a
// page slug, "<taxonomy>/<key>", "<taxonomy>", "stories/<slug>" or
// "pages/<slug>".
func (r resolver) ResolveWiki(target string) (string, string, error) {
	target = strings.Trim(strings.TrimSpace(target), "/")
	target = strings.TrimSuffix(target, ".md")
	section, key, nested := strings.Cut(target, "/")
	if !nested {
		if s := r.l.bySlug[target]; s != nil {
			return s.URL, s.Title, nil
		}
		if p := r.l.pageBySlug[target]; p != nil {
			return p.URL, p.Title, nil
		}
		for _, tax := range r.l.site.Taxonomies {
			if tax.Name == target {
				return tax.URL, tax.Title, nil
			}
		}
		if r.isDraft(target) {
			return "", "", fmt.Errorf("story %q is a draft and is not published", target)
		}
		return "", "", fmt.Errorf("no story or page with slug %q%s", target, suggest.Hint(target, r.slugs()))
	}
	switch section {
	case "stories":
		return r.ResolveWiki(key)
	case "pages":
		if p := r.l.pageBySlug[key]; p != nil {
			return p.URL, p.Title, nil
		}
		return "", "", fmt.Errorf("no page with slug %q", key)
	}
	for _, tax := range r.l.site.Taxonomies {
		if tax.Name != section {
			continue
		}
		if t := tax.byKey[key]; t != nil {
			return t.URL, t.Title, nil
		}
		var keys []string
		for _, t := range tax.Terms {
			keys = append(keys, t.Key)
		}
		return "", "", fmt.Errorf("no %s term %q%s", section, key, suggest.Hint(key, keys))
	}
	return "", "", fmt.Errorf("%q is not a story, a page or a taxonomy term", target)
}

func (r resolver) isDraft(slug string) bool {
	for _, s := range r.l.col.Drafts {
		if s == slug {
			return true
		}
	}
	return false
}

func (r resolver) slugs() []string {
	var out []string
	for _, s := range r.l.site.Stories {
		out = append(out, s.Slug)
	}
	return out
}
