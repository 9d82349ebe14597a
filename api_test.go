package regexp

// The API: edge cases of the paths that bypass RE2, what Copy, Longest,
// the text marshalling and MustCompile's panics do, and allocations.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/plan"
	"github.com/re2wasm/regexp/internal/rt"
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
			"\u212aEY", "ſ\u212aY", "API_KEY=1", "xsecretkey: v", "no ey here", "Kay",
		}
		patterns := []string{
			`abc`, `a`, `日本`, `\x{FFFD}`, `a\x{FFFD}`, `[a-c]+`, `[^a]`, `.`, `(?s).+`,
			`(?i)k`, `(?i)s`, `(?i)kelvin`, `\B`, `\b`, `a\B`, `x*`, `(a)(b)?`, `^abc`, `abc$`,
			`(?m)^`, `[\x{80}-\x{10FFFF}]`, `\pL+`, `[[:ascii:]]+`, `\s*`,
			`^ab(c|x)`, `^abc$|x`, `^日本(語)?`, `^\x{FFFD}b`, `(?i)^ABC`, `^abc*`, `^(abc)`,
			`(?i)k+`, `(?i)ſ*`, `é+`, `(?i)é`, `(?i)σ*`, `日本|\x{212a}`, `(?i)(k)(é)?`,
			`(?i)key`, `(?i)sky`, `(?i)(api|secret)[_-]?key\s*[:=]?`, `(?i)k(ey)+`, `(?i)[a-z]ey`,
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

// UnmarshalText works on a zero Regexp, as in the standard library, and
// MarshalText gives back the expression.
func TestTextRoundTrip(t *testing.T) {
	var re Regexp
	if err := re.UnmarshalText([]byte(`a+(b)`)); err != nil {
		t.Fatal(err)
	}
	if got := re.FindStringSubmatch("xaab"); fmt.Sprint(got) != "[aab b]" {
		t.Errorf("after UnmarshalText: %q", got)
	}
	text, _ := re.MarshalText()
	if string(text) != `a+(b)` {
		t.Errorf("MarshalText = %q", text)
	}
	var bad Regexp
	err := bad.UnmarshalText([]byte(`a(`))
	_, stdErr := regexp.Compile(`a(`)
	if err == nil || err.Error() != stdErr.Error() {
		t.Errorf("UnmarshalText(`a(`) = %v, want %v", err, stdErr)
	}
}

// Longest on a copy does not change the original.
func TestCopyAndLongest(t *testing.T) {
	re := MustCompile(`a+?`)
	c := re.Copy()
	c.Longest()
	if got := re.FindString("aaa"); got != "a" {
		t.Errorf("original after Longest on a copy: %q", got)
	}
	if got := c.FindString("aaa"); got != "aaa" {
		t.Errorf("copy after Longest: %q", got)
	}
}

func TestMustCompilePanicText(t *testing.T) {
	for _, posix := range []bool{false, true} {
		got := panicText(func() {
			if posix {
				MustCompilePOSIX(`a\`)
			} else {
				MustCompile(`a\`)
			}
		})
		want := panicText(func() {
			if posix {
				regexp.MustCompilePOSIX(`a\`)
			} else {
				regexp.MustCompile(`a\`)
			}
		})
		if got != want || got == "" {
			t.Errorf("posix %v: panic %q, standard library %q", posix, got, want)
		}
	}
}

func panicText(f func()) (text string) {
	defer func() { text = fmt.Sprint(recover()) }()
	f()
	return ""
}

// Matching copies the input into wasm memory and reads results back
// without allocating in Go; only results the API returns are allocated.
// RE2 is forced: the planner may give such a short call to the standard
// library's matcher, whose allocations are its own (under the race
// detector its pool of machines drops some, so that it allocates more).
func TestMatchDoesNotAllocate(t *testing.T) {
	if engine, _ := rt.Engine(); engine == "interpreter" {
		t.Skip("wazero's interpreter allocates its call frames; this holds for the compiler")
	}
	eachStrategy(t, []plan.Strategy{plan.RE2, plan.Windowed}, func(t *testing.T) {
		re := MustCompile(`(\w+)@(\w+)\.com`)
		text := "write to bob@example.com or alice@example.com"
		b := []byte(text)
		for range 1000 { // past the first calls, which compile the engines
			re.MatchString(text)
			re.FindStringSubmatchIndex(text)
		}
		if n := testing.AllocsPerRun(100, func() { re.MatchString(text) }); n != 0 {
			t.Errorf("MatchString allocates %v times per call", n)
		}
		if n := testing.AllocsPerRun(100, func() { re.Match(b) }); n != 0 {
			t.Errorf("Match allocates %v times per call", n)
		}
		// One allocation: the offsets returned.
		if n := testing.AllocsPerRun(100, func() { re.FindStringSubmatchIndex(text) }); n != 1 {
			t.Errorf("FindStringSubmatchIndex allocates %v times per call, want 1", n)
		}
	})
}
