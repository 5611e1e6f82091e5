package render

import (
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/casebook/casebook/generator/link"
)

// accessor evaluates the field chains of a rewritten template (see
// rewrite.go) as text/template would, and records each field read on an
// entity of the build. Each rendering goroutine has its own, with its own
// copy of the templates whose functions are bound to it; reg and rec are
// those of the output being rendered (nil when nothing is recorded).
type accessor struct {
	reg *registry
	rec *recorder
	// page is the Page being rendered: reads of its fields are recorded
	// as reads of pageEnt.
	page unsafe.Pointer
}

// getFunc and callFunc are the names the rewritten templates call.
const (
	getFunc  = "_cbGet"
	callFunc = "_cbCall"
)

// get evaluates the field chain numbered chain (see chains) on recv, as
// the template's field chain did.
func (a *accessor) get(recv any, chain int) (reflect.Value, error) {
	v := reflect.ValueOf(recv)
	if rv, ok := recv.(reflect.Value); ok {
		v = rv
	}
	for _, st := range chainSteps(chain) {
		if !v.IsValid() {
			return v, nil // as text/template does, without missingkey=error
		}
		if a.rec != nil {
			a.note(v, st.id)
		}
		recv := v
		var err error
		if v, err = st.eval(v); err != nil {
			return reflect.Value{}, err
		}
		if st.id == htmlField {
			v = trusted(recv, v)
		}
	}
	return v, nil
}

// call calls the method name of recv with args, as a template's
// `.Method arg…` does. A method that takes arguments may read anything of
// its receiver, so all of an entity's fields are recorded.
func (a *accessor) call(recv any, name string, args ...any) (reflect.Value, error) {
	v := reflect.ValueOf(recv)
	if rv, ok := recv.(reflect.Value); ok {
		v = rv
	}
	a.note(v, allFields)
	v, _ = indirectIface(v)
	ptr := v
	if ptr.Kind() != reflect.Pointer && ptr.Kind() != reflect.Interface {
		ptr = addressable(v)
	}
	m := ptr.MethodByName(name)
	if !m.IsValid() {
		return reflect.Value{}, fmt.Errorf("%s has arguments but is not a method of type %s", name, v.Type())
	}
	mt := m.Type()
	if !mt.IsVariadic() && mt.NumIn() != len(args) || mt.IsVariadic() && len(args) < mt.NumIn()-1 {
		return reflect.Value{}, fmt.Errorf("wrong number of args for %s: want %d got %d", name, mt.NumIn(), len(args))
	}
	in := make([]reflect.Value, len(args))
	for i, arg := range args {
		want := mt.In(min(i, mt.NumIn()-1))
		if mt.IsVariadic() && i >= mt.NumIn()-1 {
			want = want.Elem()
		}
		av := reflect.ValueOf(arg)
		switch {
		case !av.IsValid():
			av = reflect.Zero(want)
		case av.Type().AssignableTo(want):
		case av.Type().ConvertibleTo(want) && av.Kind() != reflect.String:
			av = av.Convert(want)
		default:
			return reflect.Value{}, fmt.Errorf("wrong type for value; expected %s; got %s", want, av.Type())
		}
		in[i] = av
	}
	return invoke(m, name, in)
}

// note records a read of field on v, when v is an entity of the build.
func (a *accessor) note(v reflect.Value, field uint32) {
	if a.rec == nil || a.reg == nil || !v.IsValid() {
		return
	}
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		p := v.UnsafePointer()
		if p == a.page {
			a.rec.add(read{pageEnt, field})
		} else if id, ok := a.reg.ids[p]; ok {
			a.rec.add(read{id, field})
		}
	}
}

// noteEntity records reads of fields of an entity given as a pointer, for
// template functions that read it in Go.
func (a *accessor) noteEntity(p unsafe.Pointer, fields ...string) {
	if a.rec == nil || a.reg == nil {
		return
	}
	if id, ok := a.reg.ids[p]; ok {
		for _, f := range fields {
			a.rec.add(read{id, intern(f)})
		}
	}
}

// lookup is how a field name resolves on a type: a method, a struct field
// (by index) or neither.
type lookup struct {
	method   int // -1: not a method of the pointer type
	field    []int
	exported bool
	found    bool
}

var lookups sync.Map // lookupKey → lookup

type lookupKey struct {
	t    reflect.Type
	name string
}

// fieldOf evaluates v.name as text/template's evalField does: a method of
// v (or of its address), else a field of a struct or a key of a map.
func fieldOf(v reflect.Value, name string) (reflect.Value, error) {
	typ := v.Type()
	recv, isNil := indirectIface(v)
	if recv.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, fmt.Errorf("nil pointer evaluating %s.%s", typ, name)
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer {
		ptr = addressable(recv)
	}
	return evalWith(v, recv, ptr, isNil, name, lookupOf(ptr.Type(), name))
}

// lookupOf is how name resolves on the pointer type pt, found once.
func lookupOf(pt reflect.Type, name string) lookup {
	key := lookupKey{pt, name}
	if l, ok := lookups.Load(key); ok {
		return l.(lookup)
	}
	l := resolve(pt, name)
	lookups.Store(key, l)
	return l
}

// evalWith evaluates name on v (recv is v indirected, ptr its address)
// as lk says.
func evalWith(v, recv, ptr reflect.Value, isNil bool, name string, lk lookup) (reflect.Value, error) {
	typ := v.Type()
	if lk.method >= 0 {
		return invoke(ptr.Method(lk.method), name, nil)
	}
	switch recv.Kind() {
	case reflect.Struct:
		if lk.found {
			if !lk.exported {
				return reflect.Value{}, fmt.Errorf("%s is an unexported field of struct type %s", name, typ)
			}
			return recv.FieldByIndexErr(lk.field)
		}
	case reflect.Map:
		key := reflect.ValueOf(name)
		if key.Type().AssignableTo(recv.Type().Key()) {
			return recv.MapIndex(key), nil
		}
	case reflect.Pointer:
		if et := recv.Type().Elem(); et.Kind() == reflect.Struct {
			if _, ok := et.FieldByName(name); ok && isNil {
				return reflect.Value{}, fmt.Errorf("nil pointer evaluating %s.%s", typ, name)
			}
		}
	}
	return reflect.Value{}, fmt.Errorf("can't evaluate field %s in type %s", name, typ)
}

func resolve(pt reflect.Type, name string) lookup {
	l := lookup{method: -1}
	if m, ok := pt.MethodByName(name); ok {
		l.method = m.Index
		return l
	}
	st := pt
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		if f, ok := st.FieldByName(name); ok {
			l.field, l.exported, l.found = f.Index, f.IsExported(), true
		}
	}
	return l
}

// indirectIface follows pointers and interfaces to a value, stopping at a
// nil one (text/template's indirect).
func indirectIface(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// addressable returns a pointer to v, or to a copy of it when v cannot be
// addressed, so that methods with pointer receivers are found.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v.Addr()
	}
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	return c
}

var errorType = reflect.TypeFor[error]()

// invoke calls a method with in, turning a panic or a returned error into
// an error as text/template does.
func invoke(m reflect.Value, name string, in []reflect.Value) (v reflect.Value, err error) {
	mt := m.Type()
	if in == nil && mt.NumIn() != 0 {
		return reflect.Value{}, fmt.Errorf("wrong number of args for %s: want %d got 0", name, mt.NumIn())
	}
	if mt.NumOut() == 0 || mt.NumOut() > 2 || mt.NumOut() == 2 && mt.Out(1) != errorType {
		return reflect.Value{}, fmt.Errorf("can't call method %s: it must return one value, or a value and an error", name)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("error calling %s: %v", name, r)
		}
	}()
	out := m.Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], fmt.Errorf("error calling %s: %w", name, out[1].Interface().(error))
	}
	return out[0], nil
}

// noteTerm records what tone and mark read of a term: whether it is
// primary and its place in its taxonomy.
func (a *accessor) noteTerm(v any) {
	if t, ok := v.(*link.Term); ok && t != nil {
		a.noteEntity(unsafe.Pointer(t), "Primary", "Rank")
	}
}
