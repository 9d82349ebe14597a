package re2syntax

import (
	"errors"
	"regexp/syntax"
	"testing"
)

// FuzzTranslate compares Go's regexp on (pattern, input) with the emulated
// RE2 Latin-1 engine on the translation and the sanitized input, in all
// modes (see engine_test.go). Findings are kept as regression cases in
// fuzzRegressions.
func FuzzTranslate(f *testing.F) {
	seedInputs := []string{"", "a\xffb", "\xe2\x82a", "\xed\xa0\x80x", "kK\u212a sſ", "ab\ncd\n", "é\x80日本\xf4\x90\x80\x80"}
	for i, p := range testPatterns {
		f.Add(p, []byte(seedInputs[i%len(seedInputs)]))
	}
	for _, c := range fuzzRegressions {
		f.Add(c.pattern, []byte(c.input))
	}
	f.Add(`((a)|b(c)?)*`, []byte("abcab\xff"))
	f.Add(`(?:(\b)|x)*?`, []byte("x \x80x"))
	f.Add(`(?i)(ſ+|k)(.)`, []byte("SS\u212a\xff"))
	f.Fuzz(func(t *testing.T, pattern string, input []byte) {
		if len(pattern) > 200 || len(input) > 300 {
			return
		}
		if err := differential(pattern, input); err != nil {
			if errors.Is(err, errSkip) {
				t.Skip(err)
			}
			t.Fatal(err)
		}
	})
}

// errSkip marks a pattern the harness cannot compare.
var errSkip = errors.New("skipped")

// differential compares oracle and emulation for pattern on input in every
// mode. It returns nil if pattern is not a valid Go regexp, and an error
// wrapping errSkip if the translation is too large for Go to compile (RE2
// has its own, different limits).
func differential(pattern string, input []byte) error {
	return differentialAll(pattern, [][]byte{input})
}

// differentialAll is differential on each of inputs.
func differentialAll(pattern string, inputs [][]byte) error {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	if _, err := prepareOracle(pattern); err != nil {
		return nil
	}
	for _, m := range modes {
		if len(Translate(re, m.expand)) > 100000 {
			return errSkip
		}
		c, err := prepare(pattern, m.expand, m.longest)
		if err != nil {
			var serr *syntax.Error
			if errors.As(err, &serr) && (serr.Code == syntax.ErrLarge || serr.Code == syntax.ErrNestingDepth) {
				return errors.Join(errSkip, err)
			}
			return err
		}
		for _, input := range inputs {
			if err := c.check(input); err != nil {
				return err
			}
		}
	}
	return nil
}

// fuzzRegressions are inputs found by FuzzTranslate (and interesting cases
// found while writing the tests); TestFuzzRegressions runs them.
var fuzzRegressions = []struct{ pattern, input string }{
	{`(?:)`, "\x80"},
}

// TestFuzzRegressions replays fuzzRegressions.
func TestFuzzRegressions(t *testing.T) {
	for _, c := range fuzzRegressions {
		if err := differential(c.pattern, []byte(c.input)); err != nil {
			t.Error(err)
		}
	}
}
