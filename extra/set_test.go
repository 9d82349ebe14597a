package extra

import (
	"errors"
	"regexp/syntax"
	"testing"

	"github.com/re2wasm/regexp/internal/re2wasm"
)

// throughSet makes the test's calls go through RE2's set, whatever the
// timings say (ways.go), so that its answers are the ones compared.
func throughSet(t testing.TB) {
	forceWay = "set"
	t.Cleanup(func() { forceWay = "" })
}

// TestSetCorpus matches sets made of Go's re2-search corpus, of non-ASCII
// patterns and of words of a dozen scripts against the corpus's texts,
// prose and damaged copies of both (invalid UTF-8), comparing every method
// with the standard library pattern by pattern; and checks that the sets
// answered through RE2's set, not by falling back.
func TestSetCorpus(t *testing.T) {
	throughSet(t)
	patterns, texts := re2SearchCorpus(t)
	words, prose := multilingualCorpus(t, 60)
	var all []string
	for _, s := range append(texts, prose...) {
		all = append(all, damaged(s)...)
	}
	// Texts where \B holds only inside a character, last (kept whole by
	// the sample below).
	for _, s := range []string{"aéa", "a日a", "é", "ab\xc3\xa9b"} {
		all = append(all, damaged(s)...)
	}
	if testing.Short() || raceEnabled {
		// A sample that keeps the hand-made texts (at the end).
		step := 5
		if testing.Short() {
			step = 100 // wazero's interpreter under the race detector: minutes for one group
		}
		sample := all[:0:0]
		for i, s := range all {
			if i%step == 0 || i >= len(all)-30 {
				sample = append(sample, s)
			}
		}
		all = sample
	}
	groups := [][]string{nonASCIIPatterns, words, append(append([]string{}, nonASCIIPatterns...), words...)}
	for i := 0; i < len(patterns); i += 97 {
		groups = append(groups, patterns[i:min(i+97, len(patterns))])
	}
	groups = append(groups, patterns)
	if testing.Short() {
		groups = groups[:1] // the non-ASCII patterns
	}
	for _, group := range groups {
		s := MustCompileSet(group)
		o := newOracle(t, group)
		failures := 0
		for _, text := range all {
			if !compareSet(t, s, o, text) {
				failures++
				if failures > 10 {
					t.Fatalf("too many failures for the set of %d patterns beginning %q", len(group), group[0])
				}
			}
		}
		st := s.Stats()
		if st.Fallbacks != 0 {
			t.Errorf("set of %d patterns beginning %q fell back %d times: %+v", len(group), group[0], st.Fallbacks, st)
		}
		if st.Alone > 2*len(group) {
			t.Errorf("set of %d patterns: %d alone", len(group), st.Alone)
		}
		t.Logf("%d patterns beginning %q: %+v", len(group), group[0], st)
	}
}

// TestSetOutOfMemory: when RE2's set reports that its DFA ran out of
// memory, every answer is still the standard library's, and the fallback
// is counted. (RE2 2022-06-01 reports it from no budget once the set is
// compiled, see testSetError: the error is injected where the binding
// returns it.)
func TestSetOutOfMemory(t *testing.T) {
	throughSet(t)
	patterns := append([]string{`alpha\d`, `\bbeta\b`}, nonASCIIPatterns...)
	o := newOracle(t, patterns)
	s := MustCompileSet(patterns)
	texts := []string{"", "alpha1 beta", "é\xffè", "x beta y"}
	testSetError = re2wasm.ErrSetOutOfMemory
	defer func() { testSetError = nil }()
	for _, text := range texts {
		compareSet(t, s, o, text)
	}
	st := s.Stats()
	if want := int64(8 * len(texts)); st.OutOfMemory != want || st.Fallbacks != want {
		t.Errorf("want %d calls out of memory, all fallen back: %+v", want, st)
	}
}

// TestSetTooLarge: a budget too small for the set's program leaves every
// pattern to be matched one by one, with the standard library's answers.
func TestSetTooLarge(t *testing.T) {
	patterns := []string{`\pL{20}x`, `[a-z]+@[a-z]+\.com`, `\d{3}-\d{4}`}
	o := newOracle(t, patterns)
	s := MustCompileSet(patterns, MemoryBudget(1<<10))
	for _, text := range []string{"", "bob@example.com 555-1234", "ééééééééééééééééééééx"} {
		compareSet(t, s, o, text)
	}
	if st := s.Stats(); st.Fallbacks != 3*8 || st.OutOfMemory != 0 {
		t.Errorf("want 24 fallbacks (3 texts, 8 calls each), got %+v", st)
	}
}

// TestCompileSetError: the error names the failing pattern's index and
// wraps the parser's error, whose text is regexp.Compile's.
func TestCompileSetError(t *testing.T) {
	_, err := CompileSet([]string{`a`, `b(`, `c[`})
	var serr *syntax.Error
	if err == nil || !errors.As(err, &serr) {
		t.Fatalf("err = %v, want a *syntax.Error", err)
	}
	want := "extra: CompileSet: pattern 1: error parsing regexp: missing closing ): `b(`"
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	s, err := CompileSet(nil)
	if err != nil || s.MatchString("x") != nil || s.FindStringIndex("") != nil {
		t.Errorf("an empty set: %v", err)
	}
}

// TestSetConcurrent: goroutines share one set from its first use on (the
// lazily built forms included) and all get the standard library's
// answers; run it with -race.
func TestSetConcurrent(t *testing.T) {
	patterns := append([]string{`\d+`, `[a-z]+@[a-z]+`, `x\By`}, nonASCIIPatterns...)
	o := newOracle(t, patterns)
	s := MustCompileSet(patterns)
	texts := []string{"bob@example 12", "é\xffè", "xy", "", "a.b ÿ"}
	done := make(chan bool)
	for g := range 8 {
		go func() {
			ok := true
			for i := range 20 {
				ok = compareSet(t, s, o, texts[(g+i)%len(texts)]) && ok
			}
			done <- ok
		}()
	}
	for range 8 {
		<-done
	}
}
