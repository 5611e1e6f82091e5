package render

import (
	"bytes"
	"html/template"
	"sync"
	"sync/atomic"

	"github.com/casebook/casebook/generator/tmplexec"
)

// fastTemplates executes the templates that record nothing (a one-shot
// build's) with tmplexec, which writes what html/template would without
// its reflective calls: a third of a 10,000-story build's template time.
// Each template and entry runs once through html/template, which escapes
// it, and is then compiled; a template tmplexec cannot run, and any page
// it stops on, is executed by html/template as before, so the output and
// the errors are html/template's (build's TestFastTemplatesMatch).
type fastTemplates struct {
	funcs []template.FuncMap
	progs sync.Map // fastKey → *tmplexec.Program (nil: left to html/template)
}

type fastKey struct {
	t     *template.Template
	entry string
}

// execute writes the template entry of t applied to data into buf.
func (f *fastTemplates) execute(t *template.Template, entry string, buf *bytes.Buffer, data any) error {
	if f == nil {
		return t.ExecuteTemplate(buf, entry, data)
	}
	key := fastKey{t, entry}
	p, known := f.progs.Load(key)
	if prog, _ := p.(*tmplexec.Program); prog != nil {
		start := buf.Len()
		if prog.Execute(buf, data) == nil {
			fastRuns.Add(1)
			return nil
		}
		buf.Truncate(start)
		fastMisses.Add(1)
	}
	err := t.ExecuteTemplate(buf, entry, data)
	if !known && err == nil {
		prog, cerr := tmplexec.Compile(t, entry, f.funcs...)
		if cerr != nil {
			prog = nil
		}
		f.progs.LoadOrStore(key, prog)
	}
	return err
}

// ReferenceTemplatesEnv names the environment variable that, set to
// anything, has every template executed by html/template: the reference
// tmplexec is tested against, and a way round it should it ever differ.
const ReferenceTemplatesEnv = "CASEBOOK_HTML_TEMPLATE"

// fastRuns counts the executions tmplexec completed, fastMisses those it
// left to html/template after compiling; see FastStats.
var fastRuns, fastMisses atomic.Int64

// FastStats returns how many template executions of this process
// tmplexec completed and how many it handed back to html/template.
func FastStats() (done, handedBack int64) { return fastRuns.Load(), fastMisses.Load() }
