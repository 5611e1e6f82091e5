package link_test

import (
	"path/filepath"
	"testing"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/corpus"
	"github.com/casebook/casebook/generator/link"
)

// TestRelatedOnCorpus checks the related lists of a generated corpus large
// enough for the per-term window to matter: every story gets MaxRelated
// distinct other stories, each sharing at least one term with it, and two
// runs agree (scoring runs on several goroutines).
func TestRelatedOnCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 400, filepath.Join("..", "..", "content")); err != nil {
		t.Fatal(err)
	}
	linkSite := func() *link.Site {
		res, err := build.Check(build.Options{Src: dir})
		if err != nil {
			t.Fatal(err)
		}
		if res.Diags.HasErrors() || res.Site == nil {
			t.Fatalf("corpus does not check: %v", res.Diags.Err())
		}
		return res.Site
	}
	first, second := linkSite(), linkSite()
	for i, s := range first.Stories {
		if len(s.Related) != link.MaxRelated {
			t.Errorf("%s: %d related stories, want %d", s.Slug, len(s.Related), link.MaxRelated)
		}
		seen := map[*link.Story]bool{}
		for _, r := range s.Related {
			switch {
			case r == s:
				t.Errorf("%s is related to itself", s.Slug)
			case seen[r]:
				t.Errorf("%s lists %s twice", s.Slug, r.Slug)
			case !sharesTerm(s, r):
				t.Errorf("%s: related story %s shares no term with it", s.Slug, r.Slug)
			}
			seen[r] = true
		}
		other := second.Stories[i]
		for j := range s.Related {
			if j >= len(other.Related) || other.Related[j].Slug != s.Related[j].Slug {
				t.Fatalf("%s: related lists differ between two runs", s.Slug)
			}
		}
	}
}

func sharesTerm(a, b *link.Story) bool {
	for gi, g := range a.Terms {
		for _, t := range g.Terms {
			for _, u := range b.Terms[gi].Terms {
				if t == u {
					return true
				}
			}
		}
	}
	return false
}
