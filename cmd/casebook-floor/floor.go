package main

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// story is the front matter the floor decodes: every field a story page
// shows, so that YAML decoding costs what it costs in a real build.
type story struct {
	Title      string   `yaml:"title"`
	Summary    string   `yaml:"summary"`
	Date       string   `yaml:"date"`
	Principles []string `yaml:"principles"`
	Sectors    []string `yaml:"sectors"`
	Themes     []string `yaml:"themes"`
	Place      string   `yaml:"place"`
	Partners   []string `yaml:"partners"`
	Period     string   `yaml:"period"`
	Questions  []string `yaml:"questions"`
	Outcomes   []string `yaml:"outcomes"`
	Authors    []string `yaml:"authors"`
}

// Floor converts every Markdown file directly under src/content/stories
// into out/stories/<name>/index.html on the given number of goroutines,
// and returns the number of stories written.
func Floor(src, out string, workers int) (int, error) {
	paths, err := filepath.Glob(filepath.Join(src, "content", "stories", "*.md"))
	if err != nil {
		return 0, err
	}
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		count    int
	)
	next := make(chan string)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range next {
				err := convert(md, p, out, &buf)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				} else if err == nil {
					count++
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return count, firstErr
}

// convert writes the page of the story at p.
func convert(md goldmark.Markdown, p, out string, buf *bytes.Buffer) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	var s story
	body, err := frontmatter.Parse(f, &s)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	buf.Reset()
	buf.WriteString("<!DOCTYPE html><title>" + html.EscapeString(s.Title) + "</title><h1>" + html.EscapeString(s.Title) + "</h1>\n")
	if err := md.Convert(body, buf); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	dir := filepath.Join(out, "stories", strings.TrimSuffix(filepath.Base(p), ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}
