package markdown

import (
	"strings"
	"testing"
)

func TestVideoParagraphs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// embed is the player's address in data-embed, "" for no video.
		embed, link string
	}{
		{"youtube watch", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		{"youtube start", "https://youtube.com/watch?v=dQw4w9WgXcQ&t=90s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=90", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=90"},
		{"youtu.be in brackets", "<https://youtu.be/dQw4w9WgXcQ>", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		{"youtube shorts without scheme", "www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", ""},
		{"vimeo", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1", "https://vimeo.com/76979871"},
		{"vimeo unlisted", "  https://vimeo.com/76979871/abc123def  ", "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1&amp;h=abc123def", "https://vimeo.com/76979871/abc123def"},
		{"vimeo player", "https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1", ""},
		{"with other text", "Watch https://youtu.be/dQw4w9WgXcQ", "", ""},
		{"two videos", "https://youtu.be/dQw4w9WgXcQ https://youtu.be/dQw4w9WgXcQ", "", ""},
		{"markdown link", "[the talk](https://youtu.be/dQw4w9WgXcQ)", "", ""},
		{"short id", "https://youtu.be/abc", "", ""},
		{"id with quote", `https://www.youtube.com/watch?v=dQw4w9WgX"Q`, "", ""},
		{"other host", "https://youtube.com.example.org/watch?v=dQw4w9WgXcQ", "", ""},
		{"vimeo channel", "https://vimeo.com/channels/staffpicks", "", ""},
		{"javascript", "javascript://youtube.com/watch?v=dQw4w9WgXcQ", "", ""},
		{"with a port", "https://youtube.com:8443/watch?v=dQw4w9WgXcQ", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert("Before.\n\n" + tt.src + "\n\nAfter.\n")
			html := string(res.HTML)
			if tt.embed == "" {
				if strings.Contains(html, "data-embed") {
					t.Errorf("want no video, got %s", html)
				}
				return
			}
			want := `<div class="video" data-embed="` + tt.embed + `" data-host="`
			if !strings.Contains(html, want) {
				t.Errorf("want %s in\n%s", want, html)
			}
			if tt.link != "" && !strings.Contains(html, `<a class="video-link" href="`+tt.link+`">`+tt.link+`</a></div>`) {
				t.Errorf("want a link to %s in\n%s", tt.link, html)
			}
			if strings.Count(html, "<p>") != 2 || strings.Contains(html, "<iframe") {
				t.Errorf("want the paragraph replaced and no frame, got\n%s", html)
			}
		})
	}
}

func TestDroppedHTMLWarnings(t *testing.T) {
	src := "Intro.\n\n<iframe src=\"https://x.example\"></iframe>\n\n<details>\n<summary>More</summary>\n\nHidden.\n</details>\n\n" +
		"A <B>bold</B> <!-- note --> word<br>\n\n<video controls>\n\n<custom-tag>\n"
	res := convert(src)
	var got []string
	for _, d := range res.Diags {
		if d.Severity != "warning" {
			t.Errorf("want warnings only, got %v", d)
		}
		got = append(got, d.String())
	}
	// The body starts on line 5 of the file.
	want := []string{
		"content/stories/x.md:7:1: warning: raw HTML <iframe> is not published: put the YouTube or Vimeo address alone in a paragraph",
		"content/stories/x.md:9:1: warning: raw HTML <details> is not published: write the hidden part as a heading",
		"content/stories/x.md:15:3: warning: raw HTML <b> is not published: write **bold** instead",
		"content/stories/x.md:15:33: warning: raw HTML <br> is not published",
		"content/stories/x.md:17:1: warning: raw HTML <video> is not published: put the YouTube or Vimeo address",
		"content/stories/x.md:19:1: warning: raw HTML <custom-tag> is not published: write it in Markdown instead",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
	if strings.Contains(string(res.HTML), "<iframe") || strings.Contains(string(res.HTML), "<details") {
		t.Errorf("raw HTML published:\n%s", res.HTML)
	}
}

func TestDroppedHTMLWarningsAreCapped(t *testing.T) {
	res := convert(strings.Repeat("a<br>\n", 10*MaxHTMLWarnings))
	if len(res.Diags) != MaxHTMLWarnings {
		t.Errorf("got %d warnings, want %d", len(res.Diags), MaxHTMLWarnings)
	}
}
