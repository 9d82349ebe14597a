package regexp

// The generator's patterns (generate_test.go): a grammar of the standard
// library's syntax over characters of many scripts.

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
