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
// is the same. rewrite must run before the template is first executed
// (html/template escapes the tree then); running it twice changes
// nothing, as no field chain is left after the first time.
func rewrite(t *parse.Tree) {
	if t != nil && t.Root != nil {
		rewriteList(t.Root)
	}
}

func rewriteList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		rewriteNode(n)
	}
}

func rewriteNode(n parse.Node) {
	switch n := n.(type) {
	case *parse.ActionNode:
		rewritePipe(n.Pipe)
	case *parse.IfNode:
		rewriteBranch(&n.BranchNode)
	case *parse.RangeNode:
		rewriteBranch(&n.BranchNode)
	case *parse.WithNode:
		rewriteBranch(&n.BranchNode)
	case *parse.TemplateNode:
		rewritePipe(n.Pipe)
	case *parse.ListNode:
		rewriteList(n)
	}
}

func rewriteBranch(b *parse.BranchNode) {
	rewritePipe(b.Pipe)
	rewriteList(b.List)
	rewriteList(b.ElseList)
}

func rewritePipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		rewriteCommand(c, i > 0)
	}
}

// rewriteCommand rewrites the words of c; piped is set when c receives
// the value of the command before it as a last argument.
func rewriteCommand(c *parse.CommandNode, piped bool) {
	if len(c.Args) == 0 {
		return
	}
	for i := 1; i < len(c.Args); i++ {
		c.Args[i] = rewriteArg(c.Args[i])
	}
	recv, fields, pos, ok := chain(c.Args[0])
	if !ok {
		if p, isPipe := c.Args[0].(*parse.PipeNode); isPipe {
			rewritePipe(p)
		}
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

// rewriteArg rewrites an argument of a command.
func rewriteArg(n parse.Node) parse.Node {
	if p, ok := n.(*parse.PipeNode); ok {
		rewritePipe(p)
		return p
	}
	recv, fields, pos, ok := chain(n)
	if !ok {
		return n
	}
	return pipeOf(getCall(recv, fields, pos), pos)
}

// chain splits a field chain into its receiver and its field names.
func chain(n parse.Node) (recv parse.Node, fields []string, pos parse.Pos, ok bool) {
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
			rewritePipe(p)
		} else {
			inner = rewriteArg(inner)
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
