package re2syntax

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The tests of TranslateUTF8. Its pattern text uses only syntax that RE2
// and Go read alike (runes escaped as \xHH and \x{H}, bracketed classes of
// them, (?s:.), \A, \z, (?m:^), (?m:$), \b, \B, groups and repetitions),
// so Go's regexp compiling the translation stands in for RE2 in UTF-8 mode
// here, on valid UTF-8 texts, where RE2 runs its byte program over the
// same characters. internal/re2wasm's TestUTF8Differential runs the same
// comparison with RE2 itself.

// validInputFragments are glued together into valid UTF-8 inputs: case
// partners, characters of each UTF-8 length around the edges of the
// encoding lengths and of the surrogates, U+FFFD, newlines.
var validInputFragments = []string{
	"a", "b", "c", "k", "K", "s", "S", "ſ", "\u212a", "é", "É", "日", "😀",
	"\n", " ", "_", "1", "\uFFFD", "ab", "x", "σ", "ς", "Σ", "ß", "ẞ", "µ",
	"ш", "Ш", "ᲈ", "\u007f", "\u0080", "\u07ff", "\u0800", "\ud7ff",
	"\ue000", "\uffff", "\U00010000", "\U0010FFFF", "ǅ", "Ǆ", "ǆ",
}

// validInputs returns the valid inputs of testInputs plus n random
// concatenations of validInputFragments.
func validInputs(n int) [][]byte {
	var out [][]byte
	for _, s := range testInputs {
		if utf8.ValidString(s) {
			out = append(out, []byte(s))
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range n {
		var b []byte
		for range rng.IntN(9) {
			b = append(b, validInputFragments[rng.IntN(len(validInputFragments))]...)
		}
		out = append(out, b)
	}
	return out
}

// utf8Pair is a pattern compiled by Go and its UTF-8 translation compiled
// by Go.
type utf8Pair struct {
	pattern, translated string
	oracle, emu         *regexp.Regexp
}

// prepareUTF8 translates pattern with translate (TranslateUTF8 or a
// deliberately broken one) and compiles both sides. It returns errSkip for
// a pattern the comparison does not cover: one Go rejects, one whose
// translation is too big for Go, and one with an anchored literal
// surrogate, which Go's one-pass matcher matches as U+FFFD (the root
// package hands such patterns to Go).
func prepareUTF8(pattern string, translate func(*syntax.Regexp, bool) string, expand, longest bool) (*utf8Pair, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, errSkip
	}
	oracle, err := regexp.Compile(pattern)
	if err != nil {
		return nil, errSkip
	}
	if hasSurrogateLiteral(re) {
		return nil, errSkip
	}
	tr := translate(re, expand)
	if len(tr) > 100000 {
		return nil, errSkip
	}
	emu, err := regexp.Compile(tr)
	if err != nil {
		var serr *syntax.Error
		if errors.As(err, &serr) && (serr.Code == syntax.ErrLarge || serr.Code == syntax.ErrNestingDepth) {
			return nil, errors.Join(errSkip, err)
		}
		return nil, fmt.Errorf("translation of %q does not compile: %w\n%s", pattern, err, tr)
	}
	if oracle.NumSubexp() != emu.NumSubexp() {
		return nil, fmt.Errorf("translation of %q has %d groups, want %d\n%s", pattern, emu.NumSubexp(), oracle.NumSubexp(), tr)
	}
	if !isASCII(tr) {
		return nil, fmt.Errorf("translation of %q is not ASCII: %s", pattern, tr)
	}
	if longest {
		oracle.Longest()
		emu.Longest()
	}
	return &utf8Pair{pattern, tr, oracle, emu}, nil
}

// hasSurrogateLiteral reports whether a literal of re holds a code point
// that decoding never yields.
func hasSurrogateLiteral(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && slices.ContainsFunc(re.Rune, func(r rune) bool { return !utf8.ValidRune(r) }) {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasSurrogateLiteral)
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// check compares every match and submatch of both sides on input, which
// must be valid UTF-8.
func (p *utf8Pair) check(input []byte) error {
	want := p.oracle.FindAllSubmatchIndex(input, -1)
	got := p.emu.FindAllSubmatchIndex(input, -1)
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("pattern %q input %q:\n got %v\nwant %v\ntranslation: %s", p.pattern, input, got, want, short(p.translated))
	}
	return nil
}

// differentialUTF8 compares pattern on every input in every mode. It
// returns errSkip (wrapped) for a pattern the comparison does not cover.
func differentialUTF8(pattern string, translate func(*syntax.Regexp, bool) string, inputs [][]byte) error {
	for _, m := range modes {
		p, err := prepareUTF8(pattern, translate, m.expand, m.longest)
		if err != nil {
			return err
		}
		for _, in := range inputs {
			if err := p.check(in); err != nil {
				return fmt.Errorf("%s: %w", m, err)
			}
		}
	}
	return nil
}

// TestDifferentialUTF8 compares Go on every test pattern with Go on its
// UTF-8 translation, on valid inputs, in every mode.
func TestDifferentialUTF8(t *testing.T) {
	inputs := validInputs(200)
	compared := 0
	for _, p := range append(slices.Clone(testPatterns), utf8Patterns...) {
		err := differentialUTF8(p, TranslateUTF8, inputs)
		switch {
		case errors.Is(err, errSkip):
		case err != nil:
			t.Error(err)
		default:
			compared++
		}
	}
	t.Logf("%d patterns compared on %d inputs in %d modes", compared, len(inputs), len(modes))
}

// utf8Patterns are the corners of UTF-8 mode beyond testPatterns: edge
// code points of the encoding lengths and of the surrogates, classes that
// span the surrogates, negations, folding orbits of three and more whose
// members have different lengths, \B between the bytes of a character.
var utf8Patterns = []string{
	`\x{7f}\x{80}`, `[\x{7f}\x{80}]+`, `\x{7ff}|\x{800}`, `[\x{ffff}\x{10000}]`,
	`\x{10ffff}+`, `[^\x{10ffff}]+`, `[\x{d7ff}\x{e000}]+`, `[\x{d7ff}-\x{e000}]`,
	`[^\x{d7ff}-\x{e000}]+`, `[\x00-\x{d7ff}\x{e000}-\x{10ffff}]+`,
	`[^\x00-\x{d7ff}]`, `[\x{e000}-\x{10ffff}]+`, `\x{fffd}`, `[^\x{fffd}]+`,
	`(?i)ш+`, `(?i)ᲈ`, `(?i)[ш]`, `(?i)ǆ+`, `(?i)θ`, `(?i)ϑ`, `(?i)ω`,
	`(?i)Ω`, `(?i)å`, `(?i)Å`, `(?i)ﬀ`, `(?i)ι`, `(?i)ͅ`, `(?i)шерлок холмс`,
	`\B.`, `.\B.`, `\B\x{fffd}`, `(?:\B|é)+`, `\B$`, `^\B`, `\pL+`,
	`[^\p{Han}]+`, `\p{Greek}+`, `\PL+`, `[\pL\pN]+`, `(?s).`, `(?s:.)+?\n`,
	`[^\n]+`, `[^a-z\x{e9}]`, `(\pL)(\PL)`, `(?i)[^k]`, `(?i)[k-s]+`,
	`\x{fffd}|\x{fffe}|\x{ffff}`, `(?:\x{10000}|\x{10ffff}){2}`,
	`(?:[\x{80}-\x{7ff}]|[\x{800}-\x{ffff}])+`, `\x{d800}|a`, `a|\x{dfff}b`,
}

// TestRandomPatternsUTF8 is TestDifferentialUTF8 on random patterns.
func TestRandomPatternsUTF8(t *testing.T) {
	n := 3000
	if testing.Short() || raceEnabled {
		n = 300
	}
	rng := rand.New(rand.NewPCG(9, 10))
	inputs := validInputs(60)
	for range n {
		p := randomPattern(rng, 4)
		if err := differentialUTF8(p, TranslateUTF8, inputs); err != nil && !errors.Is(err, errSkip) {
			t.Fatal(err)
		}
	}
}

// TestClassExactUTF8 checks that the class text for a rune set holds
// exactly the set's code points, surrogates aside: Go parses the text (as
// RE2 does, for this syntax) and its ranges, surrogates dropped, must be
// the set's. Every Unicode table and script Go has, their negations and
// random sets are tried.
func TestClassExactUTF8(t *testing.T) {
	sets := [][]rune{
		{0, unicode.MaxRune}, {0, 9, 11, unicode.MaxRune}, {0xD7FF, 0xE000},
		{0, 0xD7FF}, {0xE000, unicode.MaxRune}, {0xD800, 0xDFFF}, {}, {'a', 'a'},
		{0xFFFD, 0xFFFD}, {0x80, 0x10FFFF}, {0x7FF, 0x800}, {0xFFFF, 0x10000},
		{-5, 3, 0x10FFF0, unicode.MaxRune + 9}, {'z', 'z', 'a', 'c', 'b', 'y'},
	}
	var names []string
	for name := range unicode.Categories {
		names = append(names, `\p{`+name+`}`, `\P{`+name+`}`)
	}
	for name := range unicode.Scripts {
		names = append(names, `\p{`+name+`}`, `[^\p{`+name+`}a]`)
	}
	slices.Sort(names)
	for _, name := range names {
		re, err := syntax.Parse(name, syntax.Perl)
		if err != nil {
			continue // a table that Go's parser does not name
		}
		if re.Op == syntax.OpCharClass {
			sets = append(sets, re.Rune)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 100 {
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
		text := runeClassFrag(set).text
		got, err := classRanges(text)
		if err != nil {
			t.Fatalf("class %s: %v", short(text), err)
		}
		if want := normalizeRanges(set); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("class %s holds %v, want %v", short(text), short(fmt.Sprint(got)), short(fmt.Sprint(want)))
		}
		// Without U+FFFD, the class must be exact: no surrogate either.
		if !containsRune(got, utf8.RuneError) {
			re, err := syntax.Parse(text, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			if re.Op == syntax.OpCharClass && classHasSurrogate(re.Rune) {
				t.Errorf("class %s holds surrogates, not U+FFFD", short(text))
			}
		}
	}
	t.Logf("%d sets checked", len(sets))
}

// classHasSurrogate reports whether the (lo, hi) pairs hold a surrogate.
func classHasSurrogate(pairs []rune) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] <= surrogateMax && pairs[i+1] >= surrogateMin {
			return true
		}
	}
	return false
}

// TestNeedsValidUTF8 checks which patterns' UTF-8 translations are exact
// on any text (internal/re2wasm's TestUTF8ExactOnInvalidText proves those
// with RE2).
func TestNeedsValidUTF8(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		want    bool
	}{
		{`abc`, false}, {`\pL+`, false}, {`\p{Greek}+`, false}, {`(?i)шерлок холмс`, false},
		{`[\x{d7ff}-\x{e000}]`, false}, {`\b\w+\b`, false}, {`(?m)^é$`, false}, {`[^\x00-\x{10ffff}]`, false},
		{`\PL`, true}, {`[^\p{Han}]+`, true}, {`.`, true}, {`(?s).`, true}, {`[^a]`, true},
		{"\uFFFD", true}, {`a|b\x{fffd}`, true}, {`[\x{fffd}]`, true}, {`\B`, true}, {`x\Bé`, true},
		{`[\x{fff0}-\x{ffff}]`, true}, {`\W`, true}, {`\S`, true}, {`\D`, true},
	} {
		re, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := NeedsValidUTF8(re); got != tt.want {
			t.Errorf("NeedsValidUTF8(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// classRanges parses class text and returns its code points as normalized
// ranges (surrogates dropped).
func classRanges(text string) ([]runeRange, error) {
	re, err := syntax.Parse(text, syntax.Perl)
	if err != nil {
		return nil, err
	}
	switch re.Op {
	case syntax.OpCharClass:
		return normalizeRanges(re.Rune), nil
	case syntax.OpLiteral:
		if len(re.Rune) == 1 && re.Flags&syntax.FoldCase == 0 {
			return normalizeRanges([]rune{re.Rune[0], re.Rune[0]}), nil
		}
		if len(re.Rune) == 1 {
			// Go's parser reads a class of two runes that fold to each
			// other, [Aa] or [\xc0\xe0], as a folded literal.
			return normalizeRanges(foldOrbit(re.Rune[0])), nil
		}
	case syntax.OpAnyChar:
		return normalizeRanges([]rune{0, unicode.MaxRune}), nil
	case syntax.OpAnyCharNotNL:
		return normalizeRanges([]rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}), nil
	}
	return nil, fmt.Errorf("parses to %v, not a class", re.Op)
}

// TestFoldLiteralsUTF8 checks that a case-folded literal rune becomes
// exactly its orbit under unicode.SimpleFold, for every rune that has case
// variants.
func TestFoldLiteralsUTF8(t *testing.T) {
	checked := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		orbit := foldOrbit(r)
		if len(orbit) == 2 || !utf8.ValidRune(r) {
			continue
		}
		text := runeLiteralFrag([]rune{r}, true).text
		got, err := classRanges(text)
		if err != nil {
			t.Fatalf("(?i)%U: %s: %v", r, text, err)
		}
		if want := normalizeRanges(orbit); !reflect.DeepEqual(got, want) {
			t.Errorf("(?i)%U: %s holds %v, want %v", r, text, got, want)
		}
		checked++
	}
	t.Logf("%d folded literals checked", checked)
}

// TestShapeUTF8 checks the exact text of some translations.
func TestShapeUTF8(t *testing.T) {
	tests := []struct {
		pattern string
		expand  bool
		want    string
	}{
		{`abc`, false, `abc`},
		{`a.b-c`, false, `a[^\x0a]b\x2dc`},
		{`(?s).`, false, `(?s:.)`},
		{`é+`, false, `\xe9+`},
		{`日本`, false, `\x{65e5}\x{672c}`},
		{`(?:日本)+`, false, `(?:\x{65e5}\x{672c})+`},
		{`[0-9A-Z_a-z]`, false, `[0-9A-Z\x5fa-z]`},
		{`[^a]`, false, `[^a]`},
		{`(?i)k`, false, `[Kk\x{212a}]`},
		{`(?i)ka`, false, `[Kk\x{212a}][Aa]`},
		{`(?i)1a`, false, `1[Aa]`},
		{"\uFFFD", false, `\x{fffd}`},
		{`[\x{d7ff}\x{e000}]`, false, `[\x{d7ff}\x{e000}]`},
		{`[\x{d7ff}-\x{e000}]`, false, `[\x{d7ff}\x{e000}]`},
		{`[\x{d7ff}\x{e000}\x{fffd}]`, false, `[\x{d7ff}-\x{e000}\x{fffd}]`},
		{`[\x00-\x{d7ff}\x{e000}-\x{fffc}\x{fffe}-\x{10fffe}]`, false, `[^\x{d800}-\x{dfff}\x{fffd}\x{10ffff}]`},
		{`[\x00-\x{d7ff}\x{e000}-\x{10ffff}]`, false, `(?s:.)`},
		{`[^\x{10ffff}]`, false, `[^\x{10ffff}]`},
		{`[\x{10000}-\x{10ffff}]`, false, `[^\x00-\x{ffff}]`},
		{`[\x{10000}-\x{10fffe}]`, false, `[\x{10000}-\x{10fffe}]`},
		{`[^\x00-\x{10FFFF}]`, false, noMatchUTF8},
		{`\x{D800}`, false, noMatchUTF8},
		{`a\x{D800}`, false, noMatchUTF8},
		{`[\x{D800}-\x{DFFF}]`, false, noMatchUTF8},
		{``, false, `(?:)`},
		{`^a$`, false, `\Aa\z`},
		{`(?m)^a$`, false, `(?m:^)a(?m:$)`},
		{`\bx\B`, false, `\bx\B`},
		{`(a)(?P<n>b)`, false, `(a)(b)`},
		{`\pL{2,3}`, true, `\pL\pL\pL?`},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		want := tt.want
		if strings.Contains(want, `\pL`) {
			letters, _ := syntax.Parse(`\pL`, syntax.Perl)
			want = strings.ReplaceAll(want, `\pL`, runeClassFrag(letters.Rune).text)
		}
		if got := TranslateUTF8(re, tt.expand); got != want {
			t.Errorf("TranslateUTF8(%q, %v) = %s, want %s", tt.pattern, tt.expand, short(got), short(want))
		}
	}
}

// TestTreesUTF8 translates syntax trees the parser does not produce, as
// TestTrees does for Latin-1.
func TestTreesUTF8(t *testing.T) {
	lit := func(s string, fold bool) *syntax.Regexp {
		re := &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune(s)}
		if fold {
			re.Flags = syntax.FoldCase
		}
		return re
	}
	op := func(op syntax.Op, subs ...*syntax.Regexp) *syntax.Regexp {
		return &syntax.Regexp{Op: op, Sub: subs}
	}
	noMatchRe := &syntax.Regexp{Op: syntax.OpNoMatch}
	class := &syntax.Regexp{Op: syntax.OpCharClass, Rune: []rune{'x', 'z', 'a', 'c', 'b', 'y', 0xD000, 0xE100, 0xFFFD, 0xFFFD}}
	fold := lit("kſé1", true)
	trees := []*syntax.Regexp{
		noMatchRe,
		op(syntax.OpConcat, lit("a", false), noMatchRe),
		op(syntax.OpAlternate, noMatchRe, lit("b", false)),
		op(syntax.OpStar, noMatchRe),
		op(syntax.OpConcat),
		op(syntax.OpPlus, class),
		op(syntax.OpConcat, fold, op(syntax.OpStar, fold)),
		op(syntax.OpAlternate, lit("a\U00012345", false), lit(string(rune(0xDABC)), false)),
		op(syntax.OpQuest, op(syntax.OpEmptyMatch)),
		op(syntax.OpConcat, lit("", false), lit("b", false)),
	}
	emptyAlt := op(syntax.OpConcat, lit("a", false), op(syntax.OpAlternate), lit("b", false))
	if got, want := TranslateUTF8(emptyAlt, false), "a"+noMatchUTF8+"b"; got != want {
		t.Errorf("empty alternation: got %s, want %s", got, want)
	}
	inputs := validInputs(100)
	for _, tree := range trees {
		oracle, err := regexp.Compile(tree.String())
		if err != nil {
			t.Fatalf("%v: %v", tree, err)
		}
		tr := TranslateUTF8(tree, false)
		emu, err := regexp.Compile(tr)
		if err != nil {
			t.Fatalf("%v: translation %s: %v", tree, tr, err)
		}
		p := &utf8Pair{tree.String(), tr, oracle, emu}
		for _, in := range inputs {
			if err := p.check(in); err != nil {
				t.Error(err)
				break
			}
		}
	}
}

// TestUTF8ShorterThanLatin1 logs the size of the two translations of big
// classes; UTF-8 mode's program is smaller even where its text is not.
func TestUTF8ShorterThanLatin1(t *testing.T) {
	for _, p := range []string{`\pL`, `\p{Greek}`, `[^\p{Han}]`, `\w`, `.`, `(?i)шерлок холмс`} {
		re, _ := syntax.Parse(p, syntax.Perl)
		t.Logf("%-18s Latin-1 %5d bytes, UTF-8 %5d bytes", p, len(Translate(re, false)), len(TranslateUTF8(re, false)))
	}
}

// FuzzTranslateUTF8 compares Go on (pattern, input) with Go on the UTF-8
// translation, in every mode; the input is made valid UTF-8 first (each
// invalid byte becomes U+FFFD).
func FuzzTranslateUTF8(f *testing.F) {
	seedInputs := []string{"", "aéb", "kK\u212a sſ", "ab\ncd\n", "é日本\U0010FFFF", "\uFFFD\ud7ff\ue000"}
	for i, p := range append(slices.Clone(testPatterns), utf8Patterns...) {
		f.Add(p, []byte(seedInputs[i%len(seedInputs)]))
	}
	f.Fuzz(func(t *testing.T, pattern string, input []byte) {
		if len(pattern) > 200 || len(input) > 300 {
			return
		}
		valid := []byte(strings.ToValidUTF8(string(input), "\uFFFD"))
		err := differentialUTF8(pattern, TranslateUTF8, [][]byte{valid})
		if errors.Is(err, errSkip) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}
