package e2e_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/casebook/casebook/generator/e2e"
)

// errorRecorder stands in for a test, keeping what Axe reports instead of
// failing, so the harness itself can be tested.
type errorRecorder struct {
	testing.TB
	errors []string
}

func (r *errorRecorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, format)
}

// TestAxeFindsViolations checks that the harness really fails pages: axe
// must report known faults, and the dark scheme must be what axe sees
// after ColorScheme("dark").
func TestAxeFindsViolations(t *testing.T) {
	ctx := e2e.Browser(t)
	dir := t.TempDir()
	pages := map[string]string{
		"faulty.html": `<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>Faulty</h1>
<p style="color:#999;background:#fff">Too pale to read.</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`,
		"dark.html": `<!DOCTYPE html><html lang="en"><head><title>x</title><style>
@media (prefers-color-scheme: dark) { body { background: #222; } p { color: #333; } }</style></head>
<body><main><h1>Dark only</h1><p>Readable in light, not in dark.</p></main></body></html>`,
	}
	for name, body := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := e2e.Serve(t, dir)
	tests := []struct {
		name, scheme, page string
		want               []string // rule ids that must be reported
		wantNone           bool
	}{
		{"faults in light", "light", "faulty.html", []string{"color-contrast", "html-has-lang", "image-alt"}, false},
		{"dark page in light", "light", "dark.html", nil, true},
		{"dark page in dark", "dark", "dark.html", []string{"color-contrast"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := chromedp.Do(ctx, e2e.ColorScheme(tt.scheme)); err != nil {
				t.Fatal(err)
			}
			rec := &errorRecorder{TB: t}
			var ids []string
			for _, v := range e2e.Axe(rec, ctx, base+tt.page) {
				ids = append(ids, v.ID)
			}
			if len(rec.errors) != len(ids) {
				t.Errorf("Axe reported %d errors for %d violations", len(rec.errors), len(ids))
			}
			for _, id := range tt.want {
				if !slices.Contains(ids, id) {
					t.Errorf("axe did not report %s; it reported %v", id, ids)
				}
			}
			if tt.wantNone && len(ids) > 0 {
				t.Errorf("axe reported %v, want nothing", ids)
			}
		})
	}
}
