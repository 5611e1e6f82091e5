package e2e_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/e2e"
)

// requestLog records the address of every request a tab makes.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) listen(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			l.mu.Lock()
			l.urls = append(l.urls, ev.Request.URL)
			l.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// foreign returns the recorded requests to any host but local's, and
// forgets every request.
func (l *requestLog) foreign(local string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, u := range l.urls {
		if p, err := url.Parse(u); err == nil && p.Scheme != "data" && p.Host != local {
			out = append(out, u)
		}
	}
	l.urls = nil
	return out
}

// await waits up to 10s for a request whose address starts with prefix.
func (l *requestLog) await(prefix string) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		l.mu.Lock()
		for _, u := range l.urls {
			if strings.HasPrefix(u, prefix) {
				l.mu.Unlock()
				return true
			}
		}
		l.mu.Unlock()
	}
	return false
}

// unpackTestdata writes testdata/<name>.txtar into a new folder.
func unpackTestdata(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestClickToPlayVideo opens a story with a YouTube and a Vimeo video in
// Chromium, recording every request: without JavaScript each is a plain
// link; with it each gets a play button, and no request leaves the site
// until the reader presses one, which loads that player alone, from
// youtube-nocookie.com or from player.vimeo.com with dnt=1.
func TestClickToPlayVideo(t *testing.T) {
	base, _ := e2e.ServeSite(t, unpackTestdata(t, "video"))
	local := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	page := base + "stories/screening/"
	ctx := e2e.Browser(t)
	log := &requestLog{}
	log.listen(t, ctx)
	eval := func(t *testing.T, js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	scripts := func(disabled bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
			return err
		})
	}
	links := `Array.from(document.querySelectorAll(".video a.video-link")).map(a => a.href + " " + a.textContent).join("\n")`
	wantLinks := "https://www.youtube.com/watch?v=dQw4w9WgXcQ https://www.youtube.com/watch?v=dQw4w9WgXcQ\n" +
		"https://vimeo.com/76979871 https://vimeo.com/76979871"

	t.Run("without JavaScript, links", func(t *testing.T) {
		if err := chromedp.Do(ctx, scripts(true)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		if got := eval(t, links); got != wantLinks {
			t.Errorf("links:\n%s\nwant:\n%s", got, wantLinks)
		}
		if got := eval(t, `String(document.querySelectorAll("button, iframe").length)`); got != "0" {
			t.Errorf("%s buttons or frames without JavaScript", got)
		}
		if f := log.foreign(local); len(f) > 0 {
			t.Errorf("requests to other hosts: %v", f)
		}
		if err := chromedp.Do(ctx, scripts(false)); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("with JavaScript, nothing fetched before a click", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "two play buttons", `document.querySelectorAll(".video button.video-play").length === 2`)
		if got := eval(t, `Array.from(document.querySelectorAll(".video-play")).map(b => b.textContent).join("|")`); got != "Play the video from YouTube|Play the video from Vimeo" {
			t.Errorf("buttons say %q", got)
		}
		if got := eval(t, links); got != wantLinks {
			t.Errorf("links beside the buttons:\n%s", got)
		}
		if f := log.foreign(local); len(f) > 0 {
			t.Errorf("requests to other hosts before any click: %v", f)
		}
		for _, v := range e2e.Axe(t, ctx, page) {
			t.Errorf("axe: %s", v.ID)
		}
		log.foreign(local)
	})
	players := []struct{ name, want string }{
		{"YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"},
		{"Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"},
	}
	for i, p := range players {
		t.Run("a click loads the "+p.name+" player only", func(t *testing.T) {
			eval(t, `document.querySelectorAll(".video")[`+strconv.Itoa(i)+`].querySelector("button").click(), ""`)
			waitFor(t, ctx, "the player's frame", `document.querySelectorAll(".video iframe").length === `+strconv.Itoa(i+1))
			src := eval(t, `document.querySelectorAll(".video")[`+strconv.Itoa(i)+`].querySelector("iframe").src`)
			if src != p.want {
				t.Errorf("frame loads %s, want %s", src, p.want)
			}
			if got := eval(t, `String(document.querySelectorAll(".video button").length)`); got != strconv.Itoa(1-i) {
				t.Errorf("%s buttons left", got)
			}
			if !log.await(p.want) {
				t.Errorf("no request to %s recorded", p.want)
			}
			for _, f := range log.foreign(local) {
				if !strings.HasPrefix(f, p.want) {
					t.Errorf("a click on %s made a request to %s", p.name, f)
				}
			}
		})
	}
}

// waitFor polls a JavaScript condition on the open page for up to 10s.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: not seen within 10s", what)
}
