package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

// sample is one run of a program.
type sample struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

// runChild runs a program and measures it: wall time from start to exit,
// user+system CPU and peak resident memory from the child's rusage.
func runChild(bin string, args ...string) (sample, error) {
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s %v: %w\n%s", filepath.Base(bin), args, err, out.Bytes())
	}
	s := sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return s, nil
}

// summary is the median of several samples; peak memory is the largest.
type summary struct {
	wall, cpu time.Duration
	maxRSS    int64
}

func summarise(samples []sample) summary {
	var walls, cpus []time.Duration
	var s summary
	for _, x := range samples {
		walls, cpus = append(walls, x.wall), append(cpus, x.cpu)
		s.maxRSS = max(s.maxRSS, x.maxRSS)
	}
	return summary{wall: median(walls), cpu: median(cpus), maxRSS: s.maxRSS}
}

func median(d []time.Duration) time.Duration {
	d = slices.Clone(d)
	slices.Sort(d)
	if len(d)%2 == 1 {
		return d[len(d)/2]
	}
	return (d[len(d)/2-1] + d[len(d)/2]) / 2
}

// treeSize counts the regular files under dir and their bytes, leaving out
// the marker casebook writes into every output folder.
func treeSize(dir string) (files int, size int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".casebook-output" {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		size += info.Size()
		return nil
	})
	return files, size, err
}

// goBuild builds a command of this module into dir and returns its path.
func goBuild(dir, pkg string) (string, error) {
	bin := filepath.Join(dir, filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build %s: %w", pkg, err)
	}
	return bin, nil
}
