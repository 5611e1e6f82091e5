package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a title or file name into a slug: lowercase ASCII letters
// and digits separated by single hyphens, accents transliterated
// ("Dùn Èideann" → "dun-eideann"). It returns "story" for text with no
// usable letters.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = transliterate(r)
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
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

// transliterate maps letters NFKD does not decompose to ASCII.
func transliterate(r rune) rune {
	switch r {
	case 'ß':
		return 's'
	case 'ø', 'Ø':
		return 'o'
	case 'æ', 'Æ':
		return 'a'
	case 'đ', 'Đ', 'ð', 'Ð':
		return 'd'
	case 'ł', 'Ł':
		return 'l'
	case 'þ', 'Þ':
		return 't'
	}
	return r
}
