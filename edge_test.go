package regexp

import "testing"

// Cases chosen for the paths that bypass RE2 or its defaults: plain
// literals (found by strings.Index), literal prefixes of anchored patterns
// (checked in Go), patterns that only match ASCII and literal characters
// (whose inputs are not sanitised) with invalid bytes around such
// characters, U+FFFD against invalid bytes, case folding beyond ASCII, and
// \B inside characters. The standard library is the oracle.
func TestEdgeCases(t *testing.T) {
	inputs := []string{
		"", "abc", "abcabc", "xxabcxx", "a\xffbc", "\xc3abc", "abc\xe2\x82", "日本語abc",
		"\xed\xa0\x80", "\xef\xbf\xbd", "KELVIN \u212a k K", "ſ s S", "aéa", "é", "\x80\x80",
		"\u212a\xe2\x84", "\xf0\u212a", "\xe2k\xaa", "\xc3\xa9\xa9\xc3", "\xc5\xbf\xbf\xc5", "\xe2\x84\xe2\x84\xaa",
	}
	patterns := []string{
		`abc`, `a`, `日本`, `\x{FFFD}`, `a\x{FFFD}`, `[a-c]+`, `[^a]`, `.`, `(?s).+`,
		`(?i)k`, `(?i)s`, `(?i)kelvin`, `\B`, `\b`, `a\B`, `x*`, `(a)(b)?`, `^abc`, `abc$`,
		`(?m)^`, `[\x{80}-\x{10FFFF}]`, `\pL+`, `[[:ascii:]]+`, `\s*`,
		`^ab(c|x)`, `^abc$|x`, `^日本(語)?`, `^\x{FFFD}b`, `(?i)^ABC`, `^abc*`, `^(abc)`,
		`(?i)k+`, `(?i)ſ*`, `é+`, `(?i)é`, `(?i)σ*`, `日本|\x{212a}`, `(?i)(k)(é)?`,
	}
	for _, expr := range patterns {
		for _, mode := range modes {
			p := compilePair(t, expr, mode.posix, mode.longest)
			if p == nil {
				continue
			}
			compareMetadata(t, p)
			for _, s := range inputs {
				compareAll(t, p, s)
			}
		}
	}
}
