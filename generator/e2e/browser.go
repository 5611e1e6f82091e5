// Package e2e is the harness of casebook's end-to-end tests: it builds a
// site into a temporary folder, serves it on 127.0.0.1, drives Debian's
// headless Chromium with chromedp, and runs axe-core on the pages.
//
// The files are ordinary (non-test) Go files so that the tests of any
// package can import them. Tools come from the environment:
//
//	CASEBOOK_CHROMIUM         path of the browser; default: chromium or
//	                          chromium-browser on PATH
//	CASEBOOK_AXE              path of axe.min.js (npm package axe-core)
//	CASEBOOK_REQUIRE_BROWSER  "1" turns a missing tool into a failure
//	                          instead of a skip; `make test` sets it
//
// `make test` installs both tools when they are missing; `make unit` runs
// the tests without them, and every browser test then skips with a message
// that says so.
package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Environment variables that locate the test tools.
const (
	EnvChromium       = "CASEBOOK_CHROMIUM"
	EnvAxe            = "CASEBOOK_AXE"
	EnvRequireBrowser = "CASEBOOK_REQUIRE_BROWSER"
)

// Browser starts a fresh headless Chromium with its own temporary profile
// and returns a chromedp context for one tab in it. The browser stops when
// the test ends. When Chromium cannot be found the test fails if
// CASEBOOK_REQUIRE_BROWSER=1 and skips loudly otherwise.
func Browser(t testing.TB) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		missing(t, "Chromium", "set "+EnvChromium+" or install Debian's chromium")
	}
	profile := t.TempDir() // registered first, so it is removed after the browser stops
	ctx, cancel, err := StartBrowser(path, profile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return ctx
}

// StartBrowser starts headless Chromium at path with the profile folder
// profileDir and returns a chromedp context for one tab in it, and the
// function that stops the browser. Browser is the form for tests; this one
// serves commands such as casebook-screenshots.
func StartBrowser(path, profileDir string) (context.Context, context.CancelFunc, error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profileDir),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("force-color-profile", "srgb"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	cancel := func() {
		cancelTab()
		cancelAlloc()
	}
	// The first Run starts the browser.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return ctx, cancel, nil
}

// ChromiumPath returns the browser to drive: CASEBOOK_CHROMIUM when set,
// else chromium or chromium-browser from PATH, else "".
func ChromiumPath() string {
	if p := os.Getenv(EnvChromium); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if p, err := exec.LookPath(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ColorScheme is an action that makes the tab report
// prefers-color-scheme: scheme ("light" or "dark") to CSS. It holds for
// later navigations in the same tab.
func ColorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// missing stops the test because a tool is absent: a failure under
// CASEBOOK_REQUIRE_BROWSER=1, a loud skip otherwise.
func missing(t testing.TB, tool, hint string) {
	t.Helper()
	msg := fmt.Sprintf("%s is not available (%s). Browser tests need it: run `make test`, which installs Chromium and axe-core and sets %s, %s and %s=1.",
		tool, hint, EnvChromium, EnvAxe, EnvRequireBrowser)
	if os.Getenv(EnvRequireBrowser) == "1" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPING BROWSER TEST: " + msg)
}
