package build_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/diag"
)

// TestBadInput runs every case of testdata/bad. Each case is a txtar
// archive laid over the good site of testdata/sites/casebook.txtar: its
// files replace or add files of the site, and its comment says what else
// to do and what to expect:
//
//	want TEXT        a diagnostic "path:line:col: severity: message" holds TEXT
//	!diag TEXT       no diagnostic holds TEXT
//	ok               the build succeeds (the input is accepted)
//	contains P TEXT  after an accepted build, output file P holds TEXT
//	big PATH         write a story just over 2 MiB at PATH
//	symlink PATH     make PATH a symlink to a file outside the site
//	crlf PATH        save PATH with a byte order mark and CRLF line ends
//
// The good site is built first. A case that is not "ok" must fail with
// every error accounted for by a want line, and leave the previous output
// byte for byte as it was.
func TestBadInput(t *testing.T) {
	forEachArchive(t, "testdata/bad", func(t *testing.T, ar *txtar.Archive) {
		src := unpackFixture(t, "casebook")
		opts := build.Options{Src: src, NoMinify: true}
		good := buildOK(t, opts)
		before := outputFiles(t, good.Out)

		bc := applyBadCase(t, src, ar)
		res, err := build.Build(opts)
		if err != nil {
			t.Fatalf("Build returned an error instead of diagnostics: %v", err)
		}
		bc.checkDiags(t, "build", res.Diags)
		checked, err := build.Check(opts)
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		bc.checkDiags(t, "check", checked.Diags)

		if bc.ok {
			if res.Diags.HasErrors() {
				t.Fatalf("want the input accepted, got errors:\n%s", diagText(res))
			}
			for _, c := range bc.contains {
				c.run(t, res.Out, res.Diags)
			}
			return
		}
		if !res.Diags.HasErrors() {
			t.Fatalf("want the build to fail; diagnostics:\n%s", diagText(res))
		}
		for _, d := range res.Diags {
			if d.Severity == diag.Error && !bc.wanted(d) {
				t.Errorf("unexpected error: %s", d)
			}
		}
		sameFiles(t, "previous output after a failed build", before, outputFiles(t, good.Out))
	})
}

// badCase is the expectation part of a case of testdata/bad.
type badCase struct {
	want, notWant []string
	ok            bool
	contains      []siteCheck
}

func (bc *badCase) wanted(d diag.Diagnostic) bool {
	for _, w := range bc.want {
		if strings.Contains(d.String(), w) {
			return true
		}
	}
	return false
}

func (bc *badCase) checkDiags(t *testing.T, stage string, diags diag.List) {
	t.Helper()
	for _, w := range bc.want {
		found := false
		for _, d := range diags {
			found = found || strings.Contains(d.String(), w)
		}
		if !found {
			t.Errorf("%s: no diagnostic holds %q; got:\n%s", stage, w, listText(diags))
		}
	}
	for _, w := range bc.notWant {
		for _, d := range diags {
			if strings.Contains(d.String(), w) {
				t.Errorf("%s: unwanted diagnostic %s", stage, d)
			}
		}
	}
}

func listText(l diag.List) string {
	var b bytes.Buffer
	_ = diag.Write(&b, l, diag.FormatText)
	return b.String()
}

// applyBadCase lays the archive over the site in src and runs its
// commands.
func applyBadCase(t *testing.T, src string, ar *txtar.Archive) *badCase {
	t.Helper()
	for _, f := range ar.Files {
		writeFile(t, filepath.Join(src, filepath.FromSlash(f.Name)), string(f.Data))
	}
	bc := &badCase{}
	sc := bufio.NewScanner(bytes.NewReader(ar.Comment))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, arg, _ := strings.Cut(line, " ")
		target := filepath.Join(src, filepath.FromSlash(arg))
		switch verb {
		case "want":
			bc.want = append(bc.want, arg)
		case "!diag":
			bc.notWant = append(bc.notWant, arg)
		case "ok":
			bc.ok = true
		case "contains":
			p, text, _ := strings.Cut(arg, " ")
			bc.contains = append(bc.contains, siteCheck{n, verb, p, text})
		case "big":
			writeFile(t, target, bigStory())
		case "symlink":
			outside := filepath.Join(t.TempDir(), "outside.md")
			writeFile(t, outside, "---\ntitle: Outside\n---\nSecret.\n")
			if err := os.Symlink(outside, target); err != nil {
				t.Fatal(err)
			}
		case "crlf":
			data, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			writeFile(t, target, "\xef\xbb\xbf"+string(data))
		default:
			t.Fatalf("comment line %d: unknown verb %q", n, verb)
		}
	}
	return bc
}

// bigStory is a valid story just over 2 MiB.
func bigStory() string {
	head := "---\ntitle: Big\nsummary: A very long story.\ndate: 2019-01-01\nprinciples: [systems]\nsectors: [nhs]\nthemes: [health]\n---\n"
	line := strings.Repeat("word ", 15) + "\n"
	return head + strings.Repeat(line, (2<<20)/len(line)+1)
}
