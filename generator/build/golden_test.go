package build_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/casebook/casebook/generator/build"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of testdata/golden from the current output")

// TestGolden compares a few rendered pages of the casebook fixture,
// unminified, with the files in testdata/golden. After a deliberate change
// to the theme or the pipeline, run `go test ./generator/build -update`
// and read the diff before committing it.
func TestGolden(t *testing.T) {
	res := buildOK(t, build.Options{Src: unpackFixture(t, "casebook"), NoMinify: true})
	tests := []struct{ name, output string }{
		{"story.html", "stories/summer-support/index.html"},
		{"term.html", "principles/systems/index.html"},
		{"feed.xml", "feed.xml"},
		{"term-feed.xml", "themes/poverty/feed.xml"},
		{"sitemap.xml", "sitemap.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(res.Out, filepath.FromSlash(tt.output)))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", tt.name)
			if *updateGolden {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/build -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update after checking the change):\n%s", tt.output, golden, firstDifference(want, got))
			}
		})
	}
}

// firstDifference shows the first line that differs, with its number.
func firstDifference(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range max(len(wl), len(gl)) {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, w, g)
		}
	}
	return ""
}
