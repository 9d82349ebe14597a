package plan

import (
	"slices"
	"testing"
)

// TestLimitMemory: a budget reaches RE2, a program that does not fit
// leaves the calls to the standard library's matcher with its answers,
// and the leftmost-longest copy keeps the budget.
func TestLimitMemory(t *testing.T) {
	Force(RE2)
	defer Force(Auto)
	const text = "ab aab Ωmega"
	for _, c := range []struct {
		pattern string
		budget  int64
		fits    bool
	}{
		{`a+b`, 0, true},
		{`a+b`, 3, false},
		{`a+b`, 1, false}, // RE2 reads a third of 1 byte as no limit
		{`\pL{20}`, 0, true},
		{`\pL{20}`, 128 << 10, false},
		{`\pL{2}`, 128 << 10, true},
	} {
		for _, longest := range []bool{false, true} {
			m := mustNew(t, c.pattern)
			m.LimitMemory(c.budget)
			if longest {
				m = m.WithLongest()
			}
			got, err := Find(m, text, 1)
			if err != nil {
				t.Fatal(err)
			}
			want := m.Std().FindStringIndex(text)
			if !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Errorf("%q within %d bytes: Find = %v, want %v", c.pattern, c.budget, got, want)
			}
			if m.re2.ready() != c.fits || m.re2.unavailable() == c.fits {
				t.Errorf("%q within %d bytes (longest %v): RE2 compiled %v, want %v (%v)", c.pattern, c.budget, longest, m.re2.ready(), c.fits, m.re2.err)
			}
		}
	}
}
