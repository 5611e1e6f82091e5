package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letterSpellings spell out letters that have no decomposition into a base
// letter and a mark, so that "Straße" becomes "strasse" and "Æsir"
// "aesir". Slugs and the search index (package search, and its script,
// which has the same table) both use it, so a word is spelt the same way
// in a URL and in a query.
var letterSpellings = strings.NewReplacer(
	"ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d",
	"þ", "th", "ı", "i",
)

// SpellOutLetters replaces the lowercase letters of s that have no
// decomposition (ß, æ, œ, ø, ł, đ, ð, þ, ı) with their usual Latin
// spelling; s should be lowercased first.
func SpellOutLetters(s string) string { return letterSpellings.Replace(s) }

// Slugify turns a title or file name into a slug: lowercase ASCII letters
// and digits separated by single hyphens, accents transliterated
// ("Dùn Èideann" → "dun-eideann", "Straße" → "strasse"). It returns
// "story" for text with no usable letters.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range SpellOutLetters(norm.NFKD.String(strings.ToLower(s))) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Children's" → "childrens", not "children-s".
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "story"
	}
	return b.String()
}
