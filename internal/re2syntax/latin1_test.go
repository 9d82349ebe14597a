package re2syntax

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"testing"
)

// Latin-1 texts are emulated as the other modes are (engine_test.go): Go
// compiles the translation and runs it on the text decoded byte by byte,
// where \xHH is the rune U+00HH as it is the byte 0xHH for RE2 in Latin-1
// mode. The oracle is Go's regexp on the original pattern over the same
// decoded text; a byte above 0x7F is two bytes of the decoded text, and
// both sides report the same offsets there, so they are compared as they
// are.

// checkLatin1 compares oracle and emulation of pattern on each input, in
// every mode.
func checkLatin1(t *testing.T, pattern string, inputs [][]byte) {
	t.Helper()
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return
	}
	oracle := regexp.MustCompile(pattern)
	for _, m := range modes {
		tr := TranslateLatin1(tree, m.expand)
		emu, err := regexp.Compile(tr)
		if err != nil {
			t.Fatalf("%q: the translation %s does not compile: %v", pattern, tr, err)
		}
		want := oracle
		if m.longest {
			want = regexp.MustCompile(pattern)
			want.Longest()
			emu.Longest()
		}
		for _, in := range inputs {
			text, _ := latin1(in)
			got, exp := emu.FindAllStringSubmatchIndex(text, -1), want.FindAllStringSubmatchIndex(text, -1)
			if !reflect.DeepEqual(got, exp) {
				t.Fatalf("%q (%v) on %q:\n got %v\nwant %v\ntranslation: %s", pattern, m, in, got, exp, tr)
			}
		}
	}
}

// TestTranslateLatin1 runs the comparison on the test patterns and on
// random ones, over the test inputs and every byte value.
func TestTranslateLatin1(t *testing.T) {
	inputs := allInputs(40)
	every := make([]byte, 256)
	for i := range every {
		every[i] = byte(i)
	}
	inputs = append(inputs, every, []byte("Kk\xb5\xff\xe9\xc9 sS\xdf\n"))
	for _, p := range testPatterns {
		checkLatin1(t, p, inputs)
	}
	n := 2000
	if testing.Short() || raceEnabled {
		n = 150
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range n {
		checkLatin1(t, randomPattern(rng, 4), inputs)
	}
}

// TestTranslateLatin1Text checks a few translations by hand: bytes are
// written as \xHH, folding stops at U+00FF, a rune above it never
// matches, and a class is cut to the bytes.
func TestTranslateLatin1Text(t *testing.T) {
	for _, c := range []struct{ pattern, want string }{
		{`é`, `\xe9`},
		{`(?i)k`, `[Kk]`},
		{`(?i)é`, `[\xc9\xe9]`},
		{`(?i)ÿ`, `\xff`},
		{`a\x{100}`, noMatch},
		{`[a\x{100}-\x{10ffff}]`, `a`},
		{`[^a]`, `[^a]`},
		{`.`, `[^\x0a]`},
		{`(?s).`, `[\x00-\xff]`},
		{`\PL`, `[^A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xff]`},
	} {
		tree, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := TranslateLatin1(tree, false); got != c.want {
			t.Errorf("TranslateLatin1(%q) = %s, want %s", c.pattern, got, c.want)
		}
	}
}
