package move

import (
	"bytes"
	"net/url"
	"path"
	"strings"
)

// target describes where the moved story is, before and after: its file
// (content/stories/x/old.md or content/stories/x/old/index.md) and, for
// a bundle, its folder.
type target struct {
	oldFile, newFile string
	// oldDir and newDir are the bundle's folder, "" for a story file.
	oldDir, newDir string
	oldSlug        string
	newSlug        string
	// files maps each renamed file (the story's file and its
	// translations) to its new path.
	files map[string]string
}

// rewriteBody rewrites, in the Markdown body src of the file at file, the
// links that lead to the moved story: relative links (inline and
// reference definitions) to its file, its bundle folder or a file of the
// bundle, and wiki links to its slug. Everything else stays byte for
// byte, and so does text inside code.
func (t *target) rewriteBody(file string, src []byte) []byte {
	dir := path.Dir(file)
	var out bytes.Buffer
	fenced := ""
	for len(src) > 0 {
		end := bytes.IndexByte(src, '\n')
		if end < 0 {
			end = len(src) - 1
		}
		line := src[:end+1]
		src = src[end+1:]
		trimmed := bytes.TrimLeft(line, " ")
		if fence := fenceOf(trimmed); fence != "" && len(line)-len(trimmed) < 4 {
			switch {
			case fenced == "":
				fenced = fence
			case strings.HasPrefix(fence, fenced[:1]) && len(fence) >= len(fenced):
				fenced = ""
			}
			out.Write(line)
			continue
		}
		if fenced != "" || bytes.HasPrefix(line, []byte("    ")) || bytes.HasPrefix(line, []byte("\t")) {
			out.Write(line)
			continue
		}
		out.Write(t.rewriteLine(dir, line))
	}
	return out.Bytes()
}

// fenceOf returns the fence that opens or closes a fenced code block at
// the start of line, or "".
func fenceOf(line []byte) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(line) && line[n] == c {
			n++
		}
		if n >= 3 {
			return string(line[:n])
		}
	}
	return ""
}

// rewriteLine rewrites the links of one line outside code blocks.
func (t *target) rewriteLine(dir string, line []byte) []byte {
	// A reference definition: [id]: destination.
	if trimmed := bytes.TrimLeft(line, " "); len(line)-len(trimmed) < 4 && bytes.HasPrefix(trimmed, []byte("[")) {
		if i := bytes.Index(trimmed, []byte("]:")); i > 0 && !bytes.HasPrefix(trimmed, []byte("[[")) {
			start := len(line) - len(trimmed) + i + 2
			for start < len(line) && (line[start] == ' ' || line[start] == '\t') {
				start++
			}
			return append(append([]byte{}, line[:start]...), t.rewriteDest(dir, line[start:])...)
		}
	}
	var out []byte
	for i := 0; i < len(line); {
		switch {
		case line[i] == '`':
			// A code span: copy it to its closing run of backticks.
			n := 0
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			closing := bytes.Index(line[i+n:], line[i:i+n])
			if closing < 0 {
				out = append(out, line[i:i+n]...)
				i += n
				continue
			}
			out = append(out, line[i:i+n+closing+n]...)
			i += n + closing + n
		case bytes.HasPrefix(line[i:], []byte("[[")):
			end := bytes.Index(line[i:], []byte("]]"))
			if end < 0 {
				out = append(out, line[i:]...)
				i = len(line)
				continue
			}
			out = append(out, "[["...)
			out = append(out, t.rewriteWiki(line[i+2:i+end])...)
			out = append(out, "]]"...)
			i += end + 2
		case bytes.HasPrefix(line[i:], []byte("](")):
			out = append(out, "]("...)
			rest := t.rewriteDest(dir, line[i+2:])
			out = append(out, rest...)
			return out
		default:
			out = append(out, line[i])
			i++
		}
	}
	return out
}

// rewriteDest rewrites the link destination at the start of rest (up to
// whitespace, ")" or, in angle brackets, ">") and then the rest of the
// line.
func (t *target) rewriteDest(dir string, rest []byte) []byte {
	open, close := "", " \t\n)"
	if bytes.HasPrefix(rest, []byte("<")) {
		open, close = "<", ">\n"
	}
	body := rest[len(open):]
	end := bytes.IndexAny(body, close)
	if end < 0 {
		end = len(body)
	}
	dest := string(body[:end])
	out := append([]byte(open), t.newDest(dir, dest)...)
	return append(out, t.rewriteLine(dir, body[end:])...)
}

// newDest returns dest changed to lead to the story's new place when it
// led to its old one, and dest itself otherwise.
func (t *target) newDest(dir, dest string) string {
	p, suffix := dest, ""
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, suffix = p[:i], p[i:]
	}
	if p == "" || strings.Contains(p, ":") || strings.HasPrefix(p, "/") {
		return dest
	}
	unescaped, err := url.PathUnescape(p)
	if err != nil {
		return dest
	}
	// Walk the path from the file's folder; the segment that reaches the
	// story's file or folder is the one that changes.
	segments := strings.Split(unescaped, "/")
	at := dir
	for i, seg := range segments {
		at = path.Join(at, seg)
		var replaced string
		switch to, isFile := t.files[at]; {
		case isFile && t.oldDir == "":
			replaced = path.Base(to)
		case t.oldDir != "" && at == t.oldDir:
			replaced = path.Base(t.newDir)
		default:
			continue
		}
		segments[i] = replaced
		return strings.Join(segments, "/") + suffix
	}
	return dest
}

// rewriteWiki rewrites the inside of a wiki link, target or
// target|label, when its target is the story: "old", "old.md",
// "stories/old", with spaces or slashes around.
func (t *target) rewriteWiki(inner []byte) []byte {
	tgt, label, hasLabel := bytes.Cut(inner, []byte("|"))
	core := strings.TrimSuffix(strings.Trim(strings.TrimSpace(string(tgt)), "/"), ".md")
	if core != t.oldSlug && core != "stories/"+t.oldSlug {
		return inner
	}
	i := bytes.LastIndex(tgt, []byte(t.oldSlug))
	out := append(append(append([]byte{}, tgt[:i]...), t.newSlug...), tgt[i+len(t.oldSlug):]...)
	if hasLabel {
		out = append(append(out, '|'), label...)
	}
	return out
}
