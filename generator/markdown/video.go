package markdown

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// A paragraph that is nothing but a YouTube or Vimeo address becomes a
// click-to-play video: a plain link to the video, in a box that carries
// the player's address in data-embed. The page makes no request to the
// video's host: the theme's script adds a play button, and only a click
// on it loads the player, from youtube-nocookie.com or from
// player.vimeo.com with dnt=1. Without the script the link stays a link.

// VideoMarker starts the markup of every click-to-play video, so that a
// page can tell whether its body holds one.
const VideoMarker = `<div class="video" data-embed="`

// KindVideo is the kind of the node that replaces such a paragraph.
var KindVideo = ast.NewNodeKind("Video")

// Video is a click-to-play video.
type Video struct {
	ast.BaseBlock
	// Link is the address of the video's page, Embed that of its player,
	// Host the name of the service ("YouTube", "Vimeo").
	Link, Embed, Host string
}

// Kind implements ast.Node.
func (*Video) Kind() ast.NodeKind { return KindVideo }

// Dump implements ast.Node.
func (v *Video) Dump(source []byte, level int) {
	ast.DumpHelper(v, source, level, map[string]string{"Link": v.Link, "Embed": v.Embed, "Host": v.Host}, nil)
}

// videoOf returns the Video that paragraph p stands for, or nil when p is
// not one YouTube or Vimeo address alone (spaces aside).
func videoOf(p *ast.Paragraph, src []byte) *Video {
	var link *ast.AutoLink
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.AutoLink:
			if link != nil {
				return nil
			}
			link = c
		case *ast.Text:
			if len(strings.TrimSpace(string(c.Segment.Value(src)))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	if link == nil || link.AutoLinkType != ast.AutoLinkURL {
		return nil
	}
	return videoAt(string(link.URL(src)))
}

// videoAt parses the address of a YouTube or Vimeo video.
func videoAt(raw string) *Video {
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.User != nil || u.Port() != "" {
		return nil
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	q := u.Query()
	switch host {
	case "youtube.com", "m.youtube.com", "youtube-nocookie.com":
		var id string
		switch {
		case len(parts) == 1 && parts[0] == "watch":
			id = q.Get("v")
		case len(parts) == 2 && (parts[0] == "embed" || parts[0] == "shorts" || parts[0] == "live"):
			id = parts[1]
		}
		return youTube(id, q.Get("t"))
	case "youtu.be":
		if len(parts) == 1 {
			return youTube(parts[0], q.Get("t"))
		}
	case "vimeo.com", "player.vimeo.com":
		if host == "player.vimeo.com" {
			if len(parts) < 2 || parts[0] != "video" {
				return nil
			}
			parts = parts[1:]
		}
		hash := q.Get("h")
		if len(parts) == 2 && hash == "" {
			hash = parts[1]
		} else if len(parts) != 1 {
			return nil
		}
		return vimeo(parts[0], hash)
	}
	return nil
}

// youTube is the video with id, starting at t ("90", "90s") when given.
func youTube(id, t string) *Video {
	if len(id) != 11 || !isToken(id) {
		return nil
	}
	link, embed := "https://www.youtube.com/watch?v="+id, "https://www.youtube-nocookie.com/embed/"+id+"?autoplay=1"
	if s, err := strconv.Atoi(strings.TrimSuffix(t, "s")); err == nil && s > 0 {
		link += "&t=" + strconv.Itoa(s)
		embed += "&start=" + strconv.Itoa(s)
	}
	return &Video{Link: link, Embed: embed, Host: "YouTube"}
}

// vimeo is the video with the numeric id and, for an unlisted one, its
// hash.
func vimeo(id, hash string) *Video {
	if id == "" || len(id) > 12 || strings.Trim(id, "0123456789") != "" || len(hash) > 32 || !isToken(hash) {
		return nil
	}
	link, embed := "https://vimeo.com/"+id, "https://player.vimeo.com/video/"+id+"?dnt=1&autoplay=1"
	if hash != "" {
		link += "/" + hash
		embed += "&h=" + hash
	}
	return &Video{Link: link, Embed: embed, Host: "Vimeo"}
}

// isToken reports whether s holds only letters, digits, - and _.
func isToken(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// videoExtension renders Video nodes.
type videoExtension struct{}

func (videoExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(videoRenderer{}, 500)))
}

type videoRenderer struct{}

func (videoRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindVideo, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		v := n.(*Video)
		// Both addresses are built above from checked parts: they hold
		// nothing that needs escaping in an attribute but &.
		link := strings.ReplaceAll(v.Link, "&", "&amp;")
		_, _ = w.WriteString(VideoMarker + strings.ReplaceAll(v.Embed, "&", "&amp;") + `" data-host="` + v.Host + `">` +
			`<a class="video-link" href="` + link + `">` + link + "</a></div>\n")
		return ast.WalkSkipChildren, nil
	})
}
