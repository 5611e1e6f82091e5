package lint

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/casebook/casebook/generator/content"
)

// story runs the rules that look at a story's front matter.
func (l *linter) story(s *content.Story, opts Options) {
	if n := utf8.RuneCountInString(s.Summary); s.Summary != "" && n < MinSummary {
		l.add("summary-length", field(s, "summary"), fmt.Sprintf("summary is only %d characters long", n),
			fmt.Sprintf("write one or two sentences (%d to %d characters) saying who worked together and what changed: the summary is what readers see in lists and search", MinSummary, MaxSummary))
	} else if n > MaxSummary {
		l.add("summary-length", field(s, "summary"), fmt.Sprintf("summary is %d characters long", n),
			fmt.Sprintf("shorten it to at most %d characters, one or two sentences; the details belong in the body", MaxSummary))
	}
	if !s.Updated.IsZero() && !s.Date.IsZero() && s.Updated.Before(s.Date) {
		l.add("updated-before-date", field(s, "updated"),
			fmt.Sprintf("updated %s is before date %s", s.Updated.Format(time.DateOnly), s.Date.Format(time.DateOnly)),
			"updated is when the story was last changed, so it cannot be earlier than date: correct one of the two dates, or remove updated")
	}
}

// askingTerms maps each taxonomy to its terms whose file says
// ask_questions: true, by key.
func askingTerms(col *content.Collection, taxonomies []string) map[string]map[string]*content.Term {
	asking := map[string]map[string]*content.Term{}
	for _, name := range taxonomies {
		for _, t := range col.Terms[name] {
			if t.AskQuestions {
				if asking[name] == nil {
					asking[name] = map[string]*content.Term{}
				}
				asking[name][t.Key] = t
			}
		}
	}
	return asking
}

// questions hints at the first term of s, in site.toml order, that asks
// for questions when s lists none.
func (l *linter) questions(s *content.Story, taxonomies []string, asking map[string]map[string]*content.Term) {
	if len(s.Questions) > 0 {
		return
	}
	for _, name := range taxonomies {
		for _, key := range s.Terms[name] {
			if t := asking[name][key]; t != nil {
				l.add("term-questions", field(s, name),
					fmt.Sprintf("the story shows %q but lists no questions", t.Title),
					fmt.Sprintf(`stories of %q list the questions the group asked (its file %s says ask_questions: true): add them, such as questions: ["What does support mean for you?"]`, t.Title, t.Path))
				return
			}
		}
	}
}

// field returns the position of a front matter value of s, or the start of
// the file when the key is absent.
func field(s *content.Story, key string) content.Pos {
	if p, ok := s.Front[key]; ok && p.Line > 0 {
		if p.Path == "" {
			p.Path = s.Path
		}
		return p
	}
	return content.Pos{Path: s.Path, Line: 1, Col: 1}
}

// duplicateTitles reports every story whose title another story has too,
// naming the other files. Case and surrounding spaces do not count.
func (l *linter) duplicateTitles(stories []*content.Story) {
	byTitle := map[string][]*content.Story{}
	for _, s := range stories {
		key := strings.ToLower(strings.Join(strings.Fields(s.Title), " "))
		if key != "" {
			byTitle[key] = append(byTitle[key], s)
		}
	}
	for _, s := range stories {
		key := strings.ToLower(strings.Join(strings.Fields(s.Title), " "))
		same := byTitle[key]
		if len(same) < 2 {
			continue
		}
		var others []string
		for _, o := range same {
			if o != s {
				others = append(others, o.Path)
			}
		}
		l.add("duplicate-title", field(s, "title"),
			fmt.Sprintf("title %q is also the title of %s", s.Title, strings.Join(others, " and ")),
			"give each story its own title, so that readers can tell them apart in lists and search")
	}
}

// unusedTerms reports terms that no story is tagged with, at the start of
// the term's file.
func (l *linter) unusedTerms(col *content.Collection, taxonomies []string) {
	used := map[string]map[string]bool{}
	for _, name := range taxonomies {
		used[name] = map[string]bool{}
	}
	for _, s := range col.Stories {
		for _, name := range taxonomies {
			for _, key := range s.Terms[name] {
				used[name][key] = true
			}
		}
	}
	for _, name := range taxonomies {
		for _, t := range col.Terms[name] {
			if used[name][t.Key] {
				continue
			}
			l.add("unused-term", content.Pos{Path: t.Path, Line: 1, Col: 1},
				fmt.Sprintf("no story is tagged with the %s %q yet", content.Singular(name), t.Key),
				fmt.Sprintf("add %s to the %s of a story that shows it, or remove this file if the term is not needed", t.Key, name))
		}
	}
}
