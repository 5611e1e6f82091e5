package slow

import (
	"strings"
	"testing"
	"time"

	"github.com/casebook/casebook/generator/load"
	"github.com/casebook/casebook/generator/markdown"
	"github.com/casebook/casebook/generator/content"
)

type res struct{}

func (res) ResolveFile(p string) (string, string, error) { return "/x/", "X", nil }
func (res) ResolveWiki(p string) (string, string, error) { return "/x/", "X", nil }

func TestSlow(t *testing.T) {
	inputs := map[string]string{
		"toml floats":  "+++\na = [" + strings.Repeat("1e3,\n", 200000) + "1]\n+++\n",
		"toml strings": "+++\na = [" + strings.Repeat("\"x\\u0062\",\n", 100000) + "\"y\"]\n+++\n",
		"yaml nested":  "---\na: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n---\n",
		"yaml big":     "---\na: [" + strings.Repeat("x,", 500000) + "x]\n---\n",
		"json deep":    "{\n\"a\": " + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n}\n",
	}
	for name, in := range map[string]string{} { _ = inputs
		start := time.Now()
		_, _, d := load.Parse("x.md", []byte(in))
		t.Logf("%s: %d bytes, %v, %d diags %v", name, len(in), time.Since(start), len(d), first(d))
	}
	conv := markdown.New()
	bodies := map[string]string{
		"many links":  strings.Repeat("[a](b.md) [[c]] ", 100000),
		"nested":      strings.Repeat("> ", 5000) + "x",
		"brackets":    strings.Repeat("[[", 100000),
		"emphasis":    strings.Repeat("*a ", 100000),
	}
	for name, in := range bodies {
		start := time.Now()
		r := conv.Convert("x.md", "content/stories", content.Body{Source: []byte(in), Line: 1}, res{})
		t.Logf("%s: %d bytes, %v, %d diags", name, len(in), time.Since(start), len(r.Diags))
	}
}

func first(d any) string { return "" }
