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
	"fmt"
	"math/rand/v2"
	"regexp/syntax"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/plan"
)

// scripts are groups of characters that share leading UTF-8 bytes, the
// space where RE2's prefix handling went wrong: words of one group, with
// different first characters, have a common first byte (or two or three).
var scripts = [][]rune{
	[]rune("éèêëàáâäçñöüßøåÉÈÀÜÖ"),                                                  // C3 xx
	[]rune("¡£¥§©®°±µ¶·¿\u0080\u00a0"),                                              // C2 xx
	[]rune("ſŁłœŒšŠž"),                                                              // C5 xx
	[]rune("абвгдежзиклмнопАБВГДЕЖЗИК"),                                             // D0 xx
	[]rune("рстуфхцчшщыьэюяёРСТУФХЦЧШЩЭЮЯЁ"),                                        // D1 and D0 xx
	[]rune("αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΣΩ"),                                       // CE, CF xx
	[]rune("あいうえおかきくけこさしすせそアイウエオカキ"),                                                // E3 81, E3 82 xx
	[]rune("日本語中文字人大小山川水火木金土"),                                                      // E4-E9 xx xx
	[]rune("€™…‐\u212a\u212b\u2126"),                                                // E2 xx xx
	[]rune("😀😁😂🙂🙃🎉🎊𝄞𝄢𐍈𐍉𠜎𠜱"),                                                         // F0 xx xx xx
	{0x80, 0x7ff, 0x800, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x10ffff, 0xd7ff, 0xe000}, // edges
	[]rune("abcxyzABKSks019 _-.,\n"),                                                // ASCII
}

// surrogates are code points Go accepts in a pattern that decoding never
// yields.
var surrogates = []rune{0xd800, 0xdbff, 0xdc00, 0xdfff}

// perlClasses and unicodeClasses are named classes of the Perl grammar.
var (
	perlClasses    = []string{`\d`, `\w`, `\s`, `\D`, `\W`, `\S`, `[[:alpha:]]`, `[[:^space:]]`, `[[:word:]]`, `[[:upper:]]`}
	unicodeClasses = []string{`\pL`, `\PL`, `\p{Greek}`, `\p{Cyrillic}`, `\p{Han}`, `\p{Hiragana}`, `\p{Lu}`, `\p{Ll}`, `\PN`, `\p{Latin}`, `\pS`, `\p{So}`}
)

// patternGen writes random patterns. In POSIX mode it keeps to the syntax
// CompilePOSIX accepts (no Perl classes, flags, non-greedy operators,
// \b or \pL).
type patternGen struct {
	r     *rand.Rand
	posix bool
	names int // named groups written so far
}

func (g *patternGen) pick(n int) int { return g.r.IntN(n) }

// chance is true with probability 1/n.
func (g *patternGen) chance(n int) bool { return g.r.IntN(n) == 0 }

func (g *patternGen) script() []rune { return scripts[g.pick(len(scripts))] }

// char writes one character of s as pattern text, sometimes as an escape.
func (g *patternGen) char(s []rune) string {
	r := s[g.pick(len(s))]
	if !g.posix && g.chance(8) {
		return fmt.Sprintf(`\x{%x}`, r)
	}
	if r < utf8.RuneSelf || r == 0xfffe || r == 0xffff {
		if r < utf8.RuneSelf && strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			return `\` + string(r)
		}
		if r == '\n' || r >= 0xfffe {
			return fmt.Sprintf(`\x{%x}`, r)
		}
	}
	return string(r)
}

// word writes 1-4 characters, mostly of script s and sometimes ASCII.
func (g *patternGen) word(s []rune) string {
	var sb strings.Builder
	for range 1 + g.pick(4) {
		if g.chance(5) {
			sb.WriteString(g.char(scripts[len(scripts)-1]))
		} else {
			sb.WriteString(g.char(s))
		}
	}
	return sb.String()
}

// alternation writes 2-6 branches, mostly words of one script, so that
// they begin with different characters sharing leading bytes.
func (g *patternGen) alternation(depth int) string {
	s := g.script()
	n := 2 + g.pick(5)
	parts := make([]string, n)
	for i := range parts {
		switch {
		case g.chance(4):
			parts[i] = g.expr(depth + 1)
		case g.chance(5):
			parts[i] = g.class(s) + g.word(s)
		default:
			parts[i] = g.word(s)
		}
	}
	return strings.Join(parts, "|")
}

// class writes a bracketed class of characters and ranges of script s.
func (g *patternGen) class(s []rune) string {
	var sb strings.Builder
	sb.WriteByte('[')
	if g.chance(3) {
		sb.WriteByte('^')
	}
	for range 1 + g.pick(4) {
		switch {
		case !g.posix && g.chance(6):
			sb.WriteString(unicodeClasses[g.pick(len(unicodeClasses))])
		case !g.posix && g.chance(8):
			sb.WriteString(perlClasses[g.pick(3)])
		case !g.posix && g.chance(12):
			sb.WriteString(fmt.Sprintf(`\x{%x}`, surrogates[g.pick(len(surrogates))]))
		case g.chance(3):
			lo, hi := s[g.pick(len(s))], s[g.pick(len(s))]
			if lo > hi {
				lo, hi = hi, lo
			}
			sb.WriteString(classChar(lo) + "-" + classChar(hi))
		default:
			sb.WriteString(classChar(s[g.pick(len(s))]))
		}
	}
	sb.WriteByte(']')
	return sb.String()
}

// classChar writes r for use inside brackets.
func classChar(r rune) string {
	if r < utf8.RuneSelf && !unicode.IsLetter(r) && !unicode.IsDigit(r) || r >= 0xfffe && r <= 0xffff {
		return fmt.Sprintf(`\x{%x}`, r)
	}
	return string(r)
}

// atom writes one operand of a repetition or concatenation.
func (g *patternGen) atom(depth int) string {
	s := g.script()
	switch g.pick(16) {
	case 0, 1, 2:
		return g.char(s)
	case 3, 4:
		return g.word(s)
	case 5, 6:
		return g.class(s)
	case 7:
		return "."
	case 8:
		if g.posix {
			return "[[:alpha:]]"
		}
		if g.chance(2) {
			return unicodeClasses[g.pick(len(unicodeClasses))]
		}
		return perlClasses[g.pick(len(perlClasses))]
	case 9:
		anchors := []string{"^", "$"}
		if !g.posix {
			anchors = append(anchors, `\A`, `\z`, `\b`, `\B`, `\b`, `\B`)
		}
		return anchors[g.pick(len(anchors))]
	case 10:
		if !g.posix {
			return fmt.Sprintf(`\x{%x}`, surrogates[g.pick(len(surrogates))])
		}
		return g.char(s)
	}
	if depth > 3 {
		return g.word(s)
	}
	inner := g.expr(depth + 1)
	switch {
	case g.posix || g.chance(2):
		return "(" + inner + ")"
	case !g.posix && g.chance(3):
		g.names++
		return fmt.Sprintf("(?P<n%d>%s)", g.names, inner)
	case !g.posix && g.chance(2):
		return "(?" + g.flags() + ":" + inner + ")"
	}
	return "(?:" + inner + ")"
}

// flags writes a non-empty set of flags.
func (g *patternGen) flags() string {
	all := "ismU"
	var sb strings.Builder
	for sb.Len() == 0 {
		for _, f := range all {
			if g.chance(3) {
				sb.WriteRune(f)
			}
		}
	}
	if g.chance(6) {
		sb.WriteString("-" + string(all[g.pick(len(all))]))
	}
	return sb.String()
}

// repeat writes a repetition operator, or nothing.
func (g *patternGen) repeat() string {
	var op string
	switch g.pick(10) {
	case 0:
		op = "*"
	case 1:
		op = "+"
	case 2:
		op = "?"
	case 3:
		op = "{" + strconv.Itoa(g.pick(4)) + "}"
	case 4:
		n := g.pick(3)
		op = "{" + strconv.Itoa(n) + "," + strconv.Itoa(n+g.pick(3)) + "}"
	case 5:
		op = "{" + strconv.Itoa(g.pick(3)) + ",}"
	default:
		return ""
	}
	if !g.posix && g.chance(3) {
		op += "?"
	}
	return op
}

// expr writes an alternation or a concatenation.
func (g *patternGen) expr(depth int) string {
	if depth < 3 && g.chance(2) {
		return g.alternation(depth)
	}
	var sb strings.Builder
	for range 1 + g.pick(4) {
		a := g.atom(depth)
		sb.WriteString(a)
		if !isAnchor(a) {
			sb.WriteString(g.repeat())
		}
	}
	return sb.String()
}

// isAnchor reports whether atom is an empty-width assertion, which is
// not repeated.
func isAnchor(atom string) bool {
	switch atom {
	case "^", "$", `\A`, `\z`, `\b`, `\B`:
		return true
	}
	return false
}

// pattern writes a whole pattern, sometimes under flags.
func (g *patternGen) pattern() string {
	p := g.expr(0)
	if !g.posix && g.chance(3) {
		p = "(?" + g.flags() + ")" + p
	}
	return p
}

// textGen writes texts that a pattern's syntax tree says should match,
// then damages them.
type textGen struct{ r *rand.Rand }

// walk appends to b a string that re is likely to match.
func (g textGen) walk(b []byte, re *syntax.Regexp) []byte {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && g.r.IntN(2) == 0 {
				r = unicode.SimpleFold(r)
			}
			b = utf8.AppendRune(b, r) // a surrogate becomes U+FFFD
		}
	case syntax.OpCharClass:
		b = utf8.AppendRune(b, g.classMember(re.Rune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		s := scripts[g.r.IntN(len(scripts))]
		r := s[g.r.IntN(len(s))]
		if r == '\n' && re.Op == syntax.OpAnyCharNotNL {
			r = 'n'
		}
		b = utf8.AppendRune(b, r)
	case syntax.OpBeginLine, syntax.OpEndLine:
		if g.r.IntN(3) == 0 {
			b = append(b, '\n')
		}
	case syntax.OpWordBoundary:
		if g.r.IntN(2) == 0 {
			b = append(b, ' ')
		}
	case syntax.OpCapture:
		b = g.walk(b, re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Min+2
			if re.Max >= 0 {
				hi = min(hi, re.Max)
			}
		}
		for range lo + g.r.IntN(max(hi-lo+1, 1)) {
			b = g.walk(b, re.Sub[0])
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			b = g.walk(b, sub)
		}
	case syntax.OpAlternate:
		b = g.walk(b, re.Sub[g.r.IntN(len(re.Sub))])
	}
	return b
}

// classMember picks a character of the class given as (lo, hi) pairs,
// mostly one of the scripts' so that texts stay in the space of interest.
func (g textGen) classMember(pairs []rune) rune {
	if len(pairs) == 0 {
		return 'x'
	}
	for range 8 {
		s := scripts[g.r.IntN(len(scripts))]
		r := s[g.r.IntN(len(s))]
		for i := 0; i < len(pairs); i += 2 {
			if pairs[i] <= r && r <= pairs[i+1] {
				return r
			}
		}
	}
	i := 2 * g.r.IntN(len(pairs)/2)
	lo, hi := pairs[i], pairs[i+1]
	return lo + rune(g.r.Int64N(int64(min(hi-lo, 1000))+1))
}

// invalidBytes are byte strings that Go decodes as U+FFFD, one per byte.
var invalidBytes = []string{"\xff", "\x80", "\xbf", "\xc3", "\xe3\x81", "\xf0\x9f\x98", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf"}

// damage applies 0 to 3 random changes to text.
func (g textGen) damage(text []byte, pattern string) []byte {
	for range g.r.IntN(4) {
		switch g.r.IntN(7) {
		case 0: // an invalid sequence at a random offset
			i := g.r.IntN(len(text) + 1)
			bad := invalidBytes[g.r.IntN(len(invalidBytes))]
			text = append(text[:i:i], append([]byte(bad), text[i:]...)...)
		case 1: // a character cut in two: drop one of its bytes
			if starts := multibyteStarts(text); len(starts) > 0 {
				i := starts[g.r.IntN(len(starts))]
				_, n := utf8.DecodeRune(text[i:])
				j := i + g.r.IntN(n)
				text = append(text[:j:j], text[j+1:]...)
			}
		case 2: // case changed
			switch g.r.IntN(3) {
			case 0:
				text = []byte(strings.ToUpper(string(text)))
			case 1:
				text = []byte(strings.ToLower(string(text)))
			default:
				if len(text) > 0 {
					i := g.r.IntN(len(text))
					r, n := utf8.DecodeRune(text[i:])
					if r != utf8.RuneError {
						f := utf8.AppendRune(nil, unicode.SimpleFold(r))
						text = append(text[:i:i], append(f, text[i+n:]...)...)
					}
				}
			}
		case 3: // copies run together
			text = append(append(append([]byte(nil), text...), text...), text...)
		case 4: // the pattern's own characters around it, sharing its bytes
			var noise []byte
			for _, r := range pattern {
				if r >= utf8.RuneSelf && g.r.IntN(2) == 0 {
					noise = utf8.AppendRune(noise, r)
				}
			}
			text = append(append(noise, text...), noise...)
		default: // text of some script around it
			s := scripts[g.r.IntN(len(scripts))]
			var pre, post []byte
			for range g.r.IntN(4) {
				pre = utf8.AppendRune(pre, s[g.r.IntN(len(s))])
				post = utf8.AppendRune(post, s[g.r.IntN(len(s))])
			}
			text = append(append(pre, text...), post...)
		}
	}
	return text
}

// multibyteStarts are the offsets of the multibyte characters of text.
func multibyteStarts(text []byte) []int {
	var starts []int
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if n > 1 && r != utf8.RuneError {
			starts = append(starts, i)
		}
		i += n
	}
	return starts
}

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
