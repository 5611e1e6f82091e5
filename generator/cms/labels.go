package cms

import "github.com/casebook/casebook/generator/i18n"

// Words are the editor's labels and help texts: the theme's strings under
// cms. (themes/default/i18n/en.toml and its translations), in the site's
// language, with the site's own i18n/<code>.toml laid over them. nil gives
// no labels: the editor then shows each field's name.
type Words = i18n.Catalog

// part returns the string cms.<kind>.<name>.<part>, else
// cms.<name>.<part>, else "".
func part(w *Words, kind, name, p string) string {
	if w == nil {
		return ""
	}
	for _, key := range []string{"cms." + kind + "." + name + "." + p, "cms." + name + "." + p} {
		if w.Has(key) {
			return w.S(key)
		}
	}
	return ""
}

// collectionLabel returns the label of the collection key, or "".
func collectionLabel(w *Words, key string) string {
	if w == nil || !w.Has("cms.collections."+key) {
		return ""
	}
	return w.S("cms.collections." + key)
}
