package load

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// MaxAssetSize is the largest bundle file accepted: 100 MiB. A longer
// video belongs on a video host, linked from the story.
const MaxAssetSize = 100 << 20

// passiveTypes are the extensions of bundle files that are published: types
// a browser shows without running anything from them. Everything else
// (.html, .js, .xml, .xhtml, .swf, ...) could run script on the site's origin
// and is refused; SVG is published only when checkSVG finds nothing active.
var passiveTypes = map[string]bool{
	// images
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true,
	// documents
	".pdf": true,
	// audio
	".mp3": true, ".m4a": true, ".ogg": true, ".oga": true, ".opus": true, ".wav": true, ".flac": true,
	// video
	".mp4": true, ".webm": true, ".ogv": true, ".mov": true,
	// plain data
	".csv": true, ".tsv": true, ".txt": true, ".json": true, ".md": true,
}

// generatedNames are the files casebook writes into a story's own folder; a
// bundle file of the same name (in any letter case, for hosts whose file
// systems ignore it) would replace or shadow the generated one.
var generatedNames = []string{"index.html", "cite.bib", "cite.ris", "card.png"}

// PassiveExtensions lists the extensions published from bundles, sorted, for
// messages and documentation.
func PassiveExtensions() []string {
	var exts []string
	for ext := range passiveTypes {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	return exts
}

// checkAsset reports why the bundle file name (relative to its bundle
// folder) with contents data must not be published, or nil.
func checkAsset(name string, data []byte) error {
	base := strings.ToLower(path.Base(name))
	for _, g := range generatedNames {
		if strings.EqualFold(name, g) {
			return fmt.Errorf("bundle file %q clashes with the %s that casebook generates for the story; rename it", name, g)
		}
	}
	ext := path.Ext(base)
	if !passiveTypes[ext] {
		return fmt.Errorf("bundle file type %q is not published: only images, PDF, audio, video and plain data (%s) are, as other types could run script on the site; link to it elsewhere or convert it",
			ext, strings.Join(PassiveExtensions(), " "))
	}
	if ext == ".svg" {
		if err := checkSVG(data); err != nil {
			return fmt.Errorf("SVG refused: %v; remove it, or export the image as PNG", err)
		}
	}
	return nil
}

// svgActiveElements are elements that run script, embed other documents or
// load HTML. Names are compared in lower case and without namespace, so
// that <html:script> and <foreignobject> are caught too.
var svgActiveElements = map[string]bool{
	"script": true, "foreignobject": true, "handler": true, "listener": true,
	"iframe": true, "embed": true, "object": true, "frame": true, "frameset": true,
}

const xhtmlNamespace = "http://www.w3.org/1999/xhtml"

// checkSVG refuses an SVG document that could run script when opened on its
// own (an <img> never runs it, but a link to the file does): script and
// embedding elements, XHTML content, event handler attributes, links that
// are not to a fragment of the image itself, javascript: anywhere in an
// attribute or style, style imports, entity declarations and style-sheet
// processing instructions. Anything that is not well-formed XML is refused
// too: the browser's parser, not ours, would decide what it means.
func checkSVG(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = nil
	depth, inStyle := 0, false
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return errors.New("it is not well-formed XML (an element is not closed)")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("it is not well-formed XML (%v)", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxSVGDepth {
				return fmt.Errorf("it nests elements more than %d deep", maxSVGDepth)
			}
			if err := checkSVGElement(t); err != nil {
				return err
			}
			inStyle = strings.EqualFold(t.Name.Local, "style")
		case xml.EndElement:
			depth--
			inStyle = false
		case xml.CharData:
			if inStyle {
				if err := checkStyle(string(t)); err != nil {
					return err
				}
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return errors.New("it declares entities")
			}
		case xml.ProcInst:
			if t.Target != "xml" {
				return fmt.Errorf("it has a <?%s?> processing instruction", t.Target)
			}
		}
	}
}

const maxSVGDepth = 256

func checkSVGElement(t xml.StartElement) error {
	local := strings.ToLower(t.Name.Local)
	if svgActiveElements[local] {
		return fmt.Errorf("it has a <%s> element", t.Name.Local)
	}
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			if a.Value == xhtmlNamespace {
				return errors.New("it embeds XHTML")
			}
			continue
		}
		name := strings.ToLower(a.Name.Local)
		value := compact(a.Value)
		switch {
		case strings.HasPrefix(name, "on"):
			return fmt.Errorf("it has an event handler attribute %q", a.Name.Local)
		case name == "href" || name == "src" || name == "action" || name == "formaction":
			if !strings.HasPrefix(value, "#") && !isRasterDataURL(value) {
				return fmt.Errorf("it links outside itself (%s=%q): only links to #fragments and embedded PNG, JPEG, GIF or WebP images are allowed", a.Name.Local, a.Value)
			}
		case strings.Contains(value, "javascript:") || strings.Contains(value, "vbscript:"):
			return fmt.Errorf("attribute %q holds a script URL", a.Name.Local)
		case name == "style":
			if err := checkStyle(a.Value); err != nil {
				return err
			}
		case (name == "attributename") && (strings.HasPrefix(value, "on") || strings.HasSuffix(value, "href")):
			return fmt.Errorf("it animates the %q attribute", a.Value)
		}
	}
	return nil
}

// checkStyle refuses CSS that loads anything: @import and url() other than
// a #fragment, and the old script forms.
func checkStyle(css string) error {
	c := compact(css)
	if strings.Contains(c, "@import") || strings.Contains(c, "javascript:") || strings.Contains(c, "expression(") {
		return errors.New("its style loads other files or runs script")
	}
	for rest := c; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return nil
		}
		rest = strings.TrimLeft(rest[i+4:], `"'`)
		if !strings.HasPrefix(rest, "#") {
			return errors.New("its style loads other files (url() that is not a #fragment)")
		}
	}
}

func isRasterDataURL(v string) bool {
	for _, t := range []string{"data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"} {
		if strings.HasPrefix(v, t) {
			return true
		}
	}
	return false
}

// compact lowercases s and drops whitespace, control characters and CSS
// escapes' backslashes, the forms in which "java\tscript:" and
// "ur\l(" still work in some parser.
func compact(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r <= ' ' || r == '\\' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
