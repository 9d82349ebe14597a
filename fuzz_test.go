package regexp

import (
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/plan"
)

// FuzzCompare compiles a pattern with both packages in the mode chosen by
// mode (perl, longest or POSIX) and compares every method on the input.
// Its seed corpus is below and in testdata/fuzz/FuzzCompare; findings are
// kept there as regression cases.
func FuzzCompare(f *testing.F) {
	seeds := []struct {
		pattern string
		input   string
	}{
		{`a*`, "baaab"},
		{``, "héllo"},
		{`(a|ab)(c|bcd)(d*)`, "abcd"},
		{`((a)|b)+`, "ab"},
		{`(a*)*`, "b"},
		{`(a*)+$`, "aab"},
		{`(?i)straße`, "STRASSE Straße"},
		{`.`, "\xff\xfe"},
		{`[^a]+`, "a\xc3(b"},
		{`\x{FFFD}`, "\xed\xa0\x80"},
		{`\B`, "aéa"},
		{`\b\w+\b`, "héllo wörld"},
		{`(?m)^$`, "\n\n"},
		{`(?s)a.c`, "a\nc"},
		{`x*`, "日本\x80語"},
		{`(?P<y>\d+)-(?P<m>\d+)`, "2024-11 and 1999-01"},
		{`((((((a))))))`, "aaa"},
		{`a{2,3}?`, "aaaa"},
		{`(|a)*`, "aa"},
		{`$`, "abc\n"},
		{"a\xffb", "a\xffb"},
		{`^(a|é)+[^é]`, "aaé"},
	}
	for i, s := range seeds {
		f.Add(s.pattern, []byte(s.input), uint8(i%3))
	}
	f.Fuzz(func(t *testing.T, pattern string, input []byte, mode uint8) {
		if len(pattern) > 200 || len(input) > 1000 {
			return
		}
		m := modes[int(mode)%len(modes)]
		p := compilePair(t, pattern, m.posix, m.longest)
		if p == nil {
			return
		}
		compareMetadata(t, p)
		defer plan.Force(plan.Auto)
		for _, how := range strategies {
			plan.Force(how)
			compareAll(t, p, string(input))
		}
		plan.Force(plan.Auto)
		if strings.HasPrefix(pattern, "^") && len(input) > 0 {
			// Long enough for Match to try a head first, with the cut
			// anywhere in the input.
			long := strings.Repeat(string(input), plan.HeadMinText/len(input)+1)
			p.check(t, "MatchString", long, p.ours.MatchString(long), p.std.MatchString(long))
		}
	})
}
