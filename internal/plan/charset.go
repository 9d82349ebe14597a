package plan

import (
	"math/bits"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// charSet is a set of characters as a shape looks at them (shape.go): the
// ASCII ones, and whether any other.
type charSet struct {
	ascii [2]uint64
	wide  bool // a character beyond ASCII, or U+FFFD (an invalid byte)
}

func (c *charSet) addRange(lo, hi rune) {
	if hi >= utf8.RuneSelf {
		c.wide = true
		hi = utf8.RuneSelf - 1
	}
	for lo <= hi { // a word of the bitmap at a time
		end := min(hi, lo|63)
		c.ascii[lo>>6] |= ^uint64(0) >> (63 - (end - lo)) << (lo & 63)
		lo = end + 1
	}
}

func (c *charSet) has(b byte) bool { return c.ascii[b>>6]&(1<<(b&63)) != 0 }

// only returns the one character of c, if it has one and it is ASCII.
func (c *charSet) only() (byte, bool) {
	if c.wide || bits.OnesCount64(c.ascii[0])+bits.OnesCount64(c.ascii[1]) != 1 {
		return 0, false
	}
	if c.ascii[0] != 0 {
		return byte(bits.TrailingZeros64(c.ascii[0])), true
	}
	return byte(64 + bits.TrailingZeros64(c.ascii[1])), true
}

func (c *charSet) union(d *charSet) {
	c.ascii[0] |= d.ascii[0]
	c.ascii[1] |= d.ascii[1]
	c.wide = c.wide || d.wide
}

// meets reports whether c and d share an ASCII character.
func (c *charSet) meets(d *charSet) bool {
	return c.ascii[0]&d.ascii[0] != 0 || c.ascii[1]&d.ascii[1] != 0
}

// oneChar returns the set of an expression that is one character.
func oneChar(re *syntax.Regexp) (charSet, bool) {
	var c charSet
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) != 1 {
			return c, false
		}
		return literalSet(re.Rune[0], re.Flags), true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			c.addRange(re.Rune[i], re.Rune[i+1])
		}
	case syntax.OpAnyCharNotNL:
		c.addRange(0, '\n'-1)
		c.addRange('\n'+1, unicode.MaxRune)
	case syntax.OpAnyChar:
		c.addRange(0, unicode.MaxRune)
	default:
		return c, false
	}
	return c, true
}

// literalSet is the set of a literal character r: r and, under case
// folding, its other cases.
func literalSet(r rune, flags syntax.Flags) charSet {
	var c charSet
	if r < utf8.RuneSelf {
		c.ascii[r>>6] = 1 << (r & 63)
	} else {
		c.wide = true
	}
	if flags&syntax.FoldCase != 0 {
		for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
			c.addRange(g, g)
		}
	}
	return c
}
