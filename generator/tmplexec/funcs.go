package tmplexec

import (
	"fmt"
	"reflect"
	"text/template"
	"time"
)

// goFunc adapts a function given to the templates. Functions of the
// signatures listed are called directly; any other through reflection.
func goFunc(g any) (fn, error) {
	rv := reflect.ValueOf(g)
	if rv.Kind() != reflect.Func || rv.IsNil() {
		return fn{}, ErrUnsupported
	}
	switch f := g.(type) {
	case func(...any) string:
		return fn{call: func(in []val) (val, error) { return strVal(f(ifaces(in)...)), nil }}, nil
	case func(string, ...any) string:
		return fn{call: func(in []val) (val, error) {
			if len(in) == 0 {
				return val{}, ErrUnsupported
			}
			s, ok := as[string](in[0])
			if !ok {
				return val{}, ErrUnsupported
			}
			return strVal(f(s, ifaces(in[1:])...)), nil
		}}, nil
	case func(string, ...any) (string, error):
		return fn{call: func(in []val) (val, error) {
			if len(in) == 0 {
				return val{}, ErrUnsupported
			}
			s, ok := as[string](in[0])
			if !ok {
				return val{}, ErrUnsupported
			}
			return result(f(s, ifaces(in[1:])...))
		}}, nil
	case func() string:
		return fn{call: func(in []val) (val, error) {
			if len(in) != 0 {
				return val{}, ErrUnsupported
			}
			return strVal(f()), nil
		}}, nil
	case func(any) string:
		return unary(func(v val) (val, error) { return strVal(f(iface(v))), nil }), nil
	case func(string) string:
		return typed1(f), nil
	case func(int) string:
		return typed1(f), nil
	case func([]string) string:
		return typed1(f), nil
	case func(time.Time) string:
		return typed1(f), nil
	case func(any, int) (reflect.Value, error):
		return fn{call: func(in []val) (val, error) {
			if len(in) != 2 {
				return val{}, ErrUnsupported
			}
			n, ok := as[int](in[1])
			if !ok {
				return val{}, ErrUnsupported
			}
			return result(f(iface(in[0]), n))
		}}, nil
	}
	return fn{call: func(in []val) (val, error) { return callReflect(rv, in) }}, nil
}

// unary is a function of one argument.
func unary(f func(val) (val, error)) fn {
	return fn{call: func(in []val) (val, error) {
		if len(in) != 1 {
			return val{}, ErrUnsupported
		}
		return f(in[0])
	}}
}

// typed1 is a function of one argument of type A returning a string.
func typed1[A any](f func(A) string) fn {
	return unary(func(v val) (val, error) {
		a, ok := as[A](v)
		if !ok {
			return val{}, ErrUnsupported
		}
		return strVal(f(a)), nil
	})
}

func ifaces(in []val) []any {
	out := make([]any, len(in))
	for i, v := range in {
		out[i] = iface(v)
	}
	return out
}

// builtins are text/template's functions that Execute implements;
// index, slice, call and the comparisons of values other than strings,
// integers and booleans are left to text/template.
var builtins = map[string]fn{
	"and": {logic: 'a'},
	"or":  {logic: 'o'},
	"not": unary(func(v val) (val, error) {
		ok, err := truth(v)
		return val{rv: reflect.ValueOf(!ok)}, err
	}),
	"len": unary(func(v val) (val, error) {
		if v.str {
			return val{rv: reflect.ValueOf(len(v.s))}, nil
		}
		rv, _ := indirect(v.rv)
		switch rv.Kind() {
		case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
			return val{rv: reflect.ValueOf(rv.Len())}, nil
		}
		return val{}, ErrUnsupported
	}),
	"index": {call: index},
	"eq":    {call: compare(func(c int) bool { return c == 0 }, true, true)},
	"ne":    {call: compare(func(c int) bool { return c != 0 }, false, true)},
	"lt":    {call: compare(func(c int) bool { return c < 0 }, false, false)},
	"le":    {call: compare(func(c int) bool { return c <= 0 }, false, false)},
	"gt":    {call: compare(func(c int) bool { return c > 0 }, false, false)},
	"ge":    {call: compare(func(c int) bool { return c >= 0 }, false, false)},
	"print": {call: func(in []val) (val, error) { return strVal(fmt.Sprint(ifaces(in)...)), nil }},
	"println": {call: func(in []val) (val, error) {
		return strVal(fmt.Sprintln(ifaces(in)...)), nil
	}},
	"printf": {call: func(in []val) (val, error) {
		if len(in) == 0 || !in[0].str {
			return val{}, ErrUnsupported
		}
		return strVal(fmt.Sprintf(in[0].s, ifaces(in[1:])...)), nil
	}},
	"html":     {call: func(in []val) (val, error) { return strVal(template.HTMLEscaper(ifaces(in)...)), nil }},
	"js":       {call: func(in []val) (val, error) { return strVal(template.JSEscaper(ifaces(in)...)), nil }},
	"urlquery": {call: func(in []val) (val, error) { return strVal(template.URLQueryEscaper(ifaces(in)...)), nil }},
}

// index is the builtin: an element of a slice or array by an integer, or
// a map's value by a string key.
func index(in []val) (val, error) {
	if len(in) != 2 || in[0].str {
		return val{}, ErrUnsupported
	}
	rv, isNil := indirect(in[0].rv)
	if isNil || !rv.IsValid() {
		return val{}, ErrUnsupported
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		i, ok := as[int](in[1])
		if !ok || i < 0 || i >= rv.Len() {
			return val{}, ErrUnsupported
		}
		return val{rv: rv.Index(i)}, nil
	case reflect.Map:
		k, ok := as[string](in[1])
		if !ok || rv.Type().Key() != stringType {
			return val{}, ErrUnsupported
		}
		if e := rv.MapIndex(reflect.ValueOf(k)); e.IsValid() {
			return val{rv: e}, nil
		}
		return val{rv: reflect.Zero(rv.Type().Elem())}, nil
	}
	return val{}, ErrUnsupported
}

// compare makes a comparison builtin of strings, signed integers or
// booleans (with bools); eq, with multi, is true when the first argument
// equals any of the others.
func compare(ok func(int) bool, multi, bools bool) func([]val) (val, error) {
	return func(in []val) (val, error) {
		if len(in) < 2 || len(in) > 2 && !multi {
			return val{}, ErrUnsupported
		}
		for _, b := range in[1:] {
			c, err := order(in[0], b, bools)
			if err != nil {
				return val{}, err
			}
			if ok(c) {
				return val{rv: reflect.ValueOf(true)}, nil
			}
		}
		return val{rv: reflect.ValueOf(false)}, nil
	}
}

// order compares two basic values: -1, 0 or 1.
func order(a, b val, bools bool) (int, error) {
	ka, sa, ia, ba, okA := basic(a)
	kb, sb, ib, bb, okB := basic(b)
	if !okA || !okB || ka != kb {
		return 0, ErrUnsupported
	}
	switch ka {
	case reflect.String:
		return cmpOrdered(sa, sb), nil
	case reflect.Int:
		return cmpOrdered(ia, ib), nil
	}
	if !bools {
		return 0, ErrUnsupported
	}
	if ba == bb {
		return 0, nil
	}
	return 1, nil
}

func cmpOrdered[T string | int64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// basic is a value's class (string, int or bool) and its value in it.
func basic(v val) (reflect.Kind, string, int64, bool, bool) {
	if v.str {
		return reflect.String, v.s, 0, false, true
	}
	rv := v.rv
	if rv.Kind() == reflect.Interface && !rv.IsNil() {
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.String:
		return reflect.String, rv.String(), 0, false, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.Int, "", rv.Int(), false, true
	case reflect.Bool:
		return reflect.Bool, "", 0, rv.Bool(), true
	}
	return 0, "", 0, false, false
}
