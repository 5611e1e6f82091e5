package cms_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/casebook/casebook/generator/e2e"
)

// TestEditorLoadsInChromium builds each fixture with its [cms] script
// pointed at the pinned @sveltia/cms package, served from this machine,
// opens /admin/ in Chromium, and waits for the editor's sign-in page: the
// editor fetched admin/config.yml, found no error in it, and offers to
// sign in to the site's backend. Any script error fails the test. Every
// request to another host is blocked, so that the test needs no network,
// and fails the test unless it is one of the editor's own fetches of data
// (its fonts, the Git host's status, its newest version), which it does
// without: no script, style sheet or page comes from anywhere but the
// site.
func TestEditorLoadsInChromium(t *testing.T) {
	dir := e2e.SveltiaDir(t)
	checkPinned(t, dir)
	for _, file := range sites {
		f := unpack(t, file)
		t.Run(f.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			mux := http.NewServeMux()
			mux.Handle("/sveltia/", http.StripPrefix("/sveltia/", http.FileServer(http.Dir(filepath.Join(dir, "dist")))))
			mux.Handle("/", http.FileServer(http.Dir(out)))
			srv := httptest.NewServer(mux)
			t.Cleanup(srv.Close)
			// The fixture's own [cms] table, with the script served here.
			toml := filepath.Join(f.src, "site.toml")
			data, err := os.ReadFile(toml)
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, fmt.Sprintf("script = %q\n", srv.URL+"/sveltia/sveltia-cms.js")...)
			if err := os.WriteFile(toml, data, 0o644); err != nil {
				t.Fatal(err)
			}
			f.buildInto(t, out)
			ctx := e2e.Browser(t)
			var mu sync.Mutex
			var problems, foreign, requested []string
			outside := map[network.RequestID]string{}
			local, err := url.Parse(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Listen(ctx, func(ev any) {
				mu.Lock()
				defer mu.Unlock()
				switch ev := ev.(type) {
				case *network.EventRequestWillBeSent:
					u, err := url.Parse(ev.Request.URL)
					if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != local.Host) {
						outside[ev.RequestID] = ev.Request.URL
						if !slices.Contains(dataTypes, ev.Type) {
							foreign = append(foreign, string(ev.Type)+" "+ev.Request.URL)
						}
					} else {
						requested = append(requested, u.Path)
					}
				case *network.EventResponseReceived:
					if u, ok := outside[ev.RequestID]; ok {
						foreign = append(foreign, "unblocked "+u)
					}
				case *runtime.EventExceptionThrown:
					d := ev.ExceptionDetails
					text := d.Text
					if d.Exception != nil {
						text += " " + d.Exception.Description
					}
					problems = append(problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
				case *runtime.EventConsoleAPICalled:
					if ev.Type == runtime.ConsoleAPICalledTypeError {
						var args []string
						for _, a := range ev.Args {
							args = append(args, string(a.Value)+a.Description)
						}
						problems = append(problems, "console error: "+strings.Join(args, " "))
					}
				}
			}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, blockOtherHosts, chromedp.Navigate(srv.URL+"/admin/")); err != nil {
				t.Fatal(err)
			}
			service := map[string]string{"github": "GitHub", "gitlab": "GitLab", "gitea": "Gitea"}[f.cfg.CMS.Backend]
			if text := awaitText(t, ctx, "Sign In with "+service, "error"); !strings.Contains(text, "Sign In with "+service) || strings.Contains(text, "error") {
				t.Errorf("the editor did not reach its sign-in page for %s; it shows:\n%s", service, text)
			}
			mu.Lock()
			for _, p := range problems {
				t.Errorf("in the editor: %s", p)
			}
			for _, u := range foreign {
				t.Errorf("the editor requested %s, from another host than the site's", u)
			}
			for _, want := range []string{"/sveltia/sveltia-cms.js", "/admin/config.yml"} {
				if !slices.Contains(requested, want) {
					t.Errorf("no request for %s was recorded (requests: %v): the check for other hosts proves nothing", want, requested)
				}
			}
			problems = nil
			mu.Unlock()
			// The same page with a configuration the editor refuses shows
			// the error, so that the sign-in page above means something.
			conf := filepath.Join(out, "admin", "config.yml")
			data, err = os.ReadFile(conf)
			if err != nil {
				t.Fatal(err)
			}
			broken := strings.Replace(string(data), "  repo: "+f.cfg.CMS.Repo+"\n", "", 1)
			if broken == string(data) {
				t.Fatalf("no repo line in admin/config.yml:\n%s", data)
			}
			if err := os.WriteFile(conf, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/admin/")); err != nil {
				t.Fatal(err)
			}
			if text := awaitText(t, ctx, "Sign In with "+service, "repository is not defined"); !strings.Contains(text, "repository is not defined") {
				t.Errorf("with no repo in admin/config.yml the editor shows no error:\n%s", text)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(problems) == 0 {
				t.Error("the editor reported no error for a configuration without repo: the check for errors proves nothing")
			}
		})
	}
}

// dataTypes are the kinds of request to another host that the editor makes
// of itself and works without.
var dataTypes = []network.ResourceType{network.ResourceTypeFont, network.ResourceTypeFetch, network.ResourceTypeXHR, network.ResourceTypePreflight}

// blockOtherHosts blocks every https and wss request: the test's server
// is plain http on this machine.
var blockOtherHosts = chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
	_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: "https://*:*/*", Block: true}, {URLPattern: "wss://*:*/*", Block: true},
	}})
	return err
})

// awaitText waits up to a minute for the page's text to contain one of
// wants, and returns it without the isolation marks the editor puts
// around names.
func awaitText(t *testing.T, ctx context.Context, wants ...string) string {
	t.Helper()
	clean := strings.NewReplacer("\u2068", "", "\u2069", "")
	text := ""
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		if err != nil {
			t.Fatal(err)
		}
		text = clean.Replace(raw)
		for _, w := range wants {
			if strings.Contains(text, w) {
				return text
			}
		}
	}
	return text
}
