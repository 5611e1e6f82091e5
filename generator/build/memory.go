package build

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"github.com/casebook/casebook/generator/load"
)

// A one-shot build keeps its heap within a soft memory limit, set twice:
//
//   - once the files are loaded, to loadHeadroom times their bytes, for
//     checking and linking, where the live heap peaks at about 2.8 times
//     the files' bytes (the sources, the decoded stories and the
//     converted bodies at once; 158 MB for the 56 MB of the 10,000-story
//     corpus);
//   - once the site is linked and its sources let go, to the larger of
//     that and linkedHeadroom times the live heap, for rendering, which
//     raises the live heap by a half or so (pages in flight, the search
//     index's postings).
//
// Neither is ever below minMemoryLimit. Measured on the 10,000-story
// corpus, this keeps the peak resident size under 256 MB where, with only
// the second limit at 3.75 times the linked heap, it was 330 MB, for a
// few more collections; at 3 times the files' bytes the collector ran
// four times as often and the build took half as long again
// (docs/performance.md).
const (
	loadHeadroom   = 4
	linkedHeadroom = 2
	minMemoryLimit = 128 << 20
)

// limitLoaded sets the soft memory limit for checking and linking the
// files just loaded (see above), unless the user chose one with
// GOMEMLIMIT. A site whose heap grows past the limit only gets more
// frequent collections, never a failure: the limit is soft.
func limitLoaded(files []*load.File) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	for _, f := range files {
		if f.Doc != nil {
			size += int64(len(f.Doc.Raw) + len(f.Doc.Body))
		}
		for _, a := range f.Assets {
			size += int64(len(a.Data))
		}
	}
	debug.SetMemoryLimit(max(minMemoryLimit, loadHeadroom*size))
}

// limitMemory sets the soft memory limit for the rest of a one-shot build
// once the site is linked (see above), unless the user chose one with
// GOMEMLIMIT. Besides bounding the heap, the limit makes the runtime hand
// freed memory back to the system promptly, where it would otherwise keep
// the high-water mark of every burst of garbage.
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
	limit := max(minMemoryLimit, linkedHeadroom*live)
	if was := debug.SetMemoryLimit(-1); was < limit || was == math.MaxInt64 {
		debug.SetMemoryLimit(limit)
	}
}
