package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// A one-shot build may use memoryHeadroom/4 times the linked site's heap
// in all (3.75 times), and never less than minMemoryLimit. Rendering
// raises the live heap to about 2.2 times the linked site's at 10,000
// stories (the search index being built, pages in flight), so 3.75
// leaves the collector room: measured there, the limit costs about 1 %
// more CPU, where 3 times cost 40 % (docs/performance.md).
const (
	memoryHeadroom = 15
	minMemoryLimit = 256 << 20
)

// limitMemory sets the Go runtime's soft memory limit for the rest of a
// one-shot build to a few times the live heap once the site is linked,
// unless the user chose one with GOMEMLIMIT. What rendering adds to the
// linked site (pages in flight, the search index being built) is smaller
// than the site itself, so the collector seldom has to work harder; but
// the limit makes the runtime hand freed memory back to the system
// promptly, where it would otherwise keep the high-water mark of every
// burst of garbage. At 10,000 stories that is the difference between a
// peak resident size of about 510 MB and one of about 360 MB (see
// docs/performance.md). A site whose heap grows past the limit only gets
// more frequent collections, never a failure: the limit is soft.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	// One collection, now that link's garbage and the Markdown sources are
	// gone, measures the site itself; at 10,000 stories it takes a few
	// tens of milliseconds.
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := int64(sample[0].Value.Uint64())
	debug.SetMemoryLimit(max(minMemoryLimit, memoryHeadroom*live/4))
}
