package build

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/casebook/casebook/generator/frontmatter"
	"github.com/casebook/casebook/generator/load"
)

// TestLimitMemory checks the soft memory limit of one-shot builds: set to
// at least minMemoryLimit, and never when the user chose one with
// GOMEMLIMIT.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 || got < minMemoryLimit {
		t.Errorf("limit %d after limitMemory, want at least %d", got, minMemoryLimit)
	}

	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d with GOMEMLIMIT set, want it left alone", got)
	}
}

// TestLimitLoaded checks the limit set once the files are loaded:
// loadHeadroom times their bytes, at least minMemoryLimit, none with
// GOMEMLIMIT; and that the limit once linked never lowers it.
func TestLimitLoaded(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "")
	big := make([]byte, 100<<20)
	files := []*load.File{{Doc: &frontmatter.Document{Raw: big[:1<<20], Body: big[1<<20:]}}, {Assets: []load.Asset{{Data: big}}}, {}}
	limitLoaded(files)
	if got, want := debug.SetMemoryLimit(-1), int64(loadHeadroom*200<<20); got != want {
		t.Errorf("limit %d for 200 MiB of files, want %d", got, want)
	}
	limitMemory() // the linked heap of this test is far smaller
	if got, want := debug.SetMemoryLimit(-1), int64(loadHeadroom*200<<20); got != want {
		t.Errorf("limit %d after linking, want %d kept", got, want)
	}
	limitLoaded(files[2:])
	if got := debug.SetMemoryLimit(-1); got != minMemoryLimit {
		t.Errorf("limit %d for no bytes, want %d", got, minMemoryLimit)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	limitLoaded(files)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d with GOMEMLIMIT set, want it left alone", got)
	}
	runtime.KeepAlive(big)
}
