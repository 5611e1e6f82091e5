package link

import (
	"slices"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/markdown"
)

// ReplaceBody gives story s a new body (and the hash of its new file) in
// place, when nothing but the body changed, so that watch can skip linking
// the whole site again after an edit of a story's text. It converts the
// body as Link does and applies it only when that changes nothing outside
// the story's own page: the conversion reports no problem, and the body
// links to exactly the same pages as before, so every backlink stays as
// it is. Otherwise it changes nothing and returns false, and the site must
// be linked again. What a story's front matter holds (title, summary,
// terms, dates) is not a body: a change there needs Link.
func (site *Site) ReplaceBody(s *Story, body content.Body, hash uint64, conv *markdown.Converter) bool {
	l := site.linker
	if l == nil || l.bySlug[s.Slug] != s {
		return false
	}
	res := convert(conv, s.Path, s.Dir, body, resolver{l})
	if len(res.Diags) > 0 || !sameTargets(l.links[s.URL], res.Links) {
		return false
	}
	if l.cache != nil {
		l.cache.store(s.Path, s.Dir, body, hash, res)
	}
	story := *s.Story // the checked story may be shared with check's cache
	story.Body, story.Hash = body, hash
	s.Story = &story
	s.Key = storyKey(hash, s.URL)
	s.setConverted(res)
	l.links[s.URL] = res.Links
	return true
}

// sameTargets reports whether two link lists lead to the same pages in
// the same order; where in the body a link stands does not matter.
func sameTargets(a, b []markdown.Link) bool {
	return slices.EqualFunc(a, b, func(x, y markdown.Link) bool { return x.URL == y.URL })
}
