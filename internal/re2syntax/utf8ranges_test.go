package re2syntax

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestNormalizeRanges checks sorting, merging, clipping and surrogate
// removal.
func TestNormalizeRanges(t *testing.T) {
	got := normalizeRanges([]rune{'x', 'z', 'a', 'c', 'b', 'y', -5, 3, 0xD000, 0xE100, 0x10FFF0, unicode.MaxRune + 9, 0xD900, 0xDA00})
	want := []runeRange{{0, 3}, {'a', 'z'}, {0xD000, 0xD7FF}, {0xE000, 0xE100}, {0x10FFF0, unicode.MaxRune}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestClassExact checks, rune by rune, that the byte-level text of a class
// accepts the UTF-8 encoding of exactly the runes of the class (and 0xFF
// exactly when U+FFFD is in it), for Unicode tables and random sets. It
// tries every rune below U+3000, every rune near a range boundary and
// random runes.
func TestClassExact(t *testing.T) {
	sets := [][]rune{
		{0, unicode.MaxRune}, {0, 9, 11, unicode.MaxRune}, {0, 'a' - 1, 'a' + 1, unicode.MaxRune},
		{0xFFFD, 0xFFFD}, {0x80, 0x10FFFF}, {0x7FF, 0x800}, {0xFFFF, 0x10000},
	}
	for _, name := range []string{`\pL`, `\p{Greek}`, `\PN`, `\p{Han}`, `[^\x{FFFD}]`, `\p{Cs}`, `\p{Co}`} {
		re, err := syntax.Parse(name, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, re.Rune)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 30 {
		var rs []rune
		lo := rune(0)
		for lo <= unicode.MaxRune {
			lo += rune(rng.ExpFloat64() * float64([]int{3, 100, 5000}[rng.IntN(3)]))
			hi := lo + rune(rng.ExpFloat64()*float64([]int{2, 300, 20000}[rng.IntN(3)]))
			if hi > unicode.MaxRune {
				break
			}
			rs = append(rs, lo, hi)
			lo = hi + 2
		}
		sets = append(sets, rs)
	}
	for _, set := range sets {
		checkClass(t, set, rng)
	}
}

// checkClass checks the translation of the rune set pairs.
func checkClass(t *testing.T, pairs []rune, rng *rand.Rand) {
	f := classFrag(pairs)
	re := regexp.MustCompile(`\A(?:` + f.text + `)\z`)
	in := func(r rune) bool {
		for i := 0; i < len(pairs); i += 2 {
			if pairs[i] <= r && r <= pairs[i+1] {
				return true
			}
		}
		return false
	}
	var probe []rune
	for r := rune(0); r < 0x3000; r++ {
		probe = append(probe, r)
	}
	for _, p := range pairs {
		probe = append(probe, p-1, p, p+1)
	}
	for range 3000 {
		probe = append(probe, rng.Int32N(unicode.MaxRune+1))
	}
	failures := 0
	for _, r := range probe {
		if r < 0 || r > unicode.MaxRune || !utf8.ValidRune(r) {
			continue
		}
		text, _ := latin1(utf8.AppendRune(nil, r))
		if got, want := re.MatchString(text), in(r); got != want {
			t.Errorf("class %s: rune %U matched=%v, want %v", short(f.text), r, got, want)
			if failures++; failures > 5 {
				return
			}
		}
	}
	text, _ := latin1([]byte{0xFF})
	if got, want := re.MatchString(text), in(utf8.RuneError); got != want {
		t.Errorf("class %s: byte 0xFF matched=%v, want %v", short(f.text), got, want)
	}
	// A character never starts with a continuation byte.
	for c := 0x80; c <= 0xBF; c++ {
		text, _ := latin1([]byte{byte(c), 0x80, 0x80, 0x80})
		if loc := regexp.MustCompile(`\A(?:` + f.text + `)`).FindStringIndex(text); loc != nil {
			t.Errorf("class %s matches at continuation byte %#x", short(f.text), c)
		}
	}
}

// short abbreviates long pattern text in messages.
func short(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// TestSequencesDisjoint checks the property the trie relies on: at the first
// position where two sequences of a normalized set differ, their byte ranges
// are disjoint; and the sequences are in ascending order.
func TestSequencesDisjoint(t *testing.T) {
	re, _ := syntax.Parse(`[\pL\pN\x{D000}-\x{E100}]`, syntax.Perl)
	var seqs [][]byteRange
	for _, r := range normalizeRanges(re.Rune) {
		seqs = appendSequences(seqs, r.lo, r.hi)
	}
	for i := 1; i < len(seqs); i++ {
		a, b := seqs[i-1], seqs[i]
		if len(a) != len(b) {
			if a[0].hi >= b[0].lo {
				t.Fatalf("sequences %v and %v overlap", a, b)
			}
			continue
		}
		k := 0
		for k < len(a) && a[k] == b[k] {
			k++
		}
		if k == len(a) || a[k].hi >= b[k].lo {
			t.Fatalf("sequences %v and %v are not ordered and disjoint", a, b)
		}
	}
}
