package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// EnvSveltia locates the npm package @sveltia/cms (the folder holding its
// package.json), whose JSON schema and script test the web editor's
// generated configuration. `make test` installs it and sets it.
const EnvSveltia = "CASEBOOK_SVELTIA"

// SveltiaDir returns the folder of the @sveltia/cms package. When it is
// missing the test fails under CASEBOOK_REQUIRE_BROWSER=1 and skips loudly
// otherwise.
func SveltiaDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv(EnvSveltia)
	if dir == "" {
		missing(t, "@sveltia/cms", "set "+EnvSveltia+" to the folder of the npm package @sveltia/cms")
	}
	if _, err := os.Stat(filepath.Join(dir, "schema", "sveltia-cms.json")); err != nil {
		missing(t, "@sveltia/cms", EnvSveltia+"="+dir+" holds no schema/sveltia-cms.json")
	}
	return dir
}
