// Command casebook-screenshots builds the sample site, opens a few of its
// pages in headless Chromium and saves PNG screenshots of them at phone
// and desktop widths, in the light and the dark colour scheme:
//
//	go run ./cmd/casebook-screenshots -out docs/screenshots
//
// `make screenshots` runs it. Chromium comes from CASEBOOK_CHROMIUM, else
// chromium or chromium-browser on PATH.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/e2e"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// shot is one page to capture.
type shot struct {
	name string // file name prefix
	path string // path under the base URL
}

// viewport is a window size to capture at.
type viewport struct {
	width, height int64
	mobile        bool
}

var viewports = []viewport{{375, 812, true}, {1280, 900, false}}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casebook-screenshots", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "docs/screenshots", "folder to write the PNG files to")
	src := fs.String("src", ".", "site folder to build")
	story := fs.String("story", "", "slug of the story to capture (required)")
	term := fs.String("term", "", "taxonomy/key of the term page to capture (required)")
	full := fs.Bool("full", false, "capture whole pages rather than the first screen")
	print := fs.Bool("print", false, "capture the story as printed (A4 width, print stylesheet) into story-print.png instead")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *story == "" || *term == "" {
		fmt.Fprintln(stderr, "casebook-screenshots: -story SLUG and -term TAXONOMY/KEY name the pages to capture")
		return 2
	}
	shots := []shot{{"home", ""}, {"story", "stories/" + *story + "/"}, {"principle", strings.Trim(*term, "/") + "/"}}
	if *print {
		shots, viewports = shots[1:2], nil
	}
	if err := capture(*src, *out, shots, *full || *print, stdout); err != nil {
		fmt.Fprintln(stderr, "casebook-screenshots:", err)
		return 1
	}
	return 0
}

func capture(src, out string, shots []shot, full bool, stdout io.Writer) error {
	chromium := e2e.ChromiumPath()
	if chromium == "" {
		return errors.New("chromium not found: install it (sudo apt-get install chromium) or set " + e2e.EnvChromium)
	}
	tmp, err := os.MkdirTemp("", "casebook-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String() + "/"
	site := filepath.Join(tmp, "public")
	res, err := build.Build(build.Options{Src: src, Out: site, BaseURL: base})
	if res != nil && res.Diags.HasErrors() {
		diag.Write(os.Stderr, res.Diags, "text")
		return errors.New("the site has errors")
	}
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: e2e.NewSiteHandler(site)}
	go srv.Serve(ln)
	defer srv.Close()

	ctx, cancel, err := e2e.StartBrowser(chromium, filepath.Join(tmp, "profile"))
	if err != nil {
		return err
	}
	defer cancel()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if viewports == nil { // -print
		name := filepath.Join(out, shots[0].name+"-print.png")
		err := chromedp.Do(ctx, chromedp.EmulateViewport(794, 1123), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		if err == nil {
			err = screenshot(ctx, base+shots[0].path, name, true)
		}
		return err
	}
	for _, scheme := range []string{"light", "dark"} {
		if err := chromedp.Do(ctx, e2e.ColorScheme(scheme)); err != nil {
			return err
		}
		for _, vp := range viewports {
			opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
			if vp.mobile {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height, opts...)); err != nil {
				return err
			}
			for _, s := range shots {
				name := filepath.Join(out, fmt.Sprintf("%s-%d-%s.png", s.name, vp.width, scheme))
				if err := screenshot(ctx, base+s.path, name, full); err != nil {
					return err
				}
				fmt.Fprintln(stdout, name)
			}
		}
	}
	return nil
}

// screenshot opens url and saves what the viewport shows, or the whole
// page when full is set, as a PNG.
func screenshot(ctx context.Context, url, name string, full bool) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	capture := chromedp.CaptureScreenshot()
	if full {
		capture = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, capture)
	if err != nil {
		return fmt.Errorf("capturing %s: %w", url, err)
	}
	return os.WriteFile(name, png, 0o644)
}
