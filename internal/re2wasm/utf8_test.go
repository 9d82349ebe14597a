package re2wasm

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/re2wasm/regexp/internal/re2syntax"
)

// RE2 in UTF-8 mode on re2syntax.TranslateUTF8, against the standard
// library on the original pattern, over valid UTF-8 texts: every match and
// submatch (MatchAll), the leftmost one with and without groups (Match),
// leftmost-first and leftmost-longest. This is where RE2's own reading of
// the translation is proved; re2syntax's tests prove the translation with
// Go reading it.

// translation makes RE2 pattern text from a parsed pattern (expandRepeats
// as in re2syntax.Translate).
type translation func(re *syntax.Regexp, expandRepeats bool) string

// utf8Flags are the flags a UTF-8 mode program of re needs: CheckCharStart
// when \B can hold between the bytes of a character.
func utf8Flags(re *syntax.Regexp, longest bool) Flags {
	var flags Flags
	if longest {
		flags |= Longest
	}
	if hasNoWordBoundary(re) {
		flags |= CheckCharStart
	}
	return flags
}

func hasNoWordBoundary(re *syntax.Regexp) bool {
	return re.Op == syntax.OpNoWordBoundary || slices.ContainsFunc(re.Sub, hasNoWordBoundary)
}

// errNotCompared marks a pattern the comparison leaves out: Go rejects it,
// or it holds a literal surrogate (which Go's one-pass matcher can match
// as U+FFFD; the root package hands those to Go).
var errNotCompared = errors.New("not compared")

// utf8Program compiles pattern in UTF-8 mode the way the root package
// does: counted repetitions spelled out when RE2 refuses them nested, a
// larger memory budget when the program needs it. flagsMask clears flags
// (a test of the test drops CheckCharStart).
func utf8Program(pattern string, translate translation, longest bool, flagsMask Flags) (*Regexp, *regexp.Regexp, error) {
	parsed, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, nil, errNotCompared
	}
	std, err := regexp.Compile(pattern)
	if err != nil || hasSurrogateLiteral(parsed) {
		return nil, nil, errNotCompared
	}
	if longest {
		std.Longest()
	}
	flags := utf8Flags(parsed, longest) &^ flagsMask
	var prog *Regexp
	for _, expand := range []bool{false, true} {
		text := translate(parsed, expand)
		for _, budget := range []int64{0, 64 << 20, 512 << 20} {
			prog, err = Compile(text, flags, budget)
			var e *Error
			if !errors.As(err, &e) || e.Code != ErrPatternTooLarge {
				break
			}
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != ErrRepeatSize {
			break
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%q: %w", pattern, err)
	}
	if prog.NumGroups() != std.NumSubexp() {
		return nil, nil, fmt.Errorf("%q: RE2 counts %d groups, Go %d", pattern, prog.NumGroups(), std.NumSubexp())
	}
	return prog, std, nil
}

func hasSurrogateLiteral(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && slices.ContainsFunc(re.Rune, func(r rune) bool { return !utf8.ValidRune(r) }) {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasSurrogateLiteral)
}

// compareUTF8 compares RE2 on the translation of pattern with Go on
// pattern over texts, in both matching modes. The texts must be valid
// UTF-8 unless anyText is set.
func compareUTF8(pattern string, translate translation, flagsMask Flags, texts []string, anyText bool) error {
	for _, longest := range []bool{false, true} {
		prog, std, err := utf8Program(pattern, translate, longest, flagsMask)
		if err != nil {
			return err
		}
		ngroups := prog.NumGroups() + 1
		for _, text := range texts {
			if !anyText && !utf8.ValidString(text) {
				panic(fmt.Sprintf("compareUTF8: text %q is not valid UTF-8", text))
			}
			fail := func(method string, got, want any) error {
				return fmt.Errorf("%q (longest %v) %s on %q (-std +re2):\n%s", pattern, longest, method, text, cmp.Diff(want, got))
			}
			var all [][]int
			err := MatchAll(context.Background(), prog, text, 0, ngroups, -1, func(m []int) bool {
				all = append(all, slices.Clone(m))
				return true
			})
			if err != nil {
				return err
			}
			if want := std.FindAllStringSubmatchIndex(text, -1); !cmp.Equal(all, want) {
				return fail("MatchAll", all, want)
			}
			offsets := make([]int, 2*ngroups)
			ok, err := Match(context.Background(), prog, []byte(text), 0, len([]byte(text)), offsets)
			if err != nil {
				return err
			}
			var got []int
			if ok {
				got = offsets
			}
			if want := std.FindStringSubmatchIndex(text); !cmp.Equal(got, want) {
				return fail("Match", got, want)
			}
			ok, err = Match(context.Background(), prog, text, 0, len(text), nil)
			if err != nil {
				return err
			}
			if want := std.MatchString(text); ok != want {
				return fail("Match without groups", ok, want)
			}
		}
	}
	return nil
}

// utf8Corners are the semantic corners of UTF-8 mode: edge code points,
// classes across the surrogates, negations, U+FFFD, folding orbits whose
// members differ in length, \B between the bytes of a character, empty
// matches before multibyte characters, nested counted repetitions that RE2
// refuses as such, big Unicode classes.
var utf8Corners = []string{
	``, `a`, `é`, `日本`, `\x{7f}\x{80}`, `[\x{7f}\x{80}]+`, `\x{7ff}|\x{800}`,
	`[\x{ffff}\x{10000}]`, `\x{10ffff}+`, `[^\x{10ffff}]+`, `[\x{d7ff}\x{e000}]+`,
	`[\x{d7ff}-\x{e000}]`, `[^\x{d7ff}-\x{e000}]+`, `[\x00-\x{d7ff}\x{e000}-\x{10ffff}]+`,
	`[^\x00-\x{d7ff}]`, `[\x{e000}-\x{10ffff}]+`, `[\x{10000}-\x{10ffff}]`,
	`\x{fffd}`, `[^\x{fffd}]+`, "\uFFFD+", `[\x{d800}-\x{dfff}]`, `a|[\x{d800}-\x{dfff}]b`,
	`[^\x00-\x{10FFFF}]`, `a[^\x00-\x{10FFFF}]*b`,
	`.`, `(?s).`, `.*`, `(?s).*`, `.+?`, `[^\n]+`, `[^a]+`, `(.)(.)`, `^.$`,
	`(?i)k`, `(?i)K+`, `(?i)\x{212a}`, `(?i)s`, `(?i)ſ+`, `(?i)straße`, `(?i)σ+`,
	`(?i)ǅ`, `(?i)µ`, `(?i)ш+`, `(?i)ᲈ`, `(?i)[ш]`, `(?i)θ`, `(?i)ϑ`, `(?i)Ω`,
	`(?i)Å`, `(?i)шерлок холмс`, `(?i)[^k]+`, `(?i)[k-s]+`, `(?i)ß+`,
	`\b`, `\B`, `\B.`, `.\B.`, `\B\x{fffd}`, `(?:\B|é)+`, `\B$`, `^\B`, `x*\B`,
	`\b\w+\b`, `\Bo\B`, `a*`, `(|a)+`, `(?:)`, `(a*)+`, `^`, `$`, `(?m)^`,
	`(?m)$`, `(?m)^.*$`, `\A`, `\z`,
	`\pL`, `\pL+`, `\PL+`, `\p{Greek}+`, `[^\p{Han}]+`, `[\pL\pN]+`, `(\pL)(\PL)`,
	`\w+`, `\W+`, `\d\D\s\S`, `[[:alpha:]]+`, `(\pL+)\s(\pL+)`,
	`(?:(?:\pL{2}){20}){30}`, `(?:(?:a{10}){10}){11}`, `(é){2,3}`, `é{2,}?`,
	`(a|ab)(c|bcd)(d*)`, `(?:(a)|b)+`, `(k|\x{212a})+`, `éa|èb`, `日本|日月|中文`,
	`😀a|😁b`, `\x{10ffff}a|\x{10fffe}b`, `Шерлок Холмс|Джон Уотсон|Ирен Адлер`,
	`\x{d800}|a`,
}

// utf8Texts are valid texts with characters of each UTF-8 length, case
// partners, the edge code points, newlines and runs of word characters.
var utf8Texts = []string{
	"", "a", "abc", "aaa", "ab\ncd\n", "x y_z", "kK\u212a", "sSſ", "straße STRASSE STRAẞE",
	"ǄǅǆDž", "σςΣ", "αβγ ΑΒΓ", "é", "eé", "éa èb", "日本語", "😀😁", "😁b", "\uFFFD", "a\uFFFDb",
	"\u007f\u0080", "\u07ff\u0800", "\uffff\U00010000", "\U0010FFFF", "\U0010FFFEb", "\ud7ff\ue000",
	"µΜμ", "ß ẞ ss", "θϑΘ ωΩΩ åÅÅ", "шШᲈ", "Шерлок Холмс и ШЕРЛОК ХОЛМС", "Ирен Адлер",
	"日月 中文 日本", "a\nb", "\n", "éé é", " é ", "xé", "oo", "foo bar", "aaa bbb",
}

// utf8Fragments are glued into random valid texts.
var utf8Fragments = []string{
	"a", "b", "k", "K", "s", "ſ", "\u212a", "é", "è", "日", "😀", "\n", " ",
	"_", "1", "\uFFFD", "σ", "ς", "Σ", "ß", "ш", "Ш", "ᲈ", "\u0080", "\u07ff",
	"\u0800", "\uffff", "\U00010000", "\U0010FFFF", "ab", "x", "Ω", "ω",
}

// randomUTF8Texts returns n random concatenations of utf8Fragments.
func randomUTF8Texts(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		for range rng.IntN(10) {
			sb.WriteString(utf8Fragments[rng.IntN(len(utf8Fragments))])
		}
		out[i] = sb.String()
	}
	return out
}

// utf8Atoms are the leaves of randomUTF8Pattern.
var utf8Atoms = []string{
	`a`, `b`, `é`, `日`, `😀`, "\uFFFD", `.`, `(?s:.)`, `[^a]`, `[aé]`, `\pL`,
	`\p{Greek}`, `\PL`, `(?i:k)`, `(?i:s)`, `(?i:σ)`, `(?i:ш)`, `\w`, `\W`, `\s`,
	`^`, `$`, `(?m:^)`, `(?m:$)`, `\A`, `\z`, `\b`, `\B`, `(?:)`, `\n`, `[^\n]`,
	`[\x{80}-\x{10FFFF}]`, `[^\x{FFFD}]`, `\x{10FFFF}`, `[\x{d7ff}\x{e000}]`,
	`[^\x{7f}-\x{800}]`, `шерлок`, `(?i:холмс)`,
}

// randomUTF8Pattern builds a random pattern of the given depth.
func randomUTF8Pattern(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.IntN(4) == 0 {
		return utf8Atoms[rng.IntN(len(utf8Atoms))]
	}
	sub := func() string { return randomUTF8Pattern(rng, depth-1) }
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

// TestUTF8Differential compares RE2 in UTF-8 mode with Go on the corners
// and on random patterns, over valid texts.
func TestUTF8Differential(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	texts := append(slices.Clone(utf8Texts), randomUTF8Texts(rng, 40)...)
	patterns := slices.Clone(utf8Corners)
	n := 600
	if testing.Short() || raceEnabled {
		n = 60
	}
	for range n {
		patterns = append(patterns, randomUTF8Pattern(rng, 4))
	}
	compared := 0
	for _, p := range patterns {
		err := compareUTF8(p, re2syntax.TranslateUTF8, 0, texts, false)
		if errors.Is(err, errNotCompared) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		compared++
	}
	t.Logf("%d patterns compared on %d texts, leftmost-first and leftmost-longest", compared, len(texts))
}

// TestUTF8DifferentialCatchesMutants shows that TestUTF8Differential can
// fail: each deliberately broken translation (or missing flag) must be
// caught on its patterns and texts.
func TestUTF8DifferentialCatchesMutants(t *testing.T) {
	tree := func(edit func(re *syntax.Regexp)) translation {
		return func(re *syntax.Regexp, expand bool) string {
			var walk func(re *syntax.Regexp)
			walk = func(re *syntax.Regexp) {
				edit(re)
				for _, sub := range re.Sub {
					walk(sub)
				}
			}
			walk(re)
			return re2syntax.TranslateUTF8(re, expand)
		}
	}
	text := func(old, new string) translation {
		return func(re *syntax.Regexp, expand bool) string {
			return strings.ReplaceAll(re2syntax.TranslateUTF8(re, expand), old, new)
		}
	}
	mutants := []struct {
		name      string
		translate translation
		flagsMask Flags
	}{
		{"the Latin-1 translation in UTF-8 mode", re2syntax.Translate, 0},
		{"no case folding of literals", tree(func(re *syntax.Regexp) {
			if re.Op == syntax.OpLiteral {
				re.Flags &^= syntax.FoldCase
			}
		}), 0},
		{"the Kelvin sign left out of k's orbit", text(`\x{212a}`, ``), 0},
		{"the last code point of each class range left out", tree(func(re *syntax.Regexp) {
			if re.Op == syntax.OpCharClass {
				for i := 1; i < len(re.Rune); i += 2 {
					if re.Rune[i] > re.Rune[i-1] {
						re.Rune[i]--
					}
				}
			}
		}), 0},
		{". matching a newline", text(`[^\x0a]`, `(?s:.)`), 0},
		{"non-greedy operators made greedy", tree(func(re *syntax.Regexp) { re.Flags &^= syntax.NonGreedy }), 0},
		{"no move of empty matches found inside a character", re2syntax.TranslateUTF8, CheckCharStart},
	}
	rng := rand.New(rand.NewPCG(23, 24))
	texts := append(slices.Clone(utf8Texts), randomUTF8Texts(rng, 40)...)
	for _, m := range mutants {
		caught := ""
		for _, p := range utf8Corners {
			err := compareUTF8(p, m.translate, m.flagsMask, texts, false)
			if err != nil && !errors.Is(err, errNotCompared) {
				caught = p
				break
			}
		}
		if caught == "" {
			t.Errorf("mutant %q: not caught", m.name)
			continue
		}
		t.Logf("mutant %q: caught on %q", m.name, caught)
	}
}

// invalidFragments are byte strings that Go decodes as U+FFFD, one per
// byte: stray continuation bytes, truncated sequences, overlong encodings,
// encoded surrogates, code points above U+10FFFF, 0xFF.
var invalidFragments = []string{
	"\xff", "\x80", "\xbf", "\xa9", "\xc3", "\xe4\xb8", "\xf0\x9f\x98", "\xed\xa0\x80",
	"\xed\xbf\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf",
	"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xd0",
}

// invalidTexts returns n random concatenations of utf8Fragments and
// invalidFragments, each with at least one invalid fragment.
func invalidTexts(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		var sb strings.Builder
		for j := range 1 + rng.IntN(10) {
			if j == 0 || rng.IntN(3) == 0 {
				sb.WriteString(invalidFragments[rng.IntN(len(invalidFragments))])
			} else {
				sb.WriteString(utf8Fragments[rng.IntN(len(utf8Fragments))])
			}
		}
		out[i] = sb.String()
	}
	return out
}

// TestUTF8ExactOnInvalidText: a pattern for which re2syntax.NeedsValidUTF8
// is false matches in RE2's UTF-8 mode exactly as Go does on texts that are
// not valid UTF-8 too, copied as they are.
func TestUTF8ExactOnInvalidText(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	texts := append(slices.Clone(utf8Texts), invalidTexts(rng, 80)...)
	patterns := slices.Clone(utf8Corners)
	n := 2000
	if testing.Short() || raceEnabled {
		n = 200
	}
	for range n {
		patterns = append(patterns, randomUTF8Pattern(rng, 4))
	}
	compared := 0
	for _, p := range patterns {
		parsed, err := syntax.Parse(p, syntax.Perl)
		if err != nil || re2syntax.NeedsValidUTF8(parsed) {
			continue
		}
		err = compareUTF8(p, re2syntax.TranslateUTF8, 0, texts, true)
		if errors.Is(err, errNotCompared) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		compared++
	}
	t.Logf("%d patterns compared on %d texts (%d invalid)", compared, len(texts), len(texts)-len(utf8Texts))
	if compared < n/6 {
		t.Errorf("only %d patterns compared", compared)
	}
	// The test of the test: every pattern taken as exact on any text. The
	// patterns that need valid text must show a difference.
	caught := 0
	for _, p := range []string{`.`, `[^a]`, "\uFFFD", `\B`, `\PL+`, `(?s).+`, `[^\p{Han}]`} {
		if err := compareUTF8(p, re2syntax.TranslateUTF8, 0, texts, true); err != nil && !errors.Is(err, errNotCompared) {
			caught++
		} else {
			t.Errorf("%q on invalid texts: no difference found", p)
		}
	}
	t.Logf("%d patterns that need valid text differ on invalid ones", caught)
	// And a class without U+FFFD written loosely: its surrogates bridged
	// over, it takes an encoded surrogate for one character.
	bridged := func(re *syntax.Regexp, expand bool) string {
		return strings.ReplaceAll(re2syntax.TranslateUTF8(re, expand), `\x{d7ff}\x{e000}`, `\x{d7ff}-\x{e000}`)
	}
	if err := compareUTF8(`[\x{d7ff}\x{e000}]+`, bridged, 0, texts, true); err == nil {
		t.Errorf("a class with its surrogates bridged over: no difference found on invalid texts")
	}
}

// FuzzUTF8Mode compares RE2 in UTF-8 mode with Go on random patterns and
// texts: on the text made valid UTF-8 (each invalid sequence becomes
// U+FFFD), and on the text as it is when the pattern does not need valid
// UTF-8.
func FuzzUTF8Mode(f *testing.F) {
	for i, p := range utf8Corners {
		f.Add(p, utf8Texts[i%len(utf8Texts)])
		f.Add(p, invalidFragments[i%len(invalidFragments)]+utf8Texts[i%len(utf8Texts)])
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		if len(pattern) > 200 || len(text) > 500 {
			return
		}
		texts := []string{strings.ToValidUTF8(text, "\uFFFD")}
		anyText := false
		if parsed, err := syntax.Parse(pattern, syntax.Perl); err == nil {
			// Seconds to compile (\pL repeated hundreds of times) would
			// pass for a hang.
			if len(re2syntax.TranslateUTF8(parsed, true)) > 200<<10 {
				t.Skip("too large")
			}
			if !re2syntax.NeedsValidUTF8(parsed) {
				texts, anyText = append(texts, text), true
			}
		}
		err := compareUTF8(pattern, re2syntax.TranslateUTF8, 0, texts, anyText)
		if errors.Is(err, errNotCompared) {
			t.Skip()
		}
		var e *Error
		if errors.As(err, &e) && e.Code == ErrPatternTooLarge {
			t.Skip(err) // Go's limits are not RE2's
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}
