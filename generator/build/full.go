package build

import (
	"sync"

	"github.com/casebook/casebook/generator/link"
	"github.com/casebook/casebook/generator/publish"
	"github.com/casebook/casebook/generator/render"
)

// full renders the whole site into a staging folder and swaps it in: a
// one-shot Build, and a Builder's first build or one after a failed
// write. It returns the renderer, for a Builder's next short build.
func (b *Builder) full(site *link.Site, th *render.Theme, ropts render.Options, up *Update) (*render.Renderer, error) {
	stage, err := publish.Begin(b.opts.Src, b.out)
	if err != nil {
		return nil, err
	}
	up.Out = stage.Dir()
	p := &produced{up: up}
	var unchanged render.Unchanged
	var keys *keyRecorder
	if b.once {
		// Nothing is compared with a next build: no digests, no
		// fingerprints of Go-written files, and a social card is linked
		// from the last output when it would come out the same.
		ropts.Keep = func(name string, same func(head []byte) bool) bool {
			size, ok := stage.Keep(name, same)
			if ok {
				p.record(name, fileDigest{size: int(size)}, false)
			}
			return ok
		}
	} else {
		p.files = map[string]fileDigest{}
		keys = newKeyRecorder(0)
		unchanged = keys.fresh
	}
	rd := render.New(site, th, ropts)
	b.compact = rd.Compact
	index := b.searchFiles(site, true)
	bufs := sync.Pool{New: func() any { return new([]byte) }}
	err = rd.All(unchanged, func(name string, data []byte) error {
		var d fileDigest
		if b.once {
			if b.opts.minifies(name, rd.Compact) {
				bp := bufs.Get().(*[]byte)
				defer bufs.Put(bp)
				*bp = minifier().Minify((*bp)[:0], name, data)
				data = *bp
			}
		} else {
			d.rendered = digestOf(data)
			data = b.minify(name, data)
			d.written = digestOf(data)
		}
		d.size = len(data)
		if err := stage.Write(name, data); err != nil {
			return err
		}
		p.record(name, d, true)
		return nil
	}, index...)
	if err != nil {
		stage.Abort()
		return nil, err
	}
	if err := stage.Commit(); err != nil {
		return nil, err
	}
	up.Rendered = up.Files
	if b.once {
		return rd, nil
	}
	b.out = up.Out
	b.setFiles(p.files)
	b.keys = keys.keys
	return rd, nil
}

// produced collects the files of one build from render's goroutines.
type produced struct {
	mu sync.Mutex
	// files, when not nil, maps each file to its digests; a one-shot
	// build keeps neither them nor the names written.
	files map[string]fileDigest
	up    *Update
}

func (p *produced) record(name string, d fileDigest, wrote bool) {
	p.mu.Lock()
	defer p.mu.Unlock()

	p.up.Files++
	p.up.Bytes += int64(d.size)
	if p.files == nil {
		return
	}
	p.files[name] = d
	if wrote {
		p.up.Written = append(p.up.Written, name)
	}
}
