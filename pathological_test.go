package regexp

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/plan"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// pathological are the classic shapes that make backtracking engines
// explode, and a few that blow up RE2's DFA, each with an input that makes
// them work hard.
var pathological = []struct {
	name, pattern string
	input         func(n int) string
	dfaFails      bool // RE2's DFA runs out of memory on it
}{
	{"nested-plus", `(a+)+$`, func(n int) string { return strings.Repeat("a", n-1) + "b" }, false},
	{"alt-overlap", `(a|aa)+$`, func(n int) string { return strings.Repeat("a", n-1) + "b" }, false},
	{"dot-star-20", `(.*a){20}`, func(n int) string { return strings.Repeat("a", n/2) + strings.Repeat("b", n-n/2) }, false},
	{"nested-star", `(x+x+)+y`, func(n int) string { return strings.Repeat("x", n) }, false},
	{"word-1000", `\w{1000}z`, func(n int) string { return strings.Repeat("w", n) }, false},
	{"literal-alternation", literalAlternation(2000), func(n int) string {
		return strings.Repeat("the quick brown fox ", n/20+1)[:n]
	}, false},
	// (a|b)*a(a|b){20}: the DFA needs up to 2^20 states, more than a
	// memory budget of 8 MiB (RE2's default, set for this case) allows, so
	// RE2 gives up on it and falls back to the NFA.
	{"dfa-blowup", `(a|b)*a(a|b){20}`, func(n int) string { return pseudoRandomAB(n) }, true},
}

func literalAlternation(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("w%dx%d", i, i*7919%1000)
	}
	return strings.Join(words, "|")
}

// pseudoRandomAB is a reproducible string of a's and b's.
func pseudoRandomAB(n int) string {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = 'a' + byte(x&1)
	}
	return string(b)
}

// The answers on pathological patterns are the standard library's.
func TestPathologicalPatterns(t *testing.T) {
	sizes := []int{10 << 10, 100 << 10}
	if testing.Short() || raceEnabled {
		sizes = []int{10 << 10}
	}
	for _, c := range pathological {
		ours := MustCompile(c.pattern)
		if c.dfaFails {
			ours = compileWithBudget(t, c.pattern, 8<<20)
		}
		std := regexp.MustCompile(c.pattern)
		sizes := sizes
		if c.dfaFails && !interpreterShort() {
			// Enough text for the DFA to fill its budget.
			sizes = append(sizes[:len(sizes):len(sizes)], 256<<10)
		}
		for _, n := range sizes {
			s := c.input(n)
			failuresBefore := dfaFailures(t)
			got, want := ours.FindAllStringSubmatchIndex(s, 3), std.FindAllStringSubmatchIndex(s, 3)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s on %d bytes: got %v, want %v", c.name, n, got, want)
			}
			if got, want := ours.MatchString(s), std.MatchString(s); got != want {
				t.Errorf("%s on %d bytes: MatchString %v, want %v", c.name, n, got, want)
			}
			// The right answers above came after the DFA gave up: RE2
			// finished those searches with another matcher.
			if c.dfaFails && n >= 256<<10 && dfaFailures(t) == failuresBefore {
				t.Errorf("%s on %d bytes: RE2's DFA never ran out of memory", c.name, n)
			}
		}
	}
}

// compileWithBudget compiles expr with RE2's memory budget set to budget.
func compileWithBudget(t *testing.T, expr string, budget int64) *Regexp {
	t.Helper()
	saved := re2wasm.MemoryBudgets
	defer func() { re2wasm.MemoryBudgets = saved }()
	re2wasm.MemoryBudgets = []int64{budget}
	re, err := Compile(expr)
	if err != nil {
		t.Fatal(err)
	}
	// RE2 compiles on first need: now.
	plan.Force(plan.RE2)
	defer plan.Force(plan.Auto)
	re.MatchString("")
	return re
}

// BenchmarkPathological shows time against input size, 10 KiB to 10 MiB:
// with linear-time matching, MB/s stays flat across sizes.
func BenchmarkPathological(b *testing.B) {
	for _, c := range pathological {
		re := MustCompile(c.pattern)
		for _, n := range []int{10 << 10, 100 << 10, 1 << 20, 10 << 20} {
			s := c.input(n)
			b.Run(fmt.Sprintf("%s/size=%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					re.FindStringSubmatchIndex(s)
				}
			})
		}
	}
}
