package search

import "testing"

// TestPlainScores checks that a story in a language other than English is
// indexed word for word: folded (case and accents) but neither stemmed nor
// stripped of English stop words (English words quoted in a Welsh text,
// "of" and "the", stay as they are).
func TestPlainScores(t *testing.T) {
	body := "Afonydd a chymunedau: the communities of Tŷ Afon"
	plain := docScores(Doc{Body: body, Plain: true})
	for _, w := range []string{"afonydd", "chymunedau", "communities", "the", "ty", "afon"} {
		if plain[w] == 0 {
			t.Errorf("plain index lacks %q: %v", w, plain)
		}
	}
	if plain["community"] != 0 {
		t.Errorf("plain index holds the English stem community: %v", plain)
	}
	english := docScores(Doc{Body: body})
	if english["communities"] != 0 || english["community"] == 0 || english["the"] != 0 {
		t.Errorf("English index should stem and drop stop words: %v", english)
	}
}
