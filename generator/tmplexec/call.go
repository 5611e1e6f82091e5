package tmplexec

import (
	"reflect"
	"text/template/parse"
	"time"
)

// fn is a function a template calls: an escaper (one argument), a
// builtin evaluating its own arguments (and, or), or any other.
type fn struct {
	esc  func(val) (string, error)
	call func([]val) (val, error)
	// logic is 'a' for and, 'o' for or: their arguments are evaluated
	// only as far as needed.
	logic byte
}

// call calls the function name with the arguments of a command.
func (s *state) call(dot val, name string, args []parse.Node, final val, have bool) (val, error) {
	f := s.p.funcs[name]
	if f.logic != 0 {
		return s.logic(dot, f.logic, args, final, have)
	}
	if f.esc != nil {
		// An escaper takes one value, mostly the pipeline's so far.
		v := final
		switch {
		case len(args) == 0 && have:
		case len(args) == 1 && !have:
			var err error
			if v, err = s.operand(dot, args[0]); err != nil {
				return val{}, err
			}
		default:
			return val{}, ErrUnsupported
		}
		out, err := f.esc(v)
		return strVal(out), err
	}
	if f.call == nil {
		return val{}, ErrUnsupported
	}
	// The arguments go on a stack of the state's, not into a new slice:
	// calls nested in them push theirs above and pop them before this
	// call's are read.
	base := len(s.args)
	defer func() { s.args = s.args[:base] }()
	for _, a := range args {
		v, err := s.operand(dot, a)
		if err != nil {
			return val{}, err
		}
		s.args = append(s.args, v)
	}
	if have {
		s.args = append(s.args, final)
	}
	return f.call(s.args[base:len(s.args):len(s.args)])
}

// logic evaluates and, or: the first argument that decides, else the last.
func (s *state) logic(dot val, op byte, args []parse.Node, final val, have bool) (val, error) {
	n := len(args)
	if have {
		n++
	}
	if n == 0 {
		return val{}, ErrUnsupported
	}
	var v val
	for i := range n {
		if i < len(args) {
			var err error
			if v, err = s.operand(dot, args[i]); err != nil {
				return val{}, err
			}
		} else {
			v = final
		}
		ok, err := truth(v)
		if err != nil {
			return val{}, err
		}
		if ok == (op == 'o') && i < n-1 {
			return v, nil
		}
	}
	return v, nil
}

// truth is text/template's isTrue.
func truth(v val) (bool, error) {
	if v.str {
		return v.s != "", nil
	}
	rv := v.rv
	if !rv.IsValid() {
		return false, nil
	}
	switch rv.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return rv.Len() > 0, nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Complex64, reflect.Complex128:
		return rv.Complex() != 0, nil
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !rv.IsNil(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int() != 0, nil
	case reflect.Float32, reflect.Float64:
		return rv.Float() != 0, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint() != 0, nil
	case reflect.Struct:
		return true, nil
	}
	return false, ErrUnsupported
}

// iface is v as an argument of type any.
func iface(v val) any {
	if v.str {
		return v.s
	}
	if !v.rv.IsValid() {
		return nil
	}
	return v.rv.Interface()
}

// as is v as an argument of type T, converted as text/template converts
// arguments; ok is false where text/template would fail or convert in a
// way left to it.
func as[T any](v val) (T, bool) {
	var zero T
	want := reflect.TypeFor[T]()
	if v.str {
		if want == stringType {
			return any(v.s).(T), true
		}
		if want.Kind() == reflect.Interface && stringType.Implements(want) {
			return any(v.s).(T), true
		}
		return zero, false
	}
	rv, ok := assign(v.rv, want)
	if !ok {
		return zero, false
	}
	return reflect.TypeAssert[T](rv)
}

// assign is text/template's validateType: rv made a value of type want.
func assign(rv reflect.Value, want reflect.Type) (reflect.Value, bool) {
	if !rv.IsValid() {
		switch want.Kind() {
		case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
			return reflect.Zero(want), true
		}
		return rv, false
	}
	if rv.Type() == want {
		return rv, true
	}
	if want == reflectValueType {
		return reflect.ValueOf(rv), true
	}
	if !rv.Type().AssignableTo(want) {
		if rv.Kind() == reflect.Interface && !rv.IsNil() {
			rv = rv.Elem()
			if rv.Type().AssignableTo(want) {
				return convert(rv, want), true
			}
		}
		switch {
		case rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Type().Elem().AssignableTo(want):
			rv = rv.Elem()
		case reflect.PointerTo(rv.Type()).AssignableTo(want) && rv.CanAddr():
			rv = rv.Addr()
		default:
			return rv, false
		}
	}
	return convert(rv, want), true
}

// convert gives an assignable value the type want, as a call would.
func convert(rv reflect.Value, want reflect.Type) reflect.Value {
	if rv.Type() == want || want.Kind() == reflect.Interface {
		return rv
	}
	return rv.Convert(want)
}

var (
	reflectValueType = reflect.TypeFor[reflect.Value]()
	errorType        = reflect.TypeFor[error]()
	timeType         = reflect.TypeFor[time.Time]()
)

// result is what a function returned, as a value of the template: a
// reflect.Value returned is the value itself, as in text/template.
func result(out any, err error) (val, error) {
	if err != nil {
		return val{}, ErrUnsupported
	}
	switch o := out.(type) {
	case string:
		return strVal(o), nil
	case reflect.Value:
		return val{rv: o}, nil
	}
	return val{rv: reflect.ValueOf(out)}, nil
}

// callReflect calls fun with in through reflection, for functions and
// methods of signatures goFunc does not know.
func callReflect(fun reflect.Value, in []val) (val, error) {
	t := fun.Type()
	n := t.NumIn()
	if t.IsVariadic() && len(in) < n-1 || !t.IsVariadic() && len(in) != n {
		return val{}, ErrUnsupported
	}
	switch {
	case t.NumOut() == 1:
	case t.NumOut() == 2 && t.Out(1) == errorType:
	default:
		return val{}, ErrUnsupported
	}
	argv := make([]reflect.Value, len(in))
	for i, v := range in {
		want := t.In(min(i, n-1))
		if t.IsVariadic() && i >= n-1 {
			want = want.Elem()
		}
		rv, ok := assign(v.value(), want)
		if !ok {
			return val{}, ErrUnsupported
		}
		argv[i] = rv
	}
	var out []reflect.Value
	panicked := func() (p bool) {
		defer func() {
			if recover() != nil {
				p = true
			}
		}()
		out = fun.Call(argv)
		return false
	}()
	if panicked || len(out) == 2 && !out[1].IsNil() {
		return val{}, ErrUnsupported
	}
	rv := out[0]
	if rv.Type() == reflectValueType {
		rv = rv.Interface().(reflect.Value)
	}
	return val{rv: rv}, nil
}
