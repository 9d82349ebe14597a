package re2syntax

import (
	"fmt"
	"reflect"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// This file holds the test harness: an emulation of RE2's Latin-1 mode built
// on Go's regexp, and the comparison against Go's regexp on the original
// pattern (the oracle).
//
// Emulation. RE2 in Latin-1 mode reads each byte of pattern and text as one
// character. Go's regexp reads \xHH in a pattern as rune U+00HH, so if the
// sanitized input is decoded as Latin-1 (byte b becomes rune U+00bb) and the
// translated pattern is compiled by Go, matching is byte-for-byte the same
// as in RE2. Match offsets in the Latin-1 string are mapped back to byte
// offsets of the input.
//
// Mid-character starts. An unanchored search in the emulated engine (as in
// RE2) also tries to start at a byte inside a multibyte character, which Go
// never does. With a correct translation only an EMPTY match can start
// there (every character of a translation begins with a byte that is not a
// continuation byte). The real binding retries the search when it gets such
// an empty match; the emulation equivalently drops every empty match that
// starts at a continuation byte (0x80-0xBF) of the sanitized input. A
// non-empty match starting there is reported as an error, never dropped.

// sanitizeRef is the reference sanitizer of the tests: it replaces each byte
// that utf8.DecodeRune reports as invalid with 0xFF, in a copy.
func sanitizeRef(in []byte) []byte {
	out := append([]byte(nil), in...)
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r == utf8.RuneError && size == 1 {
			out[i] = 0xFF
		}
		i += size
	}
	return out
}

// latin1 decodes b as Latin-1 into a Go string and returns, for every byte
// offset of that string that starts a rune (and its end), the byte offset in
// b; other entries are -1.
func latin1(b []byte) (string, []int) {
	var out []byte
	offs := make([]int, 0, 2*len(b)+1)
	for i, c := range b {
		offs = append(offs, i)
		if c >= utf8.RuneSelf {
			offs = append(offs, -1)
		}
		out = utf8.AppendRune(out, rune(c))
	}
	offs = append(offs, len(b))
	return string(out), offs
}

// isContinuation reports whether c is a UTF-8 continuation byte.
func isContinuation(c byte) bool { return c&0xC0 == 0x80 }

// emulate runs the translated pattern re (compiled by Go from Translate's
// output) like RE2 Latin-1 on input and returns all matches with their
// submatches as byte offsets of input.
func emulate(re *regexp.Regexp, input []byte) ([][]int, error) {
	san := sanitizeRef(input)
	text, offs := latin1(san)
	var out [][]int
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		mm := make([]int, len(m))
		for k, v := range m {
			mm[k] = -1
			if v >= 0 {
				if offs[v] < 0 {
					return nil, fmt.Errorf("offset %d is inside a Latin-1 rune", v)
				}
				mm[k] = offs[v]
			}
		}
		if mm[0] < len(san) && isContinuation(san[mm[0]]) {
			if mm[0] != mm[1] {
				return nil, fmt.Errorf("non-empty match %v starts inside a character", mm)
			}
			continue // the binding retries; see above
		}
		out = append(out, mm)
	}
	return out, nil
}

// compiled is one pattern prepared for comparison.
type compiled struct {
	pattern    string
	translated string
	oracle     *regexp.Regexp // Go on the original pattern
	emu        *regexp.Regexp // Go on the translation, over Latin-1 text
}

// prepare parses and translates pattern and compiles both sides, with
// leftmost-longest matching if longest is set.
func prepare(pattern string, expand, longest bool) (*compiled, error) {
	oracle, err := prepareOracle(pattern)
	if err != nil {
		return nil, err
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	tr := Translate(re, expand)
	emu, err := regexp.Compile(tr)
	if err != nil {
		return nil, fmt.Errorf("translation of %q does not compile: %w\n%s", pattern, err, tr)
	}
	if oracle.NumSubexp() != emu.NumSubexp() {
		return nil, fmt.Errorf("translation of %q has %d groups, want %d\n%s", pattern, emu.NumSubexp(), oracle.NumSubexp(), tr)
	}
	if longest {
		oracle.Longest()
		emu.Longest()
	}
	return &compiled{pattern, tr, oracle, emu}, nil
}

// prepareOracle compiles pattern with Go's regexp.
func prepareOracle(pattern string) (*regexp.Regexp, error) { return regexp.Compile(pattern) }

// check compares oracle and emulation on input.
func (c *compiled) check(input []byte) error {
	want := c.oracle.FindAllSubmatchIndex(input, -1)
	got, err := c.emulateAll(input)
	if err != nil {
		return fmt.Errorf("pattern %q input %q: %v\ntranslation: %s", c.pattern, input, err, c.translated)
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("pattern %q input %q:\n got %v\nwant %v\ntranslation: %s", c.pattern, input, got, want, c.translated)
	}
	return nil
}

// emulateAll is emulate with c's translated regexp.
func (c *compiled) emulateAll(input []byte) ([][]int, error) { return emulate(c.emu, input) }
