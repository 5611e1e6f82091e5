package render

import (
	"bytes"
	"fmt"

	"github.com/casebook/casebook/generator/link"
)

// redirectJobs adds a page at every earlier address of a story or term
// (see link.Redirect), which sends readers and search engines on to the
// current one, and _redirects, the same list for hosts that answer with
// a 301 themselves (Netlify and Cloudflare Pages read it). Redirect pages
// are no pages of their own: the sitemap leaves them out and they ask
// not to be indexed. Each language has the redirect pages of its own
// pages, under its folder; _redirects lists those of every language.
func (r *renderer) redirectJobs(add func(job)) {
	var redirects []link.Redirect
	for _, l := range r.family {
		cfg := l.site.Config
		emit := l.prefixed(add)
		for i := range l.site.Redirects {
			rd := &l.site.Redirects[i]
			p := &Page{Title: rd.Title, Description: rd.Title, Canonical: cfg.Abs(rd.ToPath), Redirect: rd}
			emit(job{path: rd.OutPath, page: l.standalone("redirect", p)})
		}
		redirects = append(redirects, l.site.Redirects...)
	}
	add(job{path: "_redirects", render: func(buf *bytes.Buffer) error {
		for _, rd := range redirects {
			if _, err := fmt.Fprintf(buf, "%s %s 301\n", rd.From, rd.To); err != nil {
				return err
			}
		}
		return nil
	}})
}
