package regexp

import (
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/plan"
)

// Cases chosen for the paths that bypass RE2 or its defaults: plain
// literals (found by strings.Index), literal prefixes of anchored patterns
// (checked in Go), patterns that only match ASCII and literal characters
// (whose inputs are not sanitised) with invalid bytes around such
// characters, U+FFFD against invalid bytes, case folding beyond ASCII, and
// \B inside characters. The standard library is the oracle.
func TestEdgeCases(t *testing.T) {
	eachStrategy(t, strategies, func(t *testing.T) {
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
	})
}

// Anchored patterns on long texts, which Match first tries on a head of the
// text: matches inside the head, across its end, only beyond it, none, and
// a character that the head's end would cut in two (é at bytes 1023-1024:
// `^a{1023}[^é]` must not match its first byte alone).
func TestMatchHead(t *testing.T) {
	eachStrategy(t, strategies, func(t *testing.T) {
		long := strings.Repeat("a", 1023) + "é" + strings.Repeat("a", plan.HeadMinText)
		inputs := []string{
			long,
			long + "b",
			"x" + long,
			strings.Repeat("a", 1024) + "\xe2" + strings.Repeat("a", plan.HeadMinText),
			strings.Repeat("日本語", plan.HeadMinText/8),
		}
		patterns := []string{
			`^a{1023}[^é]`, `^a{1023}.`, `^a{1023}é`, `^a+b`, `^a`, `^x`, `^(a|x)a{1000}`,
			`^a*[^a]`, `^a{1024}\x{FFFD}`, `^(日本語)+本`, `^a.*b`, `^a{1023}$`, `^a{1023}\b`, `\Aa|^x`,
		}
		for _, expr := range patterns {
			// Go allows counts up to 1000.
			expr = strings.NewReplacer("{1023}", "{1000}a{23}", "{1024}", "{1000}a{24}").Replace(expr)
			p := compilePair(t, expr, false, false)
			if p == nil {
				t.Fatalf("%s does not compile", expr)
			}
			for _, s := range inputs {
				p.check(t, "MatchString", s, p.ours.MatchString(s), p.std.MatchString(s))
				p.check(t, "Match", s, p.ours.Match([]byte(s)), p.std.Match([]byte(s)))
				comparePrimitives(t, p, s)
			}
		}
	})
}
