package search_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/casebook/casebook/generator/search"
)

// stemCases are words and their stems. The browser test checks that
// search.js stems them the same way.
var stemCases = []struct{ word, stem string }{
	{"family", "family"},
	{"families", "family"},
	{"support", "support"},
	{"supporting", "support"},
	{"supported", "support"},
	{"supports", "support"},
	{"summer", "summer"},
	{"summers", "summer"},
	{"house", "hous"},
	{"houses", "hous"},
	{"housing", "hous"},
	{"boxes", "box"},
	{"churches", "church"},
	{"processes", "process"},
	{"process", "process"},
	{"analysis", "analysis"},
	{"status", "status"},
	{"services", "servic"},
	{"service", "servic"},
	{"needs", "need"},
	{"need", "need"},
	{"needed", "need"},
	{"running", "run"},
	{"stopped", "stop"},
	{"calling", "call"},
	{"travelled", "travel"},
	{"passing", "pass"},
	{"making", "mak"},
	{"make", "mak"},
	{"studies", "study"},
	{"studied", "study"},
	{"communities", "community"},
	{"bring", "bring"},
	{"childrens", "children"},
	{"agreed", "agre"},
	{"agree", "agre"},
	{"eideann", "eideann"},
	{"dun", "dun"},
	{"2019", "2019"},
	{"nhs", "nhs"},
}

func TestStem(t *testing.T) {
	for _, c := range stemCases {
		t.Run(c.word, func(t *testing.T) {
			if got := search.Stem(c.word); got != c.stem {
				t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"gaelic accents", "Dùn Èideann", "dun eideann"},
		{"french", "Café Crème", "cafe creme"},
		{"sharp s", "Straße", "strasse"},
		{"ligature", "Æsir", "aesir"},
		{"apostrophe joins", "children's carers’", "childrens carers"},
		{"plain", "NHS Scotland", "nhs scotland"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordsAndTerms(t *testing.T) {
	tests := []struct {
		name, in     string
		words, terms []string
	}{
		{"punctuation splits", "co-design, (again)!", []string{"co", "design", "again"}, []string{"co", "design", "again"}},
		{"accents folded", "Dùn Èideann", []string{"dun", "eideann"}, []string{"dun", "eideann"}},
		{"stopwords dropped from terms", "The families of the town", []string{"the", "families", "of", "the", "town"}, []string{"family", "town"}},
		{"short and long dropped", "a x ok abcdefghijklmnopqrstuvwxyzabcdefghij", []string{"ok"}, []string{"ok"}},
		{"numbers kept", "Act 2015", []string{"act", "2015"}, []string{"act", "2015"}},
		{"markup is just text", "</script><script>alert(1)</script>", []string{"script", "script", "alert", "script"}, []string{"script", "script", "alert", "script"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.Words(tt.in); !slices.Equal(got, tt.words) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.words)
			}
			if got := search.Terms(tt.in); !slices.Equal(got, tt.terms) {
				t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.terms)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"blocks separate words", "<ul><li>one</li><li>two</li></ul>", "one two"},
		{"inline tags join", "<p><em>re</em>think the <a href=\"/x/\">plan</a>.</p>", "rethink the plan."},
		{"entities decoded", "<p>Fish &amp; chips &lt;3</p>", "Fish & chips <3"},
		{"footnotes dropped", "<p>Fell<sup id=\"fnref:1\"><a href=\"#fn:1\">1</a></sup> sharply.</p><p>Source <a href=\"#fnref:1\">↩︎</a></p>", "Fell sharply. Source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestWordsFoldsLikeFold checks that Words, which folds word by word, gives
// the words of the whole folded text.
func TestWordsFoldsLikeFold(t *testing.T) {
	for _, s := range []string{
		"Dùn Èideann's café-bar",
		"e\u0301cole and naïve",
		"ＡＢＣ fullwidth",
		"Ǆemal and Straße’s",
		"carers’ children's ʼokina",
		"Œuvre, Łódź, Þingvellir 2019",
		"mixed\u0301marks'and apostrophes'",
	} {
		t.Run(s, func(t *testing.T) {
			var want []string
			for _, w := range strings.FieldsFunc(search.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
				if n := utf8.RuneCountInString(w); n >= search.MinTokenLen && n <= search.MaxTokenLen {
					want = append(want, w)
				}
			}
			if got := search.Words(s); !slices.Equal(got, want) {
				t.Errorf("Words(%q) = %q, want %q", s, got, want)
			}
		})
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Dùn Èideann", "children's carers’", "e\u0301cole", "Straße 2019", "</script>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var want []string
		for _, w := range strings.FieldsFunc(search.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			if n := utf8.RuneCountInString(w); n >= search.MinTokenLen && n <= search.MaxTokenLen {
				want = append(want, w)
			}
		}
		if got := search.Words(s); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want the words of Fold: %q", s, got, want)
		}
		for _, term := range search.Terms(s) {
			if term == "" {
				t.Errorf("Terms(%q) has an empty term", s)
			}
		}
	})
}
