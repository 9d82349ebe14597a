package plan

import (
	"regexp/syntax"
	"testing"
)

// TestFoldFilter: the character a text must hold in one of its cases is
// the rarest of a case-folded literal that every match holds, never one
// that a character beyond ASCII also matches (k: the Kelvin sign, s: the
// long s), and none where a required string filters exactly.
func TestFoldFilter(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want byte // lower case; 0 for no filter
	}{
		{`(?i)key`, 'y'},
		{`(?i)(api|secret)[_-]?key\s*[:=]\s*\S+`, 'y'},
		{`(?i)panic`, 'p'},
		{`(?i)(?:ab){2}`, 'b'},
		{`(?i)ks`, 0},
		{`(?i)k+`, 0},
		{`(?i)a|b`, 0},
		{`(?i)x?`, 0},
		{`key`, 0},
		{`(?i)q(?-i)key`, 0}, // "key" filters exactly
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		f := analyze(re).foldFilter
		var got byte
		if f != nil {
			got = f.lower
			if f.upper != got-'a'+'A' && f.upper != got {
				t.Errorf("%q: filter %q/%q: not the two cases of one letter", tc.expr, f.lower, f.upper)
			}
		}
		if got != tc.want {
			t.Errorf("%q: filter %q, want %q", tc.expr, got, tc.want)
		}
	}
}
