package load

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func TestCheckAsset(t *testing.T) {
	const svgHead = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`
	tests := []struct {
		name, file, data string
		refused          string // part of the error; "" when published
	}{
		{"png", "photo.png", "\x89PNG", ""},
		{"nested csv", "data/table.csv", "a,b\n", ""},
		{"pdf", "report.PDF", "%PDF-1.7", ""},
		{"clean svg", "map.svg", svgHead + `<circle id="c" r="2"/><use xlink:href="#c" style="fill: url(#g)"/></svg>`, ""},
		{"inkscape svg", "map.svg", `<?xml version="1.0"?><!-- made --><svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"><inkscape:grid/></svg>`, ""},
		{"raster data url", "map.svg", svgHead + `<image href="data:image/png;base64,AAAA"/></svg>`, ""},
		{"index.html", "index.html", "<p>", "clashes with the index.html"},
		{"card in other case", "Card.PNG", "\x89PNG", "clashes with the card.png"},
		{"html", "page.html", "<p>", `type ".html" is not published`},
		{"htm", "page.htm", "<p>", `type ".htm" is not published`},
		{"js", "x.js", "alert(1)", `type ".js" is not published`},
		{"xhtml", "x.xhtml", "<p/>", `type ".xhtml" is not published`},
		{"no extension", "README", "text", `type "" is not published`},
		{"script", "a.svg", svgHead + `<script>alert(1)</script></svg>`, "<script> element"},
		{"namespaced script", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`, "embeds XHTML"},
		{"foreignObject", "a.svg", svgHead + `<foreignObject><p>x</p></foreignObject></svg>`, "<foreignObject> element"},
		{"onload", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, `event handler attribute "onload"`},
		{"upper-case handler", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" ONCLICK="alert(1)"/>`, "event handler"},
		{"javascript link", "a.svg", svgHead + `<a xlink:href=" java&#9;script:alert(1)"><text>x</text></a></svg>`, "links outside itself"},
		{"external use", "a.svg", svgHead + `<use href="https://evil.example/x.svg#a"/></svg>`, "links outside itself"},
		{"svg data url", "a.svg", svgHead + `<image href="data:image/svg+xml;base64,AAAA"/></svg>`, "links outside itself"},
		{"animate href", "a.svg", svgHead + `<a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, "animates"},
		{"animate handler", "a.svg", svgHead + `<set attributeName="onmouseover" to="alert(1)"/></svg>`, `animates the "onmouseover"`},
		{"style import", "a.svg", svgHead + `<style>@import url(https://evil.example/x.css);</style></svg>`, "style loads other files"},
		{"style url", "a.svg", svgHead + `<rect style="fill:url( 'https://evil.example/x' )"/></svg>`, "style loads other files"},
		{"entity", "a.svg", `<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>`, "declares entities"},
		{"stylesheet pi", "a.svg", `<?xml-stylesheet href="x.xsl" type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "<?xml-stylesheet?>"},
		{"not xml", "a.svg", `<svg><p>`, "not well-formed"},
		{"html in svg name", "a.svg", `<html><script>alert(1)</script></html>`, "<script> element"},
		{"deep", "a.svg", strings.Repeat("<g>", 300) + strings.Repeat("</g>", 300), "nests elements"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkAsset(tt.file, []byte(tt.data))
			switch {
			case tt.refused == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.refused != "" && err == nil:
				t.Errorf("published; want it refused with %q", tt.refused)
			case tt.refused != "" && !strings.Contains(err.Error(), tt.refused):
				t.Errorf("error %q does not hold %q", err, tt.refused)
			}
		})
	}
}

func TestLoadRefusesActiveBundleFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/stories/hub/index.md":   {Data: []byte(goodStory)},
		"content/stories/hub/index.html": {Data: []byte("<script>alert(1)</script>")},
		"content/stories/hub/x.js":       {Data: []byte("alert(1)")},
		"content/stories/hub/photo.jpg":  {Data: []byte("\xff\xd8\xff")},
	}
	res := Load(fsys, nil)
	var names []string
	for _, a := range res.Files[0].Assets {
		names = append(names, a.Name)
	}
	if strings.Join(names, " ") != "photo.jpg" {
		t.Errorf("published assets = %v, want only photo.jpg", names)
	}
	var errs []string
	for _, d := range res.Diags {
		errs = append(errs, d.Path+" "+string(d.Severity))
	}
	want := "content/stories/hub/index.html error,content/stories/hub/x.js error"
	if strings.Join(errs, ",") != want {
		t.Errorf("diagnostics = %v, want %s", res.Diags, want)
	}
}

func TestLoadSkipsEditorFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/stories/hub/index.md":      {Data: []byte(goodStory)},
		"content/stories/hub/4913":          {Data: []byte("")},
		"content/stories/hub/.index.md.swp": {Data: []byte("swap")},
		"content/stories/hub/index.md.swp":  {Data: []byte("swap")},
		"content/stories/hub/index.md~":     {Data: []byte("backup")},
		"content/stories/hub/#index.md#":    {Data: []byte("autosave")},
		"content/stories/a.md~":             {Data: []byte("backup")},
	}
	res := Load(fsys, nil)
	if len(res.Files) != 1 || len(res.Files[0].Assets) != 0 || len(res.Diags) != 0 {
		t.Errorf("files = %d, assets = %v, diagnostics = %v; want one story, no assets, no diagnostics", len(res.Files), res.Files[0].Assets, res.Diags)
	}
}

func TestLoadRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	stories := filepath.Join(dir, "content", "stories")
	if err := os.MkdirAll(filepath.Join(stories, "hub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"pipe.md", "hub/pipe.png"} {
		if err := syscall.Mkfifo(filepath.Join(stories, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(stories, "hub", "index.md"), []byte(goodStory), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("pipe.md", filepath.Join(stories, "link.md")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	done := make(chan *Result)
	go func() { done <- Load(SiteFS(root), nil) }()
	select {
	case res := <-done:
		var got []string
		for _, d := range res.Diags {
			got = append(got, d.String())
		}
		text := strings.Join(got, "\n")
		for _, p := range []string{"content/stories/pipe.md: error: not a regular file", "content/stories/hub/pipe.png: error: not a regular file", "content/stories/link.md: error: symlink refused: it points to something that is not a regular file"} {
			if !strings.Contains(text, p) {
				t.Errorf("no diagnostic holds %q; got:\n%s", p, text)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load hangs on a named pipe")
	}
}
