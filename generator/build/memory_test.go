package build

import (
	"math"
	"runtime/debug"
	"testing"
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
