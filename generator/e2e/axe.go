package e2e

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// AxeTags are the axe-core rule tags the accessibility tests run: WCAG
// 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"}

// Violation is one failed axe-core rule on a page.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		// Target holds CSS selectors (arrays of them inside shadow DOM).
		Target         []json.RawMessage `json:"target"`
		HTML           string            `json:"html"`
		FailureSummary string            `json:"failureSummary"`
	} `json:"nodes"`
}

// Targets returns the selectors of every failing node, comma-separated.
func (v Violation) Targets() string {
	var sels []string
	for _, n := range v.Nodes {
		for _, raw := range n.Target {
			var s string
			if json.Unmarshal(raw, &s) != nil {
				s = string(raw)
			}
			sels = append(sels, s)
		}
	}
	return strings.Join(sels, ", ")
}

// Axe opens url in the tab of ctx, injects axe-core from CASEBOOK_AXE, runs
// the rules tagged AxeTags, and reports every violation with t.Errorf. It
// returns the violations. When axe-core cannot be found the test fails
// under CASEBOOK_REQUIRE_BROWSER=1 and skips loudly otherwise.
func Axe(t testing.TB, ctx context.Context, url string) []Violation {
	t.Helper()
	src := axeSource(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		t.Fatalf("injecting axe-core into %s: %v", url, err)
	}
	tags, _ := json.Marshal(AxeTags)
	script := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]}).then(r => r.violations)`
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core on %s: %v", url, err)
	}
	for _, v := range violations {
		t.Errorf("%s: axe %s (%s): %s; %d node(s): %s\n\t%s",
			url, v.ID, v.Impact, v.Help, len(v.Nodes), v.Targets(), v.HelpURL)
	}
	return violations
}

var axeCache struct {
	sync.Mutex
	src map[string]string
}

// axeSource reads axe.min.js once per path.
func axeSource(t testing.TB) string {
	t.Helper()
	path := os.Getenv(EnvAxe)
	if path == "" {
		missing(t, "axe-core", EnvAxe+" is not set")
	}
	axeCache.Lock()
	defer axeCache.Unlock()
	if s, ok := axeCache.src[path]; ok {
		return s
	}
	b, err := os.ReadFile(path)
	if err != nil {
		missing(t, "axe-core", err.Error())
	}
	if axeCache.src == nil {
		axeCache.src = map[string]string{}
	}
	axeCache.src[path] = string(b)
	return string(b)
}
