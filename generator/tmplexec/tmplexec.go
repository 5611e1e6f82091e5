// Package tmplexec executes html/template templates that have already been
// escaped, without text/template's reflective function calls on the
// common paths: the escapers html/template inserts are plain Go calls on
// strings, fields are found once per type, and functions of common
// signatures are called directly.
//
// Its contract is that it writes exactly what text/template would, or
// nothing: Compile refuses a template set using anything it does not
// implement (ErrUnsupported), and Execute returns ErrUnsupported on any
// value, error or construct it leaves to text/template, having possibly
// written part of a page. The caller then throws away what was written and
// executes the template with html/template, which also gives any error
// its usual wording. A template set must be executed once by html/template
// (which escapes it) before Compile.
//
// It imports nothing of casebook: it reads parse trees and calls the
// functions it is given.
package tmplexec

import (
	"bytes"
	"errors"
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"
)

// ErrUnsupported means a template, or a value met while executing it, is
// left to html/template.
var ErrUnsupported = errors.New("tmplexec: left to html/template")

// Program is an escaped template and every template it calls, ready to
// execute. It is safe for concurrent use.
type Program struct {
	entry *parse.Tree
	trees map[string]*parse.Tree
	funcs map[string]fn
}

// Compile prepares the template named entry of set, which html/template
// has executed at least once, with funcs, the functions the set was given
// (its Funcs, in order). It returns ErrUnsupported when the templates use
// a construct, a function or an escaper that Execute does not implement.
func Compile(set *template.Template, entry string, funcs ...template.FuncMap) (*Program, error) {
	p := &Program{trees: map[string]*parse.Tree{}, funcs: map[string]fn{}}
	given := map[string]any{}
	for _, m := range funcs {
		for k, v := range m {
			given[k] = v
		}
	}
	c := compiler{p: p, set: set, given: given}
	t, err := c.tree(entry)
	if err != nil {
		return nil, err
	}
	p.entry = t
	return p, nil
}

// compiler checks the trees a Program holds as it collects them.
type compiler struct {
	p     *Program
	set   *template.Template
	given map[string]any
}

func (c *compiler) tree(name string) (*parse.Tree, error) {
	if t, ok := c.p.trees[name]; ok {
		return t, nil
	}
	// A template html/template escaped in a second context is a derived
	// copy held by the text/template set only.
	if strings.Contains(name, "$htmltemplate") {
		return nil, ErrUnsupported
	}
	ht := c.set.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		return nil, ErrUnsupported
	}
	c.p.trees[name] = ht.Tree
	if err := c.list(ht.Tree.Root); err != nil {
		return nil, err
	}
	return ht.Tree, nil
}

func (c *compiler) list(l *parse.ListNode) error {
	if l == nil {
		return nil
	}
	for _, n := range l.Nodes {
		if err := c.node(n); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) node(n parse.Node) error {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		return nil
	case *parse.ActionNode:
		return c.pipe(n.Pipe)
	case *parse.IfNode:
		return c.branch(&n.BranchNode)
	case *parse.RangeNode:
		return c.branch(&n.BranchNode)
	case *parse.WithNode:
		return c.branch(&n.BranchNode)
	case *parse.TemplateNode:
		if _, err := c.tree(n.Name); err != nil {
			return err
		}
		return c.pipe(n.Pipe)
	case *parse.ListNode:
		return c.list(n)
	}
	return ErrUnsupported
}

func (c *compiler) branch(b *parse.BranchNode) error {
	if err := c.pipe(b.Pipe); err != nil {
		return err
	}
	if err := c.list(b.List); err != nil {
		return err
	}
	return c.list(b.ElseList)
}

func (c *compiler) pipe(p *parse.PipeNode) error {
	if p == nil {
		return nil
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			if err := c.arg(a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *compiler) arg(n parse.Node) error {
	switch n := n.(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.DotNode, *parse.StringNode, *parse.BoolNode:
		return nil
	case *parse.NumberNode:
		if !n.IsInt || strings.ContainsAny(n.Text, ".eEpP_'xXoObB") {
			return ErrUnsupported
		}
		return nil
	case *parse.PipeNode:
		return c.pipe(n)
	case *parse.ChainNode:
		return c.arg(n.Node)
	case *parse.IdentifierNode:
		return c.ident(n.Ident)
	}
	return ErrUnsupported
}

// ident resolves a function's name: an escaper, a builtin, or one of the
// given functions (which, as in text/template, take precedence over
// builtins of the same name).
func (c *compiler) ident(name string) error {
	if _, ok := c.p.funcs[name]; ok {
		return nil
	}
	if g, ok := c.given[name]; ok {
		f, err := goFunc(g)
		if err != nil {
			return err
		}
		c.p.funcs[name] = f
		return nil
	}
	if f, ok := escapers[name]; ok {
		c.p.funcs[name] = fn{esc: f}
		return nil
	}
	if f, ok := builtins[name]; ok {
		c.p.funcs[name] = f
		return nil
	}
	return ErrUnsupported
}

// Execute writes the template applied to data into w. On ErrUnsupported
// or any other error, part of the output may have been written.
func (p *Program) Execute(w *bytes.Buffer, data any) error {
	dot := reflect.ValueOf(data)
	s := &state{p: p, w: w, vars: make([]variable, 1, 16), args: make([]val, 0, 8)}
	s.vars[0] = variable{"$", val{rv: dot}}
	return s.walk(val{rv: dot}, p.entry.Root)
}
