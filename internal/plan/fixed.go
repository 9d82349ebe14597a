package plan

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A fixed shape is an expression anchored at the start whose matches are
// a run of characters, each from a set of its own, with no choice of
// length anywhere (`^HTTP/1\.[01] 200`, `^\d{4}-\d{2}-\d{2}$`,
// `^.bc(d|e)`): validators and protocol checks. On a text whose bytes
// are ASCII where they are looked at, each character is one byte, so the
// only possible match is the first n bytes, and its groups lie at fixed
// offsets: a table lookup per byte answers in a few nanoseconds what the
// standard library's one-pass matcher answers in 50 to 250, and
// crossing into wasm in 250 or more. A byte beyond ASCII where a
// character beyond ASCII may match (`.`, `[^a]`, `(?i)k`, which also
// matches the Kelvin sign) leaves the call to the engines.
type fixedShape struct {
	at     []charSet // the set of each character, in order
	wide   bool      // some set holds a character beyond ASCII
	atEnd  bool      // the match must end at the end of the text ($, \z)
	groups []int     // offsets of every group (pairs; -1 for a group in a {0})
}

// maxFixedLen bounds the characters of a fixed shape.
const maxFixedLen = 256

// charSet is a set of characters as a fixed shape looks at them: the
// ASCII ones, and whether any other.
type charSet struct {
	ascii [2]uint64
	wide  bool // a character beyond ASCII, or U+FFFD (an invalid byte)
}

func (c *charSet) addRange(lo, hi rune) {
	for r := lo; r <= min(hi, utf8.RuneSelf-1); r++ {
		c.ascii[r>>6] |= 1 << (r & 63)
	}
	if hi >= utf8.RuneSelf {
		c.wide = true
	}
}

func (c *charSet) has(b byte) bool { return c.ascii[b>>6]&(1<<(b&63)) != 0 }

// newFixedShape returns the fixed shape of a parsed expression with
// ncap groups, or nil if it has none.
func newFixedShape(re *syntax.Regexp, ncap int) *fixedShape {
	b := shapeBuilder{f: &fixedShape{groups: make([]int, 2*(ncap+1))}}
	for i := range b.f.groups {
		b.f.groups[i] = -1
	}
	if !b.walk(re) || !b.anchored || len(b.f.at) == 0 {
		return nil
	}
	b.f.groups[0], b.f.groups[1] = 0, len(b.f.at)
	return b.f
}

// shapeBuilder walks a tree into a fixed shape.
type shapeBuilder struct {
	f        *fixedShape
	anchored bool // \A came before the first character
}

// walk appends re's characters, reporting false where re is not of a
// fixed shape.
func (b *shapeBuilder) walk(re *syntax.Regexp) bool {
	f := b.f
	if f.atEnd && re.Op != syntax.OpEndText && re.Op != syntax.OpEmptyMatch {
		return false // nothing may follow the end of the text
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
	case syntax.OpBeginText:
		if len(f.at) > 0 {
			return false
		}
		b.anchored = true
	case syntax.OpEndText:
		f.atEnd = true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			var c charSet
			c.addRange(r, r)
			if re.Flags&syntax.FoldCase != 0 {
				for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
					c.addRange(g, g)
				}
			}
			if !b.add(c) {
				return false
			}
		}
	case syntax.OpCharClass:
		var c charSet
		for i := 0; i+1 < len(re.Rune); i += 2 {
			c.addRange(re.Rune[i], re.Rune[i+1])
		}
		return b.add(c)
	case syntax.OpAnyCharNotNL:
		var c charSet
		c.addRange(0, '\n'-1)
		c.addRange('\n'+1, unicode.MaxRune)
		return b.add(c)
	case syntax.OpAnyChar:
		var c charSet
		c.addRange(0, unicode.MaxRune)
		return b.add(c)
	case syntax.OpCapture:
		start := len(f.at)
		if !b.walk(re.Sub[0]) {
			return false
		}
		f.groups[2*re.Cap], f.groups[2*re.Cap+1] = start, len(f.at)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !b.walk(sub) {
				return false
			}
		}
	case syntax.OpRepeat:
		if re.Min != re.Max {
			return false
		}
		for range re.Min {
			if !b.walk(re.Sub[0]) {
				return false
			}
		}
	default:
		return false // a choice (|, ?, *, +, {m,n}), a line or word assertion, no match
	}
	return true
}

// add appends a character of set c.
func (b *shapeBuilder) add(c charSet) bool {
	if !b.anchored || len(b.f.at) == maxFixedLen {
		return false
	}
	b.f.at = append(b.f.at, c)
	b.f.wide = b.f.wide || c.wide
	return true
}

// match reports whether s holds a match (at its start, the first len(at)
// bytes). It is undecided (decided false) when a byte beyond ASCII lies
// where a character beyond ASCII may match: that character's width is
// not known here.
func (f *fixedShape) match(s string) (matched, decided bool) {
	n := len(f.at)
	if len(s) < n || f.atEnd && len(s) != n && !f.wide {
		return false, true // a character is a byte at least
	}
	for i := range f.at {
		c := &f.at[i]
		if b := s[i]; b >= utf8.RuneSelf {
			// The character there is beyond ASCII, or U+FFFD.
			return false, !c.wide
		} else if !c.has(b) {
			return false, true
		}
	}
	// Every character is one byte: the match is s[:n].
	return !f.atEnd || len(s) == n, true
}

// offsets returns the match's groups, ngroups of them (at least one).
func (f *fixedShape) offsets(ngroups int) []int {
	return slices.Clone(f.groups[:2*max(ngroups, 1)])
}
