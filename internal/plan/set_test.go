package plan

import "testing"

// TestSetPatternAlone: a pattern goes alone, beside the set, exactly when
// a set could find it where the standard library does not: an empty match
// through \B, which holds inside a character; or a code point that
// decoding never yields. (extra's TestSetCorpus checks the answers of
// those that join.)
func TestSetPatternAlone(t *testing.T) {
	for _, tc := range []struct {
		expr  string
		alone bool
	}{
		{`\B`, true},
		{`x*\B`, true},
		{`(?:a|)\B`, true},
		{`(\B)+`, true},
		{`\B{2}`, true},
		{`(?:\B|y)z?`, true},
		{`^\B`, true},
		{`\x{d800}`, true},
		{`[`, true},
		{`a\B`, false},
		{`\Bé`, false},
		{`(?i)(?:\.boto|buddyinfo|mtrr|acpi|zoneinfo)\B`, false},
		{`\B.`, false},
		{`(?:\B|y)z`, false},
		{`\B{0}`, false},
		{`\b`, false},
		{`x*`, false},
	} {
		for _, utf8 := range []bool{false, true} {
			_, _, ok := SetPattern(tc.expr, false, utf8)
			if ok == tc.alone {
				t.Errorf("SetPattern(%q, utf8=%v): ok %v, want %v", tc.expr, utf8, ok, !tc.alone)
			}
		}
	}
}
