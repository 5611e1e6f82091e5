package render

import (
	"html/template"
	"reflect"

	"github.com/casebook/casebook/generator/link"
)

// This file is where render decides which strings of the Site are trusted
// markup. Package link gives every story, term and page its converted
// body as a plain string (the HTML field): goldmark's safe renderer made
// it, raw HTML dropped and link destinations checked. Render alone turns
// it into template.HTML, so that html/template puts it into pages as
// markup; every other string of the Site is text, which html/template
// escapes.
//
// Templates are rewritten when a theme is loaded (see rewrite.go): a
// field chain that ends in HTML goes through the accessor, which calls
// trusted. The theme's templates and a site's own get bodies the same way
// whatever the chain ({{.Story.HTML}}, {{$s.HTML}}, {{with .Plain}}
// {{.HTML}}{{end}}), with no function to call, so templates written when
// the field was template.HTML work unchanged.

// bodyTypes are the types whose HTML field is a converted body.
var bodyTypes = map[reflect.Type]bool{
	reflect.TypeFor[link.Story](): true,
	reflect.TypeFor[link.Term]():  true,
	reflect.TypeFor[link.Page]():  true,
}

var stringType = reflect.TypeFor[string]()

// trusted returns v, the value of the field HTML read on recv, as
// template.HTML when recv is a story, term or page of the Site, and as it
// is otherwise.
func trusted(recv, v reflect.Value) reflect.Value {
	if !v.IsValid() || v.Type() != stringType {
		return v
	}
	if r, isNil := indirectIface(recv); !isNil && r.IsValid() && bodyTypes[r.Type()] {
		return reflect.ValueOf(template.HTML(v.String()))
	}
	return v
}
