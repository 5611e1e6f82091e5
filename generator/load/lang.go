package load

import (
	"regexp"
	"strings"
)

// langSuffix is the shape of the language code in a translation's file
// name: a BCP 47 tag as file names carry it ("cy", "gd", "pt-br").
var langSuffix = regexp.MustCompile(`^[a-z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// splitLang splits the name of a translation, "kitchen.cy.md", into the
// name of its original, "kitchen.md", and its language, "cy". Other names
// come back as they are, with lang "".
func splitLang(name string) (original, lang string) {
	stem, ok := strings.CutSuffix(name, ".md")
	if !ok {
		return name, ""
	}
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 || !langSuffix.MatchString(stem[i+1:]) {
		return name, ""
	}
	return stem[:i] + ".md", stem[i+1:]
}
