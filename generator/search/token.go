package search

import (
	"github.com/casebook/casebook/generator/content"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MinTokenLen and MaxTokenLen bound the length, in characters, of an indexed
// word; shorter and longer runs of letters are left out.
const (
	MinTokenLen = 2
	MaxTokenLen = 32
)

// Stopwords are common English words left out of the index; the browser
// drops them from queries too (the list travels in the manifest).
var Stopwords = []string{
	"a", "about", "after", "all", "also", "an", "and", "are", "as", "at",
	"be", "been", "but", "by", "can", "could", "did", "do", "does", "for",
	"from", "had", "has", "have", "he", "her", "his", "how", "if", "in",
	"into", "is", "it", "its", "more", "not", "of", "on", "one", "or",
	"our", "she", "so", "some", "such", "than", "that", "the", "their",
	"them", "then", "there", "these", "they", "this", "those", "to", "too",
	"up", "us", "was", "we", "were", "what", "when", "which", "who",
	"will", "with", "would", "you", "your",
}

var stopwordSet = func() map[string]bool {
	set := make(map[string]bool, len(Stopwords))
	for _, w := range Stopwords {
		set[w] = true
	}
	return set
}()

// apostrophes join a word ("children's", "carers’") rather than split it.
var apostrophes = strings.NewReplacer("'", "", "’", "", "ʼ", "")

// Fold lowercases s and strips its accents: "Dùn Èideann" becomes
// "dun eideann". The browser's search script applies the same steps
// (toLowerCase, normalize("NFD"), remove \p{M}, the substitutions of
// content.SpellOutLetters and dropped apostrophes), so
// queries and index agree.
func Fold(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.M, r) {
			return -1
		}
		return r
	}, s)
	return apostrophes.Replace(content.SpellOutLetters(s))
}

// Words splits text into folded words: runs of letters and digits, without
// accents, at least MinTokenLen and at most MaxTokenLen characters long.
// It does not stem or drop stopwords. It gives the words of Fold(text);
// it only folds word by word, and plain ASCII words the quick way, because
// whole stories go through it.
func Words(text string) []string {
	var out []string
	eachWord(text, func(w string) { out = append(out, w) })
	return out
}

// Terms returns the index terms of text: its Words without stopwords, each
// stemmed.
func Terms(text string) []string {
	var out []string
	eachTerm(text, func(t string) { out = append(out, t) })
	return out
}

func eachTerm(text string, fn func(string)) {
	eachWord(text, func(w string) {
		if t, ok := termOf(w); ok {
			fn(t)
		}
	})
}

// termOf is the index term of the word w, as eachWord gives it: w
// stemmed, or nothing for a stopword.
func termOf(w string) (string, bool) {
	if stopwordSet[w] {
		return "", false
	}
	return Stem(w), true
}

// eachWord calls fn with every word of Words(text), in order. Plain
// words, lowercase ASCII letters and digits, are found byte by byte and
// given as they stand; any other goes through foldWord.
func eachWord(text string, fn func(string)) {
	start, plain := -1, true
	for i := 0; i < len(text); {
		c, size, inside := text[i], 1, false
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				inside = true
			case 'A' <= c && c <= 'Z' || c == '\'':
				inside, plain = true, false
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			// Marks and apostrophes are inside words until folding
			// removes them.
			if isWordRune(r) || r == '’' || r == 'ʼ' || unicode.Is(unicode.M, r) {
				inside, plain = true, false
			}
		}
		switch {
		case inside && start < 0:
			start = i
		case !inside && start >= 0:
			emitWord(text[start:i], plain, fn)
			start, plain = -1, true
		}
		i += size
	}
	if start >= 0 {
		emitWord(text[start:], plain, fn)
	}
}

// emitWord calls fn with the words of raw, a run of word characters;
// plain says it is lowercase ASCII letters and digits only.
func emitWord(raw string, plain bool, fn func(string)) {
	if !plain {
		foldWord(raw, fn)
	} else if len(raw) >= MinTokenLen && len(raw) <= MaxTokenLen {
		fn(raw)
	}
}

// foldWord folds a run of word characters and calls fn with the words it
// gives: one, or several when folding leaves separators inside.
func foldWord(raw string, fn func(string)) {
	add := func(w string) {
		if n := utf8.RuneCountInString(w); n >= MinTokenLen && n <= MaxTokenLen {
			fn(w)
		}
	}
	if isASCII(raw) {
		w := strings.ToLower(raw)
		if strings.IndexByte(w, '\'') >= 0 {
			w = strings.ReplaceAll(w, "'", "")
		}
		add(w)
		return
	}
	for _, w := range strings.FieldsFunc(Fold(raw), func(r rune) bool { return !isWordRune(r) }) {
		add(w)
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Stem reduces a folded word to a stem shared by its plural and simple
// inflections: "families" and "family" give "family"; "supporting",
// "supported" and "supports" give "support"; "housing", "houses" and
// "house" give "hous". It is deliberately light (a few suffix rules, no
// dictionary): a stem need not be a word, it only has to be the same for
// the forms a reader would expect to match. Only words of four letters or
// more, all a to z, are stemmed; others (digits, other alphabets) are
// returned unchanged. search.js holds the same rules; keep the two in step.
func Stem(w string) string {
	if len(w) < 4 || strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return w
	}
	// Plurals.
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case hasAnySuffix(w, "shes", "ches", "xes", "zes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !hasAnySuffix(w, "ss", "us", "is"):
		w = w[:len(w)-1]
	}
	// Past tense and present participle, or else a final e, so that
	// "make" and "making" both give "mak" and "agree" and "agreed" "agre".
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && isStemBase(w[:len(w)-3]):
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && isStemBase(w[:len(w)-2]):
		w = undouble(w[:len(w)-2])
	case len(w) > 3 && strings.HasSuffix(w, "e"):
		w = w[:len(w)-1]
	}
	return w
}

func hasAnySuffix(w string, suffixes ...string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// isStemBase reports whether what is left after removing -ing or -ed can
// be a stem: three bytes or more with a vowel ("bring" and "need" keep
// their endings).
func isStemBase(s string) bool {
	return len(s) >= 3 && strings.ContainsAny(s, "aeiouy")
}

// undouble drops the second of a doubled final consonant ("runn" → "run",
// "travell" → "travel") but keeps "ll" in short stems ("call") and "ss"
// and "zz" ("pass").
func undouble(s string) string {
	n := len(s)
	if n < 3 || s[n-1] != s[n-2] || strings.IndexByte("aeiousz", s[n-1]) >= 0 {
		return s
	}
	if s[n-1] == 'l' && n < 6 {
		return s
	}
	return s[:n-1]
}
