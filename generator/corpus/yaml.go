package corpus

import (
	"strconv"
	"strings"
)

// yamlString double-quotes s for YAML. Every escape strconv.Quote emits
// (\", \\, \n, \t, \xNN, \uNNNN, \UNNNNNNNN and the C escapes) means the
// same in a YAML double-quoted scalar, and it never emits one YAML lacks.
func yamlString(s string) string {
	return strconv.Quote(s)
}

// yamlKey writes a term key bare when YAML would read it back as the same
// string, and quoted otherwise (keys such as "yes", "null" or "2020").
func yamlKey(k string) string {
	if plainKey(k) {
		return k
	}
	return yamlString(k)
}

// reservedWords are plain scalars that YAML 1.1 or 1.2 resolves to
// booleans or null rather than strings.
var reservedWords = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true,
}

func plainKey(k string) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' || reservedWords[k] {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// yamlList writes items as a flow sequence, each formatted by quote.
func yamlList(items []string, quote func(string) string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = quote(it)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func writeField(sb *strings.Builder, key, value string) {
	sb.WriteString(key)
	sb.WriteString(": ")
	sb.WriteString(value)
	sb.WriteByte('\n')
}
