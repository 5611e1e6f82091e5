package link

import (
	"math"
	"sort"
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
// then the slug.
func (l *linker) related() {
	n := float64(len(l.site.Stories))
	weight := map[*Term]float64{}
	index := map[*Term]map[*Story]int{}
	for _, tax := range l.site.Taxonomies {
		for _, t := range tax.Terms {
			weight[t] = math.Log(1 + n/float64(max(1, len(t.Stories))))
			pos := make(map[*Story]int, len(t.Stories))
			for i, s := range t.Stories {
				pos[s] = i
			}
			index[t] = pos
		}
	}
	scores := map[*Story]float64{}
	for _, s := range l.site.Stories {
		clear(scores)
		for _, g := range s.Terms {
			for _, t := range g.Terms {
				i := index[t][s]
				lo, hi := max(0, i-relatedWindow/2), min(len(t.Stories), i+relatedWindow/2+1)
				for _, other := range t.Stories[lo:hi] {
					if other != s {
						scores[other] += weight[t]
					}
				}
			}
		}
		s.Related = l.pinned(s)
		candidates := make([]*Story, 0, len(scores))
		for other := range scores {
			if !containsStory(s.Related, other) {
				candidates = append(candidates, other)
			}
		}
		sort.Slice(candidates, func(i, j int) bool {
			a, b := candidates[i], candidates[j]
			if scores[a] != scores[b] {
				return scores[a] > scores[b]
			}
			return newerFirst(a, b)
		})
		for _, c := range candidates {
			if len(s.Related) >= MaxRelated {
				break
			}
			s.Related = append(s.Related, c)
		}
	}
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
// bodies link to it.
func (l *linker) backlinks() {
	type source struct{ ref Ref }
	targets := map[string]*[]Ref{}
	for _, s := range l.site.Stories {
		targets[s.URL] = &s.Backlinks
	}
	for _, p := range l.site.Pages {
		targets[p.URL] = &p.Backlinks
	}
	add := func(from Ref) {
		seen := map[string]bool{}
		for _, link := range l.links[from.URL] {
			dest, ok := targets[link.URL]
			if !ok || link.URL == from.URL || seen[link.URL] {
				continue
			}
			seen[link.URL] = true
			*dest = append(*dest, from)
		}
	}
	for _, s := range l.site.Stories {
		add(Ref{Title: s.Title, URL: s.URL, Summary: s.Summary})
	}
	for _, p := range l.site.Pages {
		add(Ref{Title: p.Title, URL: p.URL, Summary: p.Summary})
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
