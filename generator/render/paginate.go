package render

import (
	"strconv"

	"github.com/casebook/casebook/generator/link"
)

// paginate adds the pages of a list under dir. Older pages keep their
// stories: dir/page/1/ holds the PerPage oldest stories of the list,
// dir/page/2/ the next PerPage, and so on, and the list's own URL holds the
// newest PerPage to 2×PerPage−1 (all of a shorter list). A story that is
// added, retagged or redated therefore changes only the pages from its own
// place to the newest, which for a new story is the first page alone: a
// rebuild writes a page or two instead of the whole list, a deploy uploads
// only those, and a link to page/3/ keeps showing what it showed.
func (r *renderer) paginate(add func(job), dir string, stories []*link.Story, fill func(*Page)) {
	cfg := r.site.Config
	n := len(stories)
	total := max(1, n/PerPage)
	// urls[i] is the URL of page number i+1, counted from the oldest; the
	// last is the list's own URL.
	urls := make([]string, total)
	for i := range urls {
		urls[i] = cfg.Rel(pagePath(dir, i+1, total))
	}
	for number := total; number >= 1; number-- {
		// The newest page takes what the full older pages leave.
		lo, hi := n-number*PerPage, n-(number-1)*PerPage
		if number == total {
			lo = 0
		}
		p := &Page{Stories: stories[lo:hi], Canonical: cfg.Abs(pagePath(dir, number, total))}
		fill(p)
		if total > 1 {
			p.Pager = &Pager{Number: number, Total: total, Pages: urls, First: urls[total-1], tr: r.tr}
			if len(p.Stories) > 0 {
				p.Pager.Newest, p.Pager.Oldest = p.Stories[0].Date, p.Stories[len(p.Stories)-1].Date
			}
			if number < total {
				p.Pager.Newer = urls[number]
				p.Title += " (" + p.Pager.Span() + ")"
			}
			if number > 1 {
				p.Pager.Older = urls[number-2]
			}
		}
		add(job{path: pagePath(dir, number, total) + "index.html", page: r.page(p.Kind, p)})
	}
}

// pagePath is the folder of page number n of total of the list under dir
// (see paginate): the list's own folder for the newest page.
func pagePath(dir string, n, total int) string {
	if n == total {
		return dir
	}
	return dir + "page/" + strconv.Itoa(n) + "/"
}
