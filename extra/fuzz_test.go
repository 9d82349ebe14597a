package extra

import (
	stdregexp "regexp"
	"strings"
	"testing"
)

// FuzzSet compiles up to 8 patterns (one per line of the first input) that
// Go accepts into a set and compares every method with the standard
// library on the text, pattern by pattern.
func FuzzSet(f *testing.F) {
	f.Add("a+b\n\\d+\né.\n(?i)straße", "aab 12 éz STRASSE")
	f.Add(".\n[^a]\n\\B\n\\x{fffd}", "\xffé\xc3")
	f.Add("^foo\n(?m)^bar$\n\\bx\\b", "foo\nbar x")
	f.Add("(a|b)*a(a|b){3}\n\\pL{2,}", "abbabab日本")
	f.Add("\\x{fffd}\na.b\n[^é]", "a\xc3b")
	throughSet(f)
	f.Fuzz(func(t *testing.T, list, text string) {
		var patterns []string
		for p := range strings.Lines(list) {
			p = strings.TrimSuffix(p, "\n")
			if _, err := stdregexp.Compile(p); err != nil || len(p) > 200 {
				continue
			}
			if len(patterns) == 8 {
				break
			}
			patterns = append(patterns, p)
		}
		s, err := CompileSet(patterns)
		if err != nil {
			t.Fatalf("CompileSet(%q): %v", patterns, err)
		}
		if !compareSet(t, s, newOracle(t, patterns), text) {
			t.Fatalf("patterns %q", patterns)
		}
	})
}
