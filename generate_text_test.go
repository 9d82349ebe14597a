package regexp

// The generator's texts (generate_test.go): walks of a pattern's syntax
// tree, then damaged.

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
