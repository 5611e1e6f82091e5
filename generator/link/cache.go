package link

import (
	"errors"
	"hash/maphash"
	"sync"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/markdown"
)

// Cache keeps converted bodies between builds of one site, as watch and
// serve do. A conversion is reused when the body and its folder are
// unchanged and every question the conversion asked the resolver (what a
// link's path or slug leads to, with its title) has the same answer now,
// so a cached result is exactly what a new conversion would give.
// Retitling one story therefore converts again only the bodies that link
// to it. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cachedBody
	// editions are the caches of the site's further languages.
	editions map[string]*Cache
}

type cachedBody struct {
	dir  string
	line int
	// file is the hash of the whole file the body came from, which spares
	// hashing the body again while the file is unchanged; hash is the
	// body's own, which still matches when only the front matter changed.
	file, hash uint64
	res        converted
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[string]cachedBody{}} }

var cacheSeed = maphash.MakeSeed()

// lookup returns the cached conversion of body, from a file whose hash is
// file, if still valid.
func (c *Cache) lookup(path, dir string, body content.Body, file uint64, r markdown.Resolver) (converted, bool) {
	c.mu.Lock()
	e, ok := c.entries[path]
	c.mu.Unlock()
	if !ok || e.dir != dir || e.line != body.Line || !e.res.calls.sameAnswers(r) {
		return converted{}, false
	}
	if file != 0 && e.file == file {
		return e.res, true
	}
	if e.hash != maphash.Bytes(cacheSeed, body.Source) {
		return converted{}, false
	}
	if file != 0 {
		c.mu.Lock()
		e.file = file
		c.entries[path] = e
		c.mu.Unlock()
	}
	return e.res, true
}

func (c *Cache) store(path, dir string, body content.Body, file uint64, res converted) {
	hash := maphash.Bytes(cacheSeed, body.Source)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[path] = cachedBody{dir: dir, line: body.Line, file: file, hash: hash, res: res}
}

// convert converts body as link's convert does, reusing the cache's
// conversion when it is still valid and keeping a new one; c may be nil.
func (c *Cache) convert(conv *markdown.Converter, path, dir string, body content.Body, file uint64, r markdown.Resolver) converted {
	if c != nil {
		if res, ok := c.lookup(path, dir, body, file, r); ok {
			return res
		}
	}
	res := convert(conv, path, dir, body, r)
	if c != nil {
		c.store(path, dir, body, file, res)
	}
	return res
}

// keepOnly forgets the conversions of files not in paths (deleted or
// renamed since).
func (c *Cache) keepOnly(paths map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.entries {
		if !paths[p] {
			delete(c.entries, p)
		}
	}
}

// resolveCall is one question a conversion asked its resolver, with the
// answer it got.
type resolveCall struct {
	kind            byte // 'f' ResolveFile, 'w' ResolveWiki, 's' SiteURL
	arg             string
	url, title, err string
}

// resolveCalls are the questions of one conversion, in order.
type resolveCalls []resolveCall

// sameAnswers reports whether r answers every question as before.
func (calls resolveCalls) sameAnswers(r markdown.Resolver) bool {
	for _, c := range calls {
		if c.answer(r) != c {
			return false
		}
	}
	return true
}

// answer asks r c's question and returns it with r's answer.
func (c resolveCall) answer(r markdown.Resolver) resolveCall {
	out := resolveCall{kind: c.kind, arg: c.arg}
	var err error
	switch c.kind {
	case 'f':
		out.url, out.title, err = r.ResolveFile(c.arg)
	case 'w':
		out.url, out.title, err = r.ResolveWiki(c.arg)
	default:
		out.url = r.SiteURL(c.arg)
	}
	if err != nil {
		out.err = err.Error()
	}
	return out
}

// recorder is a resolver that keeps the questions asked of it and the
// answers it passed on. It is used by one conversion at a time.
type recorder struct {
	r     markdown.Resolver
	calls resolveCalls
}

func (rec *recorder) ask(c resolveCall) (string, string, error) {
	c = c.answer(rec.r)
	rec.calls = append(rec.calls, c)
	if c.err != "" {
		return c.url, c.title, errors.New(c.err)
	}
	return c.url, c.title, nil
}

func (rec *recorder) ResolveFile(p string) (string, string, error) {
	return rec.ask(resolveCall{kind: 'f', arg: p})
}

func (rec *recorder) ResolveWiki(target string) (string, string, error) {
	return rec.ask(resolveCall{kind: 'w', arg: target})
}

func (rec *recorder) SiteURL(p string) string {
	url, _, _ := rec.ask(resolveCall{kind: 's', arg: p})
	return url
}
