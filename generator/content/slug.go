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

// MaxSlugLength is the longest slug, in characters: a slug is a folder
// name of the output (at most 255 bytes on common file systems) and part
// of every URL of the story.
const MaxSlugLength = 100

// TrimSlug shortens a slug made by Slugify to at most MaxSlugLength
// characters, cutting at a hyphen where it can.
func TrimSlug(slug string) string {
	if len(slug) <= MaxSlugLength {
		return slug
	}
	cut := slug[:MaxSlugLength]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-")
}

// HiddenRune returns the first character of s that is invisible or changes
// the direction of the text around it, and whether there is one: controls,
// bidirectional embeddings, overrides and isolates (which can make a title
// read differently from what it says), zero-width spaces, word joiners and
// byte order marks. The zero-width joiner and non-joiner stay allowed:
// Persian, Indic scripts and emoji need them.
func HiddenRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r < 0xa0:
			return r, true
		case r == 0x200b, r == 0x2060, r == 0xfeff, r == 0x061c,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// WithoutHiddenRunes is s without the characters HiddenRune finds.
func WithoutHiddenRunes(s string) string {
	return strings.Map(func(r rune) rune {
		if _, hidden := HiddenRune(string(r)); hidden {
			return -1
		}
		return r
	}, s)
}
