package tmplexec

import (
	"reflect"
	"sync"
	"text/template/parse"
)

// field evaluates recv.name as text/template's evalField does: a method
// of the value (or of its address), a struct field, or a map's key.
// args[0], when given, is the node naming the field; the rest, with
// final, are the arguments of a method.
func (s *state) field(dot val, recv reflect.Value, name string, args []parse.Node, final val, have bool) (val, error) {
	if !recv.IsValid() {
		return val{}, nil // no entry: the zero value, as without missingkey=error
	}
	r, isNil := indirect(recv)
	if r.Kind() == reflect.Interface && isNil {
		return val{}, ErrUnsupported
	}
	ptr := r
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	lk := lookupOf(ptr.Type(), name)
	if lk.method >= 0 {
		return s.method(dot, ptr.Method(lk.method), args, final, have)
	}
	hasArgs := len(args) > 1 || have
	switch r.Kind() {
	case reflect.Struct:
		if !lk.found || !lk.exported || hasArgs {
			return val{}, ErrUnsupported
		}
		f, err := r.FieldByIndexErr(lk.field)
		if err != nil {
			return val{}, ErrUnsupported
		}
		return val{rv: f}, nil
	case reflect.Map:
		if hasArgs || r.Type().Key() != stringType {
			return val{}, ErrUnsupported
		}
		return val{rv: r.MapIndex(reflect.ValueOf(name))}, nil
	}
	return val{}, ErrUnsupported
}

// method calls m with the arguments of a command.
func (s *state) method(dot val, m reflect.Value, args []parse.Node, final val, have bool) (val, error) {
	base := len(s.args)
	defer func() { s.args = s.args[:base] }()
	if len(args) > 1 {
		for _, a := range args[1:] {
			v, err := s.operand(dot, a)
			if err != nil {
				return val{}, err
			}
			s.args = append(s.args, v)
		}
	}
	if have {
		s.args = append(s.args, final)
	}
	return callReflect(m, s.args[base:len(s.args):len(s.args)])
}

// indirect follows pointers and interfaces to a value, stopping at a nil
// one (text/template's indirect).
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// lookup is how a name resolves on a type: a method (by index), else a
// struct field (by index path).
type lookup struct {
	method   int
	field    []int
	exported bool
	found    bool
}

type lookupKey struct {
	t    reflect.Type
	name string
}

var lookups sync.Map // lookupKey → lookup

func lookupOf(t reflect.Type, name string) lookup {
	key := lookupKey{t, name}
	if l, ok := lookups.Load(key); ok {
		return l.(lookup)
	}
	l := lookup{method: -1}
	if m, ok := t.MethodByName(name); ok && t.Kind() != reflect.Interface {
		l.method = m.Index
	} else if t.Kind() == reflect.Interface {
		l.method = -2 // methods of interfaces are found on the value
	} else {
		st := t
		if st.Kind() == reflect.Pointer {
			st = st.Elem()
		}
		if st.Kind() == reflect.Struct {
			if f, ok := st.FieldByName(name); ok {
				l.field, l.exported, l.found = f.Index, f.IsExported(), true
			}
		}
	}
	lookups.Store(key, l)
	return l
}
