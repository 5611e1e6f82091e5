package render

import (
	"reflect"
	"sync"
	"sync/atomic"
)

// chains numbers the field chains of rewritten templates: a template calls
// the accessor with the chain's number, so that evaluating it looks up no
// name. Each step remembers how its name resolved on the last type it met
// (most steps only ever meet one).
var chains struct {
	mu   sync.Mutex
	ids  map[string]int
	list atomic.Pointer[[][]*step]
}

// step is one field of a chain.
type step struct {
	name  string
	id    uint32 // interned name, for records
	cache atomic.Pointer[stepCache]
}

type stepCache struct {
	t reflect.Type
	l lookup
}

// chainID returns the number of the chain of fields.
func chainID(fields []string) int {
	key := ""
	for _, f := range fields {
		key += f + "."
	}
	chains.mu.Lock()
	defer chains.mu.Unlock()
	if id, ok := chains.ids[key]; ok {
		return id
	}
	if chains.ids == nil {
		chains.ids = map[string]int{}
	}
	var list [][]*step
	if old := chains.list.Load(); old != nil {
		list = append(list, *old...)
	}
	steps := make([]*step, len(fields))
	for i, f := range fields {
		steps[i] = &step{name: f, id: intern(f)}
	}
	id := len(list)
	list = append(list, steps)
	chains.list.Store(&list)
	chains.ids[key] = id
	return id
}

func chainSteps(id int) []*step { return (*chains.list.Load())[id] }

// eval evaluates the step's field on v, as fieldOf does.
func (st *step) eval(v reflect.Value) (reflect.Value, error) {
	recv, isNil := indirectIface(v)
	if recv.Kind() == reflect.Interface && isNil {
		return fieldOf(v, st.name)
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer {
		ptr = addressable(recv)
	}
	pt := ptr.Type()
	c := st.cache.Load()
	if c == nil || c.t != pt {
		c = &stepCache{t: pt, l: lookupOf(pt, st.name)}
		st.cache.Store(c)
	}
	return evalWith(v, recv, ptr, isNil, st.name, c.l)
}
