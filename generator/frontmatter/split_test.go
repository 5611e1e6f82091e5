package frontmatter

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	adrg "github.com/adrg/frontmatter"
)

// splitReference is Split as it was first written, with adrg/frontmatter
// finding the block: Split must find the same block and body in every
// file.
func splitReference(src []byte) (*Document, error) {
	type capture struct {
		format Format
		raw    []byte
	}
	grab := func(f Format) adrg.UnmarshalFunc {
		return func(data []byte, v any) error {
			c := v.(*capture)
			c.format, c.raw = f, append([]byte(nil), data...)
			return nil
		}
	}
	jsonFormat := adrg.NewFormat("{", "}", grab(JSON))
	jsonFormat.UnmarshalDelims = true
	opening, openLine := firstLine(src)
	var c capture
	body, err := adrg.Parse(bytes.NewReader(src), &c, adrg.NewFormat("---", "---", grab(YAML)), adrg.NewFormat("+++", "+++", grab(TOML)), jsonFormat)
	if err != nil {
		return nil, err
	}
	if c.format == "" {
		if closing, ok := closers[opening]; ok {
			return nil, &UnclosedError{Line: openLine, Close: closing}
		}
		return &Document{Body: src, BodyLine: 1}, nil
	}
	doc := &Document{Format: c.format, Raw: c.raw, Body: body, Found: true, RawLine: openLine + 1}
	if c.format == JSON {
		doc.RawLine = openLine
	}
	doc.BodyLine = 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	return doc, nil
}

// sameSplit reports how Split and splitReference differ on src.
func sameSplit(t *testing.T, src []byte) {
	t.Helper()
	got, gerr := Split(src)
	want, werr := splitReference(src)
	if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
		t.Fatalf("Split(%q): error %v, want %v", src, gerr, werr)
	}
	if gerr != nil {
		if *gerr.(*UnclosedError) != *werr.(*UnclosedError) {
			t.Fatalf("Split(%q): %+v, want %+v", src, gerr, werr)
		}
		return
	}
	if got.Format != want.Format || got.RawLine != want.RawLine || got.BodyLine != want.BodyLine || got.Found != want.Found ||
		!bytes.Equal(got.Raw, want.Raw) || (got.Raw == nil) != (want.Raw == nil) || !bytes.Equal(got.Body, want.Body) {
		t.Fatalf("Split(%q) =\n%+v\nwant\n%+v", src, got, want)
	}
}

var splitCases = []string{
	"", "\n", "   \n\n", "no front matter\n---\n", "---", "---\n", "---\n---", "---\n---\n", "---\n---\nbody",
	"---\ntitle: A\n---\nBody\n", "\n\n  ---  \ntitle: A\n  ---\t\n\nBody", "---\ntitle: A\n", "---\ntitle: A\n--- \n",
	"+++\ntitle = 'A'\n+++\nBody", "{\n\"title\": \"A\"\n}\nBody", "{\n\"title\": \"A\"\n}", "  {  \n}\n",
	"---\n+++\n---\nx", "+++\n---\n+++\n", "---x\ntitle: A\n---\n", "\u00a0---\u00a0\ntitle: A\n\u00a0---\nB",
	"---\ntitle: A\n---\n---\nmore\n---\n", "text\n---\ntitle: A\n---\n", "\t\n---\r\nx\n---\n",
}

func TestSplitMatchesReference(t *testing.T) {
	for _, c := range splitCases {
		sameSplit(t, []byte(c))
	}
	pieces := []string{"---", "+++", "{", "}", "\n", " ", "\t", "\u00a0", "title: A", "x", "---yaml", ";;;"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		sameSplit(t, []byte(b.String()))
	}
}

func FuzzSplitReference(f *testing.F) {
	for _, c := range splitCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameSplit(t, src) })
}
