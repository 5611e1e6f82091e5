package render

import (
	"strings"
	"testing"

	casebook "github.com/casebook/casebook"
	"github.com/casebook/casebook/generator/content"
)

// aliasSite is the test site with an earlier slug for story "old" and
// two aliases for term inquiry, of which only the slug-shaped one is an
// address.
func aliasSite(t *testing.T) map[string]string {
	t.Helper()
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	site := testSiteWith(t, func(col *content.Collection) {
		col.Stories[1].Aliases = []content.Text{{Value: "older-name"}, {Value: "first-name"}}
		col.Terms["principles"][1].Aliases = []string{"enquiry", "Inquiring"}
	})
	return renderAll(t, site, th)
}

func TestRedirectPages(t *testing.T) {
	files := aliasSite(t)
	page, ok := files["stories/older-name/index.html"]
	if !ok {
		t.Fatal("no redirect page at the story's alias")
	}
	for _, want := range []string{
		`<meta http-equiv="refresh" content="0; url=https://example.org/cb/stories/old/">`,
		`<link rel="canonical" href="https://example.org/cb/stories/old/">`,
		`<meta name="robots" content="noindex">`,
		`<a href="/cb/stories/old/">Story &lt;old&gt;</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("redirect page lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, `class="site-nav"`) {
		t.Error("a redirect page carries the site's navigation")
	}
	if !strings.Contains(files["principles/enquiry/index.html"], `url=https://example.org/cb/principles/inquiry/`) {
		t.Error("no redirect page at the term's alias")
	}
	for p := range files {
		if strings.Contains(p, "Inquiring") {
			t.Errorf("%s: an alias that is no address got a page", p)
		}
	}
	want := "/cb/principles/enquiry/ /cb/principles/inquiry/ 301\n" +
		"/cb/stories/first-name/ /cb/stories/old/ 301\n" +
		"/cb/stories/older-name/ /cb/stories/old/ 301\n"
	if got := files["_redirects"]; got != want {
		t.Errorf("_redirects =\n%s\nwant\n%s", got, want)
	}
	for _, alias := range []string{"older-name", "first-name", "enquiry"} {
		if strings.Contains(files["sitemap.xml"], alias) {
			t.Errorf("the sitemap lists the alias %s", alias)
		}
	}
	if !strings.Contains(files["sitemap.xml"], "/cb/stories/old/") {
		t.Error("the sitemap lost the story itself")
	}
}

// TestRedirectsEmpty writes an empty _redirects for a site without
// aliases, so that a file a host reads never holds stale lines.
func TestRedirectsEmpty(t *testing.T) {
	th, err := LoadTheme(casebook.DefaultTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	files := renderAll(t, testSite(t), th)
	if got, ok := files["_redirects"]; !ok || got != "" {
		t.Errorf("_redirects = %q, %v; want an empty file", got, ok)
	}
}
