// Package suggest finds the nearest known word to a misspelt one, for
// "did you mean" hints in diagnostics.
package suggest

import "strings"

// Nearest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a plausible typo: at most a third of the longer
// word's length, and never more than 3 edits. Ties go to the earlier
// candidate, so callers control the order of preference.
func Nearest(word string, candidates []string) string {
	best, bestDist := "", 1<<30
	w := strings.ToLower(word)
	for _, c := range candidates {
		d := Distance(w, strings.ToLower(c))
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(len([]rune(word)), len([]rune(best)))/3 + 1
	if best == "" || bestDist > min(limit, 3) {
		return ""
	}
	return best
}

// Distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b in runes: insertions, deletions, substitutions and swaps of
// two neighbours each cost one.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Hint formats the nearest candidate as a diagnostic suffix,
// ` (did you mean "x"?)`, or returns "" when there is none.
func Hint(word string, candidates []string) string {
	if n := Nearest(word, candidates); n != "" && n != word {
		return ` (did you mean "` + n + `"?)`
	}
	return ""
}
