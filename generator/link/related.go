package link

import (
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/casebook/casebook/generator/markdown"
)

// relatedWindow bounds how many stories of one term are compared with a
// story when looking for related stories: the stories nearest to it in the
// term's date order. With four principles every principle holds a large
// share of the corpus, so comparing with all of them would make the work
// grow with the square of the corpus.
const relatedWindow = 120

// related fills each story's Related list: pinned stories first, then the
// stories sharing the most weight of terms, where a shared term weighs more
// the rarer it is (inverse document frequency); ties go to the newer story,
// then the slug. Stories are scored on all cores; each story's scores are
// summed in the order of its terms, so the result does not depend on
// scheduling.
func (l *linker) related() {
	stories := l.site.Stories
	n := len(stories)
	// For every term: its weight and its stories as indexes into stories,
	// ascending, as a term lists its stories in site order.
	type termIndex struct {
		weight  float64
		members []int32
	}
	index := map[*Term]*termIndex{}
	for _, tax := range l.site.Taxonomies {
		for _, t := range tax.Terms {
			ti := &termIndex{weight: math.Log(1 + float64(n)/float64(max(1, len(t.Stories)))),
				members: make([]int32, len(t.Stories))}
			for i, s := range t.Stories {
				ti.members[i] = s.seq
			}
			index[t] = ti
		}
	}
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			scores := make([]float64, n) // weights are positive: 0 means unseen
			var touched []int32
			for i := w; i < n; i += workers {
				s := stories[i]
				touched = touched[:0]
				for _, g := range s.Terms {
					for _, t := range g.Terms {
						ti := index[t]
						at, _ := slices.BinarySearch(ti.members, int32(i))
						lo, hi := max(0, at-relatedWindow/2), min(len(ti.members), at+relatedWindow/2+1)
						for _, other := range ti.members[lo:hi] {
							if int(other) == i {
								continue
							}
							if scores[other] == 0 {
								touched = append(touched, other)
							}
							scores[other] += ti.weight
						}
					}
				}
				s.Related = l.pinned(s)
				s.Related = append(s.Related, best(stories, scores, touched, s.Related, MaxRelated-len(s.Related))...)
				for _, o := range touched {
					scores[o] = 0
				}
			}
		}()
	}
	wg.Wait()
}

// best returns the k highest-scoring stories of touched, leaving out those
// in skip, ordered by score and then newest first. stories is in site
// order (newest first), so of two stories the newer has the lower index.
func best(stories []*Story, scores []float64, touched []int32, skip []*Story, k int) []*Story {
	if k <= 0 {
		return nil
	}
	better := func(a, b int32) bool {
		if scores[a] != scores[b] {
			return scores[a] > scores[b]
		}
		return a < b
	}
	top := make([]int32, 0, k+1)
	for _, c := range touched {
		if len(top) == k && !better(c, top[k-1]) {
			continue
		}
		if containsStory(skip, stories[c]) {
			continue
		}
		at := len(top)
		for at > 0 && better(c, top[at-1]) {
			at--
		}
		top = append(top, 0)
		copy(top[at+1:], top[at:])
		top[at] = c
		if len(top) > k {
			top = top[:k]
		}
	}
	out := make([]*Story, len(top))
	for i, c := range top {
		out[i] = stories[c]
	}
	return out
}

func (l *linker) pinned(s *Story) []*Story {
	var out []*Story
	for _, r := range s.Story.Related {
		if other := l.bySlug[r.Value]; other != nil && other != s && !containsStory(out, other) {
			out = append(out, other)
		}
	}
	return out
}

func containsStory(list []*Story, s *Story) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// backlinks records, for every story and page, the stories and pages whose
// bodies link to it. In an edition in a further language, a story or page
// not translated links with its original's body, whose links lead to the
// originals of its targets: they count for the targets' translations.
func (l *linker) backlinks() {
	targets := map[string]*[]Ref{}
	for _, s := range l.site.Stories {
		targets[s.URL] = &s.Backlinks
	}
	for _, p := range l.site.Pages {
		targets[p.URL] = &p.Backlinks
	}
	links := func(url, foreign string) []markdown.Link { return l.links[url] }
	if l.root != nil {
		for _, s := range l.site.Stories {
			if o := l.root.bySlug[s.Slug]; o != nil && o.URL != s.URL {
				targets[o.URL] = &s.Backlinks
			}
		}
		for _, p := range l.site.Pages {
			if o := l.root.pageBySlug[p.Slug]; o != nil && o.URL != p.URL {
				targets[o.URL] = &p.Backlinks
			}
		}
		links = func(url, foreign string) []markdown.Link {
			if foreign != "" {
				return l.root.links[url]
			}
			return l.links[url]
		}
	}
	add := func(from Ref) {
		self := targets[from.URL]
		seen := map[*[]Ref]bool{}
		for _, link := range links(from.URL, from.Foreign) {
			dest, ok := targets[link.URL]
			if !ok || dest == self || seen[dest] {
				continue
			}
			seen[dest] = true
			*dest = append(*dest, from)
		}
	}
	for _, s := range l.site.Stories {
		add(Ref{Title: s.Title, URL: s.URL, Summary: s.Summary, Draft: s.Draft, Foreign: s.Foreign})
	}
	for _, p := range l.site.Pages {
		add(Ref{Title: p.Title, URL: p.URL, Summary: p.Summary, Foreign: p.Foreign})
	}
}

// coOccurrence counts, for every term, the terms of other taxonomies that
// share stories with it.
func (l *linker) coOccurrence() {
	for _, tax := range l.site.Taxonomies {
		for _, t := range tax.Terms {
			counts := map[*Term]int{}
			for _, s := range t.Stories {
				for _, g := range s.Terms {
					if g.Taxonomy == tax {
						continue
					}
					for _, other := range g.Terms {
						counts[other]++
					}
				}
			}
			for _, other := range l.site.Taxonomies {
				if other == tax {
					continue
				}
				group := CoGroup{Taxonomy: other}
				for _, ot := range other.Terms {
					if c := counts[ot]; c > 0 {
						group.Terms = append(group.Terms, TermCount{ot, c})
					}
				}
				sort.SliceStable(group.Terms, func(i, j int) bool { return group.Terms[i].Count > group.Terms[j].Count })
				if len(group.Terms) > 0 {
					t.CoOccurring = append(t.CoOccurring, group)
				}
			}
		}
	}
}
