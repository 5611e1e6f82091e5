package tmplexec

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"text/template/parse"
)

// val is a value in a template: a string held as it is (str), which is
// what escapers and most functions return, or any other value.
type val struct {
	rv  reflect.Value
	s   string
	str bool
}

func strVal(s string) val { return val{s: s, str: true} }

// value is v as a reflect.Value.
func (v val) value() reflect.Value {
	if v.str {
		return reflect.ValueOf(v.s)
	}
	return v.rv
}

type variable struct {
	name string
	v    val
}

// state is one execution of a Program.
type state struct {
	p     *Program
	w     *bytes.Buffer
	vars  []variable
	args  []val
	frame int // where the variables of the template running start
	depth int
}

// maxDepth bounds nested template calls, as text/template does.
const maxDepth = 100000

var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
)

func (s *state) walk(dot val, n parse.Node) error {
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			if err := s.walk(dot, c); err != nil {
				return err
			}
		}
		return nil
	case *parse.TextNode:
		s.w.Write(n.Text)
		return nil
	case *parse.ActionNode:
		v, err := s.pipeline(dot, n.Pipe)
		if err != nil || len(n.Pipe.Decl) > 0 {
			return err
		}
		return s.print(v)
	case *parse.IfNode:
		return s.ifOrWith(dot, &n.BranchNode, false)
	case *parse.WithNode:
		return s.ifOrWith(dot, &n.BranchNode, true)
	case *parse.RangeNode:
		return s.walkRange(dot, n)
	case *parse.TemplateNode:
		return s.template(dot, n)
	case *parse.CommentNode:
		return nil
	case *parse.BreakNode:
		return errBreak
	case *parse.ContinueNode:
		return errContinue
	}
	return ErrUnsupported
}

// print writes the value of an action. Escaped templates end every
// printed pipeline with an escaper, so anything but a string is left to
// text/template.
func (s *state) print(v val) error {
	if v.str {
		s.w.WriteString(v.s)
		return nil
	}
	if v.rv.IsValid() && v.rv.Kind() == reflect.String && v.rv.Type() == stringType {
		s.w.WriteString(v.rv.String())
		return nil
	}
	return ErrUnsupported
}

func (s *state) ifOrWith(dot val, b *parse.BranchNode, with bool) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, err := s.pipeline(dot, b.Pipe)
	if err != nil {
		return err
	}
	ok, err := truth(v)
	if err != nil {
		return err
	}
	if ok {
		if with {
			dot = v
		}
		return s.walk(dot, b.List)
	}
	if b.ElseList != nil {
		return s.walk(dot, b.ElseList)
	}
	return nil
}

func (s *state) walkRange(dot val, r *parse.RangeNode) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	v, err := s.pipeline(dot, r.Pipe)
	if err != nil {
		return err
	}
	// The pipeline's variables are the range's element and index.
	s.vars = s.vars[:mark]
	rv := v.value()
	for rv.IsValid() && (rv.Kind() == reflect.Interface || rv.Kind() == reflect.Pointer) {
		if rv.IsNil() {
			return ErrUnsupported
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return ErrUnsupported
	}
	var n int
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		n = rv.Len()
	default:
		return ErrUnsupported
	}
	if n == 0 {
		if r.ElseList != nil {
			return s.walk(dot, r.ElseList)
		}
		return nil
	}
	decl := r.Pipe.Decl
	if r.Pipe.IsAssign {
		return ErrUnsupported
	}
	for i := range n {
		elem := val{rv: rv.Index(i)}
		inner := len(s.vars)
		switch len(decl) {
		case 1:
			s.vars = append(s.vars, variable{decl[0].Ident[0], elem})
		case 2:
			s.vars = append(s.vars, variable{decl[0].Ident[0], val{rv: reflect.ValueOf(i)}}, variable{decl[1].Ident[0], elem})
		}
		err := s.walk(elem, r.List)
		s.vars = s.vars[:inner]
		switch err {
		case nil, errContinue:
		case errBreak:
			return nil
		default:
			return err
		}
	}
	return nil
}

func (s *state) template(dot val, t *parse.TemplateNode) error {
	tree := s.p.trees[t.Name]
	if tree == nil {
		return ErrUnsupported
	}
	// Without a pipeline the template is called with no dot at all.
	var v val
	if t.Pipe != nil {
		var err error
		mark := len(s.vars)
		v, err = s.pipeline(dot, t.Pipe)
		s.vars = s.vars[:mark]
		if err != nil {
			return err
		}
	}
	if s.depth >= maxDepth {
		return ErrUnsupported
	}
	// The called template sees its own variables only: they start at
	// a new frame of the same stack.
	outer := s.frame
	s.frame = len(s.vars)
	s.vars = append(s.vars, variable{"$", v})
	s.depth++
	err := s.walk(v, tree.Root)
	s.depth--
	s.vars = s.vars[:s.frame]
	s.frame = outer
	return err
}

// pipeline evaluates a pipeline, declaring or assigning its variables.
func (s *state) pipeline(dot val, p *parse.PipeNode) (val, error) {
	if p == nil {
		return val{}, nil
	}
	var v val
	have := false
	for _, c := range p.Cmds {
		var err error
		v, err = s.command(dot, c, v, have)
		if err != nil {
			return val{}, err
		}
		// As text/template does, a value of type interface{} is replaced
		// by the value inside it.
		if !v.str && v.rv.Kind() == reflect.Interface && v.rv.Type().NumMethod() == 0 {
			v.rv = v.rv.Elem()
		}
		have = true
	}
	for _, d := range p.Decl {
		if p.IsAssign {
			if !s.setVar(d.Ident[0], v) {
				return val{}, ErrUnsupported
			}
		} else {
			s.vars = append(s.vars, variable{d.Ident[0], v})
		}
	}
	return v, nil
}

func (s *state) setVar(name string, v val) bool {
	for i := len(s.vars) - 1; i >= s.frame; i-- {
		if s.vars[i].name == name {
			s.vars[i].v = v
			return true
		}
	}
	return false
}

func (s *state) varValue(name string) (val, bool) {
	for i := len(s.vars) - 1; i >= s.frame; i-- {
		if s.vars[i].name == name {
			return s.vars[i].v, true
		}
	}
	return val{}, false
}

// command evaluates one command of a pipeline; final is the value of the
// command before it, when have is set.
func (s *state) command(dot val, c *parse.CommandNode, final val, have bool) (val, error) {
	switch n := c.Args[0].(type) {
	case *parse.IdentifierNode:
		return s.call(dot, n.Ident, c.Args[1:], final, have)
	case *parse.FieldNode:
		return s.chain(dot, dot, n.Ident, c.Args, final, have)
	case *parse.VariableNode:
		v, ok := s.varValue(n.Ident[0])
		if !ok {
			return val{}, ErrUnsupported
		}
		if len(n.Ident) == 1 {
			if len(c.Args) > 1 || have {
				return val{}, ErrUnsupported
			}
			return v, nil
		}
		return s.chain(dot, v, n.Ident[1:], c.Args, final, have)
	case *parse.ChainNode:
		v, err := s.operand(dot, n.Node)
		if err != nil {
			return val{}, err
		}
		return s.chain(dot, v, n.Field, c.Args, final, have)
	}
	if len(c.Args) > 1 || have {
		return val{}, ErrUnsupported
	}
	return s.operand(dot, c.Args[0])
}

// operand evaluates a node that stands for a value.
func (s *state) operand(dot val, n parse.Node) (val, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.StringNode:
		return strVal(n.Text), nil
	case *parse.BoolNode:
		return val{rv: reflect.ValueOf(n.True)}, nil
	case *parse.NumberNode:
		i, err := strconv.Atoi(n.Text)
		if err != nil {
			return val{}, ErrUnsupported
		}
		return val{rv: reflect.ValueOf(i)}, nil
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return val{}, ErrUnsupported
		}
		mark := len(s.vars)
		v, err := s.pipeline(dot, n)
		s.vars = s.vars[:mark]
		return v, err
	case *parse.FieldNode, *parse.VariableNode, *parse.ChainNode, *parse.IdentifierNode:
		return s.command(dot, &parse.CommandNode{Args: []parse.Node{n}}, val{}, false)
	}
	return val{}, ErrUnsupported
}

// chain evaluates the fields names on recv; the last may be a method
// given args (args[0] is the field node itself) and final.
func (s *state) chain(dot, recv val, names []string, args []parse.Node, final val, have bool) (val, error) {
	v := recv.value()
	for i, name := range names {
		last := i == len(names)-1
		var err error
		if last {
			return s.field(dot, v, name, args, final, have)
		}
		vv, err := s.field(dot, v, name, nil, val{}, false)
		if err != nil {
			return val{}, err
		}
		v = vv.value()
	}
	return val{rv: v}, nil
}
