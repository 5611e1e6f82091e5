package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"

	"github.com/casebook/casebook/generator/build"
	"github.com/casebook/casebook/generator/corpus"
)

// vocabDir is the sample site's content folder: corpora use its
// principles, sectors and themes.
const vocabDir = "content"

// result is everything measured on one corpus size.
type result struct {
	stories      int
	build, floor summary
	files        int
	bytes        int64
}

// bench runs every measurement and prints the report.
func bench(opts options, stdout io.Writer) error {
	if err := os.MkdirAll(filepath.Join(opts.dir, "bin"), 0o755); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "building casebook and casebook-floor")
	casebookBin, err := goBuild(filepath.Join(opts.dir, "bin"), "./cmd/casebook")
	if err != nil {
		return err
	}
	floorBin, err := goBuild(filepath.Join(opts.dir, "bin"), "./cmd/casebook-floor")
	if err != nil {
		return err
	}
	var results []result
	for _, n := range opts.sizes {
		site, err := corpusFor(opts.dir, n, stdout)
		if err != nil {
			return err
		}
		res, err := measure(n, site, opts, casebookBin, floorBin, stdout)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	rep := report{results: results, runs: opts.runs}
	if opts.cpuprofile != "" {
		largest := opts.sizes[len(opts.sizes)-1]
		top, err := profile(corpusDir(opts.dir, largest), filepath.Join(opts.dir, "profile-out"), opts.cpuprofile)
		if err != nil {
			return err
		}
		rep.profile, rep.profileStories = top, largest
	}
	if opts.stages {
		fmt.Fprintln(stdout, "\nstage benchmarks (go test -bench, 1,000 stories)")
		out, err := stageBenchmarks(filepath.Join(opts.dir, "tmp"), stdout)
		if err != nil {
			return err
		}
		rep.stages = out
	}
	fmt.Fprintln(stdout)
	rep.print(stdout)
	if opts.write != "" {
		if err := rep.writeInto(opts.write); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "wrote the results into", opts.write)
	}
	return nil
}

// measure runs the floor and the full build on one corpus, alternately, so
// that anything else slowing the machine down weighs on both alike. Before
// each run the file system's dirty pages are written out (untimed), so
// that no run pays for writing back what the one before it wrote: on a
// slow disk that made later runs of a size, and so the larger size as a
// whole, slower than the earlier ones.
func measure(n int, site string, opts options, casebookBin, floorBin string, stdout io.Writer) (result, error) {
	res := result{stories: n}
	out := filepath.Join(opts.dir, "out-"+strconv.Itoa(n))
	floorOut := filepath.Join(opts.dir, "floor-"+strconv.Itoa(n))
	var builds, floors []sample
	for i := range opts.runs {
		syscall.Sync()
		f, err := runChild(floorBin, "-src", site, "-out", floorOut)
		if err != nil {
			return res, err
		}
		syscall.Sync()
		b, err := runChild(casebookBin, "build", "-src", site, "-out", out)
		if err != nil {
			return res, err
		}
		floors, builds = append(floors, f), append(builds, b)
		fmt.Fprintf(stdout, "%6d stories, run %d/%d: build %s (%d MB), floor %s\n",
			n, i+1, opts.runs, seconds(b.wall), b.maxRSS/megabyte, seconds(f.wall))
	}
	res.build, res.floor = summarise(builds), summarise(floors)
	var err error
	res.files, res.bytes, err = treeSize(out)
	return res, err
}

// corpusDir is where the corpus of n stories is kept.
func corpusDir(dir string, n int) string { return filepath.Join(dir, "corpus-"+strconv.Itoa(n)) }

const fingerprintFile = ".bench-fingerprint"

// corpusFor returns the folder of the n-story corpus, generating it when
// it is missing or was made by another generator or vocabulary.
func corpusFor(dir string, n int, stdout io.Writer) (string, error) {
	site := corpusDir(dir, n)
	want, err := fingerprint(n)
	if err != nil {
		return "", err
	}
	if got, err := os.ReadFile(filepath.Join(site, fingerprintFile)); err == nil && string(got) == want {
		return site, nil
	}
	fmt.Fprintf(stdout, "generating a corpus of %d stories in %s\n", n, site)
	if err := corpus.Generate(site, n, vocabDir); err != nil {
		return "", err
	}
	return site, os.WriteFile(filepath.Join(site, fingerprintFile), []byte(want), 0o644)
}

// fingerprint hashes what a corpus depends on: its size, the vocabulary
// files and the generator's source.
func fingerprint(n int) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "stories=%d\n", n)
	var paths []string
	for _, root := range []string{vocabDir, "generator/corpus"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (p == filepath.Join(vocabDir, "stories") || p == filepath.Join(vocabDir, "pages")) {
				return fs.SkipDir
			}
			if !d.IsDir() && !strings.HasSuffix(p, "_test.go") {
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("fingerprinting the corpus (run casebook-bench from the repository root): %w", err)
		}
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// profile builds the site in src in this process under the CPU profiler
// and returns the top entries of the profile.
func profile(src, out, file string) (string, error) {
	f, err := os.Create(file)
	if err != nil {
		return "", err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return "", err
	}
	res, err := build.Build(build.Options{Src: src, Out: out})
	pprof.StopCPUProfile()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = res.Diags.Err()
	}
	if err != nil {
		return "", fmt.Errorf("profiled build: %w", err)
	}
	cmd := exec.Command("go", "tool", "pprof", "-top", "-nodecount=25", file)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go tool pprof: %w", err)
	}
	return stdout.String(), nil
}

// stageBenchmarks runs the Go benchmarks of the stages and of the floor,
// echoing their output, and returns the result lines. Their corpora and
// outputs go into temporary folders under tmp, so that they share the
// file system of the rest of the run.
func stageBenchmarks(tmp string, stdout io.Writer) (string, error) {
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^Benchmark(Load|Check|Link|Render|Minify|Publish|Build|Floor)$",
		"-benchtime", "3x", "-benchmem", "./generator/build", "./cmd/casebook-floor")
	cmd.Env = append(os.Environ(), "TMPDIR="+abs)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.MultiWriter(stdout, &out), os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go test -bench: %w", err)
	}
	var lines []string
	for line := range strings.Lines(out.String()) {
		if strings.HasPrefix(line, "Benchmark") {
			lines = append(lines, strings.TrimRight(line, "\n"))
		}
	}
	return strings.Join(lines, "\n") + "\n", nil
}
