package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// programmeSite is a site unlike the sample: taxonomies values, sectors
// and regions (regions optional), five values with proper-noun titles.
const programmeSite = "../../generator/e2e/testdata/values-site"

func TestProgrammeSiteChecksAndBuilds(t *testing.T) {
	if code, stdout, stderr := run(t, "check", "-src", programmeSite); code != exitOK || !strings.Contains(stdout+stderr, "no problems") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run(t, "build", "-src", programmeSite, "-out", out); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	// A story without regions is published, and titles keep their case.
	page, err := os.ReadFile(filepath.Join(out, "stories", "walking-group", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	term, err := os.ReadFile(filepath.Join(out, "sectors", "nhs-wales", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "A walking group instead of a waiting list") {
		t.Errorf("the story without regions has no page")
	}
	if !strings.Contains(string(term), "NHS Wales") || strings.Contains(string(term), "nhs wales") {
		t.Errorf("the term page of NHS Wales does not show its title as written")
	}
}

func TestProgrammeSiteOptionalTaxonomy(t *testing.T) {
	code, vocab, stderr := run(t, "vocab", "-src", programmeSite)
	if code != exitOK {
		t.Fatalf("vocab: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(vocab, "| regions (optional) | `gwent` | Gwent |") || !strings.Contains(vocab, "| values | `co-production` | Co-production with NHS Wales |") {
		t.Errorf("vocab does not mark regions optional or lost a title's case:\n%s", vocab)
	}
	code, schema, stderr := run(t, "schema", "-src", programmeSite)
	if code != exitOK {
		t.Fatalf("schema: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(schema, `"required": [
    "title",
    "summary",
    "date",
    "values",
    "sectors"
  ]`) {
		t.Errorf("schema does not require exactly title, summary, date, values and sectors:\n%s", schema[:min(len(schema), 600)])
	}
}
