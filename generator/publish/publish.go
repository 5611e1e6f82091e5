// Package publish writes a built site to its output folder atomically: every
// file goes into a staging folder beside the output folder, and only when
// the whole build has succeeded is the staging folder swapped in, so a
// failed or interrupted build leaves the previous site untouched.
//
// It refuses output folders that would destroy something: the file system
// root, the site folder or any folder above it, the content folder, and any
// non-empty folder that casebook did not create (recognised by a marker
// file it writes into every output).
package publish

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Marker is the file casebook writes into every output folder it creates.
const Marker = ".casebook-output"

// kept are files of a version-controlled output folder that a build keeps,
// such as the .gitignore that keeps public/ in the repository.
var kept = []string{".gitignore", ".gitkeep", ".nojekyll", "CNAME"}

// Stage is a build in progress in a staging folder.
type Stage struct {
	out     string
	staging string
	// prev is the previous output folder, opened on the first Keep.
	prev     *os.Root
	prevOnce sync.Once
	// dirs holds the folders known to exist in the staging folder, so that
	// writing thousands of files costs one mkdir per folder, not a walk up
	// the path for every file.
	dirs sync.Map
}

// Begin checks that out is a safe output folder for the site in src and
// creates a staging folder beside it.
func Begin(src, out string) (*Stage, error) {
	out, err := CheckOutput(src, out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	staging := filepath.Join(parent, "."+filepath.Base(out)+".staging-"+randomSuffix())
	if err := os.Mkdir(staging, 0o755); err != nil {
		return nil, err
	}
	st := &Stage{out: out, staging: staging}
	st.dirs.Store(staging, true)
	return st, nil
}

// CheckOutput resolves out to an absolute path and refuses folders a build
// must not replace.
func CheckOutput(src, out string) (string, error) {
	absSrc, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	if info, err := os.Lstat(absOut); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// Following it would write the site wherever the link points.
		return "", fmt.Errorf("refusing to use %s as the output folder: it is a symlink; point -out at a real folder", out)
	}
	absSrc, absOut = evalSymlinks(absSrc), evalSymlinks(absOut)
	switch {
	case absOut == filepath.Dir(absOut):
		return "", fmt.Errorf("refusing to use %s as the output folder: it is the root of the file system", out)
	case absOut == absSrc || isInside(absSrc, absOut):
		return "", fmt.Errorf("refusing to use %s as the output folder: it holds the site itself", out)
	case isInside(absOut, filepath.Join(absSrc, "content")) || absOut == filepath.Join(absSrc, "content"):
		return "", fmt.Errorf("refusing to use %s as the output folder: it is inside content/", out)
	}
	entries, err := os.ReadDir(absOut)
	if errors.Is(err, fs.ErrNotExist) {
		return absOut, nil
	}
	if err != nil {
		return "", fmt.Errorf("output folder %s: %w", out, err)
	}
	if _, err := os.Stat(filepath.Join(absOut, Marker)); err == nil {
		return absOut, nil
	}
	for _, e := range entries {
		if !isKept(e.Name()) {
			return "", fmt.Errorf("refusing to replace %s: it is not empty and was not created by casebook (no %s file in it); choose an empty folder with -out", out, Marker)
		}
	}
	return absOut, nil
}

// isInside reports whether child lies strictly inside dir.
func isInside(child, dir string) bool {
	rel, err := filepath.Rel(dir, child)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func evalSymlinks(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	// The folder may not exist yet: resolve its parent.
	if parent := filepath.Dir(p); parent != p {
		return filepath.Join(evalSymlinks(parent), filepath.Base(p))
	}
	return p
}

func isKept(name string) bool {
	for _, k := range kept {
		if name == k {
			return true
		}
	}
	return false
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Path returns the staging path of the slash-separated output path p,
// refusing paths that would leave the staging folder.
func (s *Stage) Path(p string) (string, error) {
	return Join(s.staging, p)
}

// Join joins a slash-separated relative path to dir, refusing absolute
// paths and paths that climb out of dir.
func Join(dir, p string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(p))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) || clean == "." {
		return "", fmt.Errorf("refusing to write %q: it is outside the output folder", p)
	}
	return filepath.Join(dir, clean), nil
}

// Write stores one file in the staging folder. It may be called from
// several goroutines.
func (s *Stage) Write(p string, data []byte) error {
	full, err := s.Path(p)
	if err != nil {
		return err
	}
	if err := s.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	return writeFile(full, data, 0o644)
}

// mkdir creates dir, a folder inside the staging folder, and its parents.
func (s *Stage) mkdir(dir string) error {
	if _, ok := s.dirs.Load(dir); ok {
		return nil
	}
	if _, ok := s.dirs.Load(filepath.Dir(dir)); ok {
		// Another goroutine may create it at the same time.
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for d := dir; d != s.staging && len(d) > len(s.staging); d = filepath.Dir(d) {
		s.dirs.Store(d, true)
	}
	return nil
}

// Commit swaps the staging folder in as the output folder. The old output
// is renamed aside first and removed only once the new one is in place.
func (s *Stage) Commit() error {
	if err := os.WriteFile(filepath.Join(s.staging, Marker), []byte("This folder is written by casebook; it is replaced on every build.\n"), 0o644); err != nil {
		s.Abort()
		return err
	}
	for _, name := range kept {
		if data, ok := readKept(filepath.Join(s.out, name)); ok {
			if _, err := os.Lstat(filepath.Join(s.staging, name)); errors.Is(err, fs.ErrNotExist) {
				_ = os.WriteFile(filepath.Join(s.staging, name), data, 0o644)
			}
		}
	}
	s.closePrevious()
	old := ""
	if _, err := os.Stat(s.out); err == nil {
		old = filepath.Join(filepath.Dir(s.out), "."+filepath.Base(s.out)+".old-"+randomSuffix())
		if err := os.Rename(s.out, old); err != nil {
			s.Abort()
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(s.staging, s.out); err != nil {
		if old != "" {
			_ = os.Rename(old, s.out)
		}
		s.Abort()
		return fmt.Errorf("moving the new output in place: %w", err)
	}
	if old != "" {
		return removeTree(old)
	}
	return nil
}

// maxKept is the largest kept file carried over: CNAME and .gitignore are
// a few lines.
const maxKept = 64 << 10

// readKept reads a kept file of the previous output, if it is a regular
// file of at most maxKept bytes. A symlink is not followed: it would copy
// whatever it points to into the published site.
func readKept(p string) ([]byte, bool) {
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxKept {
		return nil, false
	}
	data, err := os.ReadFile(p)
	return data, err == nil
}

// removeTree is os.RemoveAll on all cores: a site is thousands of files in
// a few folders, and unlinking them one by one is most of a commit.
func removeTree(dir string) error {
	var paths []string
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		if !e.IsDir() {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		entries, _ := os.ReadDir(sub)
		for _, k := range entries {
			paths = append(paths, filepath.Join(sub, k.Name()))
		}
	}
	next := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				_ = os.RemoveAll(p) // whatever is left, the last call reports
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return os.RemoveAll(dir)
}

// Abort removes the staging folder, leaving the output folder as it was.
func (s *Stage) Abort() {
	s.closePrevious()
	_ = os.RemoveAll(s.staging)
}

// Dir returns the final output folder.
func (s *Stage) Dir() string { return s.out }
