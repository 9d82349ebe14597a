package regexp

// A differential generator for the space that random bytes and mostly-ASCII
// corpora do not reach: patterns written in many scripts, whose characters
// share their leading UTF-8 bytes, built from a grammar of the standard
// library's syntax, and texts built from each pattern's syntax tree so that
// matches happen, then damaged (invalid bytes, characters cut in two, case
// changed, copies run together). The standard library is the oracle on
// every method.
//
// TestGenerated runs a fixed number of seeds in the default test run;
// -gen.n and -gen.seed run more or others, and FuzzGenerated lets the
// fuzzer pick seeds (make fuzz). Every finding becomes a case of
// generatedRegressions.

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
	"time"

	"github.com/re2wasm/regexp/internal/plan"
)

// generatedCase is one pattern, the mode to compile it in, and texts.
type generatedCase struct {
	pattern string
	mode    int // index into modes
	texts   []string
}

// generate makes the case of a seed. Patterns of the POSIX mode keep to
// POSIX syntax, so that they compile.
func generate(seed uint64) generatedCase {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	c := generatedCase{mode: r.IntN(len(modes))}
	posix := modes[c.mode].posix
	c.pattern = (&patternGen{r: r, posix: posix}).pattern()
	flags := syntax.Perl
	if posix {
		flags = syntax.POSIX
	}
	c.texts = []string{""}
	re, err := syntax.Parse(c.pattern, flags)
	if err != nil {
		return c // compared as an error
	}
	tg := textGen{r}
	for range 3 {
		c.texts = append(c.texts, string(tg.damage(tg.walk(nil, re), c.pattern)))
	}
	return c
}

// counts of a run of the generator.
type genCounts struct {
	patterns, compiled, texts, matched int
}

// runGenerated compares every method on the case of seed, and adds to
// counts. It returns false on a difference.
func runGenerated(t testing.TB, seed uint64, counts *genCounts) bool {
	t.Helper()
	c := generate(seed)
	mode := modes[c.mode]
	counts.patterns++
	p := compilePair(t, c.pattern, mode.posix, mode.longest)
	if p == nil {
		return !t.Failed()
	}
	counts.compiled++
	compareMetadata(t, p)
	// The planner's choice, and one engine forced: RE2 on whole texts for
	// even seeds, windows for odd ones.
	forcedFor := []plan.Strategy{plan.RE2, plan.Windowed}[seed%2]
	defer plan.Force(plan.Auto)
	for _, s := range c.texts {
		for _, how := range []plan.Strategy{plan.Auto, forcedFor} {
			plan.Force(how)
			compareAll(t, p, s)
		}
		counts.texts++
		if p.std.MatchString(s) {
			counts.matched++
		}
	}
	return !t.Failed()
}

// genBudget is how many seeds TestGenerated runs: 2,000 with -full (about
// 20 seconds on 2 cores), 200 by default or under the race detector (which
// makes each seed 9 times as slow), 30 with -short.
func genBudget() int {
	switch {
	case *genCount > 0:
		return *genCount
	case testing.Short():
		return 30
	case raceEnabled || !*full:
		return 200
	}
	return 2000
}

func TestGenerated(t *testing.T) {
	var counts genCounts
	start := time.Now()
	n := genBudget()
	for i := range n {
		seed := *genSeed + uint64(i)
		if !runGenerated(t, seed, &counts) {
			c := generate(seed)
			t.Fatalf("seed %d (%s mode): pattern %q, texts %q; after %d seeds, %v",
				seed, modes[c.mode].name, c.pattern, c.texts, i+1, time.Since(start))
		}
	}
	t.Logf("%d seeds from %d: %d patterns compiled, %d texts (%d with a match), each on every method; %v",
		n, *genSeed, counts.compiled, counts.texts, counts.matched, time.Since(start))
	if counts.compiled < n/2 || counts.matched < counts.texts/4 {
		t.Errorf("the generator lost its aim: %+v", counts)
	}
}

// FuzzGenerated lets the fuzzer choose seeds of the generator.
func FuzzGenerated(f *testing.F) {
	for seed := range uint64(16) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		var counts genCounts
		runGenerated(t, seed, &counts)
	})
}

// generatedRegressions are the cases the generator and other projects'
// suites found, with their neighbours, compared in every mode on every
// method. Class 1: alternations whose branches begin with different
// characters sharing a first byte (RE2 lost Latin-1 on the factored
// prefix, see wasm/src/patches/latin1-factored-prefix.patch). Class 2:
// surrogates written in a pattern.
var generatedRegressions = []struct{ pattern, text string }{
	{`éa|èb`, "éa"},
	{`éa|èb`, "xèèèèèbéaéèa"},
	{`аб|вг`, "аб"},
	{`бa|вa`, "вa"},
	{`あい|いう`, "いう"},
	{`[а]б|вг`, "аб"},
	{`Шерлок Холмс|Джон Уотсон|Ирен Адлер`, "Ирен Адлер и Шерлок Холмс"},
	{`Ошибка|Внимание|Сбой`, "Сбой"},
	{`アうき|う|く,アい`, "アうくアいく,アいアうくアい"},
	{`(?i)éa|èb`, "ÉA èB"},
	{`(?i)σα|ςβ`, "ΣΒ"},
	{`[éè]a|[àá]b`, "áb"},
	{`[^é]a|èb`, "èb"},
	{`^éa|^èb`, "èb"},
	{`(?m)^éa|^èb`, "x\nèb"},
	{`(éa)|(èb)`, "èb"},
	{`(?:éa|èb)+`, "éaèbéa"},
	{`\béa|èb\b`, "èb"},
	{`日本|日月|中文`, "中文"},
	{`😀a|😁b`, "😁b"},
	{`\x{10ffff}a|\x{10fffe}b`, "\U0010fffeb"},
	{`\x{800}a|\x{801}b`, "\u0801b"},
	{`\x{d800}`, "\uFFFD\xff\xed\xa0\x80"},
	{`a\x{dfff}`, "a\uFFFD"},
	{`\x{dbff}\x{2122}`, "\uFFFD™"},
	{`^\x{dc00}`, "\uFFFD"},
	{`^\x{dc00}b`, "\uFFFDb"},
	{`(?isU-i)^\x{dc00}`, "\uFFFD"},
	{`^[\x{d800}-\x{dfff}]`, "\uFFFD"},
	{`\x{fffd}`, "\xff\uFFFD"},
	{`^\x{fffd}a|^\x{fffe}b`, "\uFFFEb"},
}

func TestGeneratedRegressions(t *testing.T) {
	eachStrategy(t, strategies, func(t *testing.T) {
		for _, c := range generatedRegressions {
			for _, mode := range modes {
				p := compilePair(t, c.pattern, mode.posix, mode.longest)
				if p == nil {
					continue
				}
				compareMetadata(t, p)
				compareAll(t, p, c.text)
			}
		}
	})
}

// TestGeneratedValidUTF8 runs the generator's patterns (generate_test.go)
// on its texts made valid UTF-8, so that the UTF-8 mode programs match
// them (TestGenerated's damaged texts are mostly invalid, and go to the
// Latin-1 programs).
func TestGeneratedValidUTF8(t *testing.T) {
	n := genBudget() / 3
	var counts genCounts
	for i := range n {
		seed := *genSeed + 1_000_000 + uint64(i)
		c := generate(seed)
		mode := modes[c.mode]
		p := compilePair(t, c.pattern, mode.posix, mode.longest)
		if p == nil {
			continue
		}
		counts.compiled++
		for _, s := range c.texts {
			s = strings.ToValidUTF8(s, "\uFFFD")
			compareAll(t, p, s)
			counts.texts++
			if p.std.MatchString(s) {
				counts.matched++
			}
		}
		if t.Failed() {
			t.Fatalf("seed %d (%s mode): pattern %q, texts %q", seed, mode.name, c.pattern, c.texts)
		}
	}
	t.Logf("%d seeds: %d patterns compiled, %d valid texts (%d with a match), each on every method", n, counts.compiled, counts.texts, counts.matched)
}
