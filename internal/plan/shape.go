package plan

import (
	"math/bits"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A shape is an expression anchored at the start that is a sequence of
// runs of characters, each run of one set repeated a number of times
// (`^HTTP/1\.[01] 200`, `^/api/v1/users/(\d+)$`, `^(\S+) (\w+)\s+\[`),
// in which the next character alone decides where each run of varying
// length ends: no ASCII character of its set may begin what can follow
// it. Then the greedy walk, each run taking what it can, is the only way
// a match can go, and so the match the standard library would find: a
// run that gave a character back would leave it to a set that cannot
// take it. On a text whose bytes are ASCII where the walk looks, each
// character is one byte, and a table lookup per byte answers, with the
// groups, what the standard library's one-pass and backtracking matchers
// answer in 50 ns to 2 µs and crossing into wasm in 250 ns or more.
//
// A byte beyond ASCII where the set looking at it may hold a character
// beyond ASCII (`.`, `\S`, `[^a]`, `(?i)k`, which also matches the Kelvin
// sign) leaves the call undecided, to the engines: that character's
// width is not known here, nor whether the sets that follow might share
// it. A byte beyond ASCII where the set holds none is a character it
// does not match (U+FFFD included).
type shape struct {
	runs []run
	// prefix is the bytes of the leading runs that are one ASCII
	// character each, compared at once.
	prefix string
	atEnd  bool // the match must end at the end of the text ($, \z)
	// marks are the offsets, in a match's groups (pairs), that take the
	// text position before a run, in the order of the runs; the whole
	// match's, 0 and 1, are not among them.
	marks []mark
}

// mark is that offset slot takes the position before run k (k =
// len(runs): after the last).
type mark struct{ k, slot int }

// run is a character set repeated min to max times (max -1: no bound).
type run struct {
	set      charSet
	min, max int32
}

// maxShapeRuns bounds the runs of a shape.
const maxShapeRuns = 256

// charSet is a set of characters as a shape looks at them: the ASCII
// ones, and whether any other.
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

// meets reports whether c and d share an ASCII character.
func (c *charSet) meets(d *charSet) bool {
	return c.ascii[0]&d.ascii[0] != 0 || c.ascii[1]&d.ascii[1] != 0
}

// newShape returns the shape of a parsed expression, or nil if it has
// none. Leftmost-longest matching (longest) takes the same
// walk: a run that gave a character back would end the match sooner, if
// it let it match at all.
func newShape(re *syntax.Regexp) *shape {
	b := shapeBuilder{f: &shape{runs: make([]run, 0, countRuns(re))}}
	if !b.walk(re) || !b.anchored || len(b.f.runs) == 0 || !b.f.decidedByNext() {
		return nil
	}
	var prefix []byte
	for _, r := range b.f.runs {
		c, ok := r.set.only()
		if !ok || r.min != 1 || r.max != 1 {
			break
		}
		prefix = append(prefix, c)
	}
	b.f.prefix = string(prefix)
	return b.f
}

// countRuns returns how many runs re may have, so that they take one
// allocation: a shape is built at Compile.
func countRuns(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpRepeat:
		if _, ok := oneChar(re.Sub[0]); !ok && re.Min == re.Max {
			return min(re.Min*countRuns(re.Sub[0]), maxShapeRuns)
		}
	}
	n := 0
	for _, sub := range re.Sub {
		n += countRuns(sub)
	}
	return min(n, maxShapeRuns)
}

// decidedByNext reports whether the next character alone ends each run
// of varying length: no ASCII character of its set is in the set of a
// run that may follow it, up to the first run that must take one.
func (f *shape) decidedByNext() bool {
	for i := range f.runs {
		r := &f.runs[i]
		if r.min == r.max {
			continue
		}
		for j := i + 1; j < len(f.runs); j++ {
			if r.set.meets(&f.runs[j].set) {
				return false
			}
			if f.runs[j].min > 0 {
				break
			}
		}
	}
	return true
}

// shapeBuilder walks a tree into a shape.
type shapeBuilder struct {
	f        *shape
	anchored bool // \A came before the first run
}

// mark records that offset slot of the groups takes the position before
// the next run.
func (b *shapeBuilder) mark(slot int) {
	b.f.marks = append(b.f.marks, mark{len(b.f.runs), slot})
}

// walk appends re's runs, reporting false where re is not of a shape.
func (b *shapeBuilder) walk(re *syntax.Regexp) bool {
	f := b.f
	if f.atEnd && re.Op != syntax.OpEndText && re.Op != syntax.OpEmptyMatch {
		return false // nothing may follow the end of the text
	}
	switch re.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set, _ := oneChar(re)
		return b.add(run{set, 1, 1})
	case syntax.OpEmptyMatch:
	case syntax.OpBeginText:
		if len(f.runs) > 0 {
			return false
		}
		b.anchored = true
	case syntax.OpEndText:
		f.atEnd = true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !b.add(run{literalSet(r, re.Flags), 1, 1}) {
				return false
			}
		}
	case syntax.OpCapture:
		b.mark(2 * re.Cap)
		if !b.walk(re.Sub[0]) {
			return false
		}
		b.mark(2*re.Cap + 1)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !b.walk(sub) {
				return false
			}
		}
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := re.Min, re.Max
		switch re.Op {
		case syntax.OpStar:
			lo, hi = 0, -1
		case syntax.OpPlus:
			lo, hi = 1, -1
		case syntax.OpQuest:
			lo, hi = 0, 1
		}
		if set, ok := oneChar(re.Sub[0]); ok && re.Flags&syntax.NonGreedy == 0 {
			return hi == 0 || b.add(run{set, int32(lo), int32(hi)})
		}
		if lo != hi {
			return false // a choice of length for more than a character
		}
		for range lo {
			if !b.walk(re.Sub[0]) {
				return false
			}
		}
	default:
		return false // |, a line or word assertion, no match
	}
	return true
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

// add appends a run.
func (b *shapeBuilder) add(r run) bool {
	if !b.anchored || len(b.f.runs) == maxShapeRuns {
		return false
	}
	b.f.runs = append(b.f.runs, r)
	return true
}

// match walks s, returning the end of the match, -1 for none, and, when
// ngroups > 0, the offsets of ngroups groups (a group in a {0}: -1). It is undecided (decided
// false) when a byte beyond ASCII lies where the set looking at it may
// hold a character beyond ASCII.
func (f *shape) match(s string, ngroups int) (end int, groups []int, decided bool) {
	if ngroups > 0 {
		groups = make([]int, 2*ngroups)
		for i := range groups {
			groups[i] = -1
		}
	}
	if !strings.HasPrefix(s, f.prefix) {
		return -1, nil, true // a byte of the prefix differs (or is beyond ASCII)
	}
	i := len(f.prefix) // a byte a run
	marks := f.marks   // those still to set
	if groups != nil {
		for len(marks) > 0 && marks[0].k <= i {
			marks = setMark(groups, marks, marks[0].k)
		}
	}
	for k := i; k < len(f.runs); k++ {
		r := &f.runs[k]
		for groups != nil && len(marks) > 0 && marks[0].k == k {
			marks = setMark(groups, marks, i)
		}
		n := int32(0)
		for ; n != r.max && i < len(s); n++ {
			b := s[i]
			if b >= utf8.RuneSelf {
				if r.set.wide {
					return -1, nil, false
				}
				break // a character beyond ASCII, or U+FFFD: not in the set
			}
			if !r.set.has(b) {
				break
			}
			i++
		}
		if n < r.min {
			return -1, nil, true
		}
	}
	if f.atEnd && i != len(s) {
		return -1, nil, true
	}
	if groups != nil {
		for len(marks) > 0 {
			marks = setMark(groups, marks, i)
		}
		groups[0], groups[1] = 0, i
	}
	return i, groups, true
}

// setMark gives the first of marks position pos, if it is one of the
// groups wanted, and returns the others.
func setMark(groups []int, marks []mark, pos int) []mark {
	if slot := marks[0].slot; slot < len(groups) {
		groups[slot] = pos
	}
	return marks[1:]
}
