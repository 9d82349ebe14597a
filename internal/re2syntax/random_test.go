package re2syntax

import (
	"math/rand/v2"
	"testing"
)

// randomAtoms are the leaves of randomPattern.
var randomAtoms = []string{
	`a`, `b`, `ab`, `é`, `日`, "\uFFFD", `.`, `(?s:.)`, `[^a]`, `[ab]`, `\pL`,
	`\p{Greek}`, `(?i:k)`, `(?i:s)`, `(?i:σ)`, `\w`, `\W`, `\s`, `^`, `$`,
	`(?m:^)`, `(?m:$)`, `\A`, `\z`, `\b`, `\B`, `(?:)`, `\n`, `[^\n]`,
	`[\x{80}-\x{10FFFF}]`, `[^\x{FFFD}]`, `\x{10FFFF}`,
}

// randomPattern builds a random pattern of the given depth from
// randomAtoms with concatenation, alternation, groups and repetitions.
func randomPattern(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.IntN(4) == 0 {
		return randomAtoms[rng.IntN(len(randomAtoms))]
	}
	sub := func() string { return randomPattern(rng, depth-1) }
	switch rng.IntN(10) {
	case 0, 1, 2:
		return sub() + sub()
	case 3:
		return sub() + `|` + sub()
	case 4:
		return `(` + sub() + `)`
	case 5:
		return `(?:` + sub() + `)` + []string{`*`, `+`, `?`, `*?`, `+?`, `??`}[rng.IntN(6)]
	case 6:
		return `(` + sub() + `)` + []string{`{2}`, `{0,2}`, `{1,3}?`, `{2,}`, `{0}`}[rng.IntN(5)]
	case 7:
		return `(?:` + sub() + `)` + []string{`{2}`, `{0,2}`, `{1,3}?`, `{2,}`, `{0}`}[rng.IntN(5)]
	case 8:
		return `(?i:` + sub() + `)`
	}
	return `(?s:` + sub() + `)`
}

// TestRandomPatterns runs the differential comparison on random patterns
// built from fragments and random inputs.
func TestRandomPatterns(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 200
	}
	rng := rand.New(rand.NewPCG(5, 6))
	inputs := allInputs(60)
	for range n {
		p := randomPattern(rng, 4)
		if err := differentialAll(p, inputs); err != nil {
			t.Fatal(err)
		}
	}
}
