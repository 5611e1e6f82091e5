package render

import (
	"strconv"
	"text/template/parse"
)

// rewrite turns every field chain of a parsed template into a call of the
// recording accessor (see access.go), so that what the template reads is
// recorded while it runs:
//
//	.Story.Title          → _cbGet . 7      (7 numbers the chain Story.Title)
//	$s.Terms              → _cbGet $s 8
//	(f x).Title           → _cbGet (f x) 9
//	.Site.Primary.Term "k" → _cbCall (_cbGet . 10) "Term" "k"
//
// The accessor evaluates the chain as text/template does, so the output
// is the same, but for one thing: it decides which strings are trusted
// markup (see trusted). rewrite must run before the template is first
// executed (html/template escapes the tree then); running it twice
// changes nothing, as no field chain is left after the first time.
//
// With bodies set, only the chains that end in a field named HTML are
// rewritten: for templates that record nothing, so that they still get a
// body as trusted markup and evaluate every other chain natively.
func rewrite(t *parse.Tree, bodies bool) {
	if t != nil && t.Root != nil {
		rewriter{bodies}.list(t.Root)
	}
}

// rewriter rewrites the chains of one template (see rewrite).
type rewriter struct{ bodies bool }

// skip reports whether a chain of fields stays as it is.
func (rw rewriter) skip(fields []string) bool {
	return rw.bodies && fields[len(fields)-1] != bodyField
}

// bodyField is the name of the fields holding a converted body (see
// trusted).
const bodyField = "HTML"

func (rw rewriter) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		rw.node(n)
	}
}

func (rw rewriter) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ActionNode:
		rw.pipe(n.Pipe)
	case *parse.IfNode:
		rw.branch(&n.BranchNode)
	case *parse.RangeNode:
		rw.branch(&n.BranchNode)
	case *parse.WithNode:
		rw.branch(&n.BranchNode)
	case *parse.TemplateNode:
		rw.pipe(n.Pipe)
	case *parse.ListNode:
		rw.list(n)
	}
}

func (rw rewriter) branch(b *parse.BranchNode) {
	rw.pipe(b.Pipe)
	rw.list(b.List)
	rw.list(b.ElseList)
}

func (rw rewriter) pipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		rw.command(c, i > 0)
	}
}

// command rewrites the words of c; piped is set when c receives
// the value of the command before it as a last argument.
func (rw rewriter) command(c *parse.CommandNode, piped bool) {
	if len(c.Args) == 0 {
		return
	}
	for i := 1; i < len(c.Args); i++ {
		c.Args[i] = rw.arg(c.Args[i])
	}
	recv, fields, pos, ok := rw.chain(c.Args[0])
	if !ok {
		if p, isPipe := c.Args[0].(*parse.PipeNode); isPipe {
			rw.pipe(p)
		}
		return
	}
	if rw.skip(fields) {
		c.Args[0] = rejoin(c.Args[0], recv)
		return
	}
	if len(c.Args) == 1 && !piped {
		c.Args = getCall(recv, fields, pos)
		return
	}
	// The last field is a method given arguments.
	last := fields[len(fields)-1]
	if len(fields) > 1 {
		recv = pipeOf(getCall(recv, fields[:len(fields)-1], pos), pos)
	}
	args := []parse.Node{ident(callFunc, pos), recv, str(last, pos)}
	c.Args = append(args, c.Args[1:]...)
}

// arg rewrites an argument of a command.
func (rw rewriter) arg(n parse.Node) parse.Node {
	if p, ok := n.(*parse.PipeNode); ok {
		rw.pipe(p)
		return p
	}
	recv, fields, pos, ok := rw.chain(n)
	if !ok {
		return n
	}
	if rw.skip(fields) {
		return rejoin(n, recv)
	}
	return pipeOf(getCall(recv, fields, pos), pos)
}

// rejoin returns the chain n, which is kept, with its receiver recv as
// chain rewrote it.
func rejoin(n, recv parse.Node) parse.Node {
	if c, ok := n.(*parse.ChainNode); ok {
		c.Node = recv
	}
	return n
}

// chain splits a field chain into its receiver and its field names,
// rewriting the receiver when it is not a field, a variable or dot.
func (rw rewriter) chain(n parse.Node) (recv parse.Node, fields []string, pos parse.Pos, ok bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		return &parse.DotNode{NodeType: parse.NodeDot, Pos: n.Pos}, n.Ident, n.Pos, true
	case *parse.VariableNode:
		if len(n.Ident) < 2 {
			return nil, nil, 0, false
		}
		v := &parse.VariableNode{NodeType: parse.NodeVariable, Pos: n.Pos, Ident: n.Ident[:1]}
		return v, n.Ident[1:], n.Pos, true
	case *parse.ChainNode:
		inner := n.Node
		if p, isPipe := inner.(*parse.PipeNode); isPipe {
			rw.pipe(p)
		} else {
			inner = rw.arg(inner)
		}
		return inner, n.Field, n.Pos, true
	}
	return nil, nil, 0, false
}

func getCall(recv parse.Node, fields []string, pos parse.Pos) []parse.Node {
	id := chainID(fields)
	n := &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos, IsInt: true, Int64: int64(id), Text: strconv.Itoa(id)}
	return []parse.Node{ident(getFunc, pos), recv, n}
}

func pipeOf(args []parse.Node, pos parse.Pos) *parse.PipeNode {
	return &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos,
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: args}}}
}

func ident(name string, pos parse.Pos) parse.Node {
	return parse.NewIdentifier(name).SetPos(pos)
}

func str(s string, pos parse.Pos) parse.Node {
	return &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: strconv.Quote(s), Text: s}
}
