package render

import (
	"bytes"
	"fmt"
	"sync"
	"time"
	"unsafe"
)

// job renders one output file: a page made by a template (page) or a
// file written by Go code (render).
type job struct {
	path string
	page *pageRun
	// render writes a file that is not a template's; fingerprint, when
	// set, computes the digest of everything it is made from (see
	// Unchanged). Both are called on the rendering goroutines.
	render      func(buf *bytes.Buffer) error
	fingerprint func() uint64
	// after, when set, runs once the file is rendered.
	after func()
	// fresh renders a page whatever its record says (Bodies).
	fresh bool
	// date is when the page's content last changed, for the sitemap,
	// when it has such a date.
	date time.Time
	// unlisted keeps the page out of the sitemap: a draft's.
	unlisted bool
}

// pageRun is a page to be made by the template of its kind: entry is the
// template executed, "base.html" for a page in the site's layout or the
// kind's own for a standalone one (a pack, a redirect).
type pageRun struct {
	r           *renderer
	kind, entry string
	p           *Page
}

// page prepares the page p of kind in the site's layout.
func (r *renderer) page(kind string, p *Page) *pageRun {
	p.Site, p.Kind = r.data, kind
	if p.OGType == "" {
		p.OGType = "website"
	}
	if p.Feed == "" {
		p.Feed = r.data.FeedURL
	}
	if p.Image == "" {
		p.Image = r.site.Config.Abs("card.png")
	}
	if p.Alternates == nil {
		p.Alternates = r.alternatesOf(p)
		p.Languages = r.switchOf(p.Alternates)
	}
	p.setDerived()
	return &pageRun{r: r, kind: kind, entry: "base.html", p: p}
}

// standalone prepares a page of kind made by its own template alone,
// without the site's layout.
func (r *renderer) standalone(kind string, p *Page) *pageRun {
	p.Site, p.Kind = r.data, kind
	p.setDerived()
	return &pageRun{r: r, kind: kind, entry: kind + ".html", p: p}
}

// run renders on all cores the jobs that each of producers adds, from its
// own goroutine, while earlier ones render, and returns the first error.
func (x *Renderer) run(unchanged Unchanged, emit Emit, producers ...func(add func(job)) error) error {
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	next := make(chan job, 64)
	for w, acc := range x.r.theme.access {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for j := range next {
				buf.Reset()
				done, err := x.do(j, w, acc, unchanged, &buf)
				if j.after != nil {
					j.after()
				}
				if err == nil && !done {
					err = emit(j.path, buf.Bytes())
				}
				if err != nil {
					fail(fmt.Errorf("rendering %s: %w", j.path, err))
				}
			}
		}()
	}
	var producing sync.WaitGroup
	for _, produce := range producers {
		producing.Add(1)
		go func() {
			defer producing.Done()
			if err := produce(func(j job) { next <- j }); err != nil {
				fail(err)
			}
		}()
	}
	producing.Wait()
	close(next)
	wg.Wait()
	return firstErr
}

// do renders j into buf on worker w, unless it is unchanged (done).
func (x *Renderer) do(j job, w int, acc *accessor, unchanged Unchanged, buf *bytes.Buffer) (done bool, err error) {
	if j.page == nil {
		if unchanged != nil && j.fingerprint != nil && unchanged(j.path, j.fingerprint()) {
			return true, nil
		}
		err := j.render(buf)
		if err == errKept {
			return true, nil
		}
		return false, err
	}
	pr, rs, reg := j.page, x.opts.Records, x.r.reg
	self := pr.r.salt
	if rs != nil && x.opts.Kept != nil && !j.fresh {
		if prev := rs.last(j.path); rs.valid(prev, self, pr.p) && x.opts.Kept(j.path) {
			rs.put(j.path, prev)
			return true, nil
		}
	}
	if rs == nil {
		return false, pr.r.tmpl.fast.execute(pr.r.tmpl.plain[pr.kind], pr.entry, buf, pr.p)
	}
	acc.reg, acc.rec, acc.page = reg, newRecorder(), unsafe.Pointer(pr.p)
	err = pr.r.tmpl.setFast[w].execute(pr.r.tmpl.sets[w][pr.kind], pr.entry, buf, pr.p)
	if err == nil {
		rs.put(j.path, reg.record(self, acc.rec.reads, pr.p))
	}
	acc.rec, acc.page = nil, nil
	return false, err
}
