package plan

import (
	"regexp/syntax"
	"unicode/utf8"
)

// A shape is an expression anchored at the start, or beginning with an
// ASCII string or a run of ASCII characters (searchShape), in which the
// next character alone makes every choice (`^HTTP/1\.[01] 200`,
// `^/api/v1/users/(\d+)$`, `^(\S+) (\w+)\s+\[`, `^(GET|POST) `,
// `^\d{4}-\d{2}(?:T\d{2}:\d{2})?$`): it is runs of characters, each run
// of one set repeated a number of times, and choices between
// alternatives (`|`, and an optional group, which is a choice between
// the group and nothing). A run of varying length ends where the next
// character is not in its set, and no ASCII character of its set may
// begin what can follow it; a choice takes the alternative that the
// next character can begin, and no two alternatives, nor an optional
// group and what follows it, may begin with the same ASCII character.
// Then the greedy walk is the only way a match can go, and so the match
// the standard library finds: a run that gave a character back, or
// another alternative, would leave a character to a set that cannot take
// it. An alternative once taken must match, or nothing does: none may
// match empty, and what follows an optional group must not match empty
// up to the end of the text unless $ ends the expression (`^a(?:bc)?`
// on "abx" matches "a", which the walk would miss).
//
// On a text whose bytes are ASCII where the walk looks, each character
// is one byte, and a table lookup per byte answers, with the groups,
// what the standard library's one-pass and backtracking matchers answer
// in 50 ns to 2 µs and crossing into wasm in 250 ns or more. A byte
// beyond ASCII where a set looking at it may hold a character beyond
// ASCII (`.`, `\S`, `[^a]`, `(?i)k`, which also matches the Kelvin sign)
// leaves the call undecided, to the engines: that character's width is
// not known here, nor whether the sets that follow share it. A byte
// beyond ASCII where the set holds none is a character it does not match
// (U+FFFD included).
//
// Leftmost-longest matching takes the same walk: another way would end
// the match sooner, if it let it match at all.
type shape struct {
	steps []step
	// search: the expression is not anchored but begins with its prefix,
	// so that its matches begin where the prefix occurs (searchShape),
	// found by finder.
	search bool
	finder searcher
	// byFirst: a search shape without a prefix, which begins with a run
	// of ASCII characters (`(\d{4})-(\d{2})`, `(\w+)@(\w+)\.com`): its
	// walks begin at the bytes of the first run's set.
	byFirst bool
	// prefix is the bytes of the leading runs that are one ASCII
	// character each, compared at once.
	prefix string
	atEnd  bool // the match must end at the end of the text ($, \z)
	// emptyFrom is the first step from which every step is a run that
	// may repeat zero times: a walk that reaches it has a match, all that
	// Match asks.
	emptyFrom int
	// marks are the offsets, in a match's groups (pairs), that take the
	// text position before a step, in the order of the steps; the whole
	// match's, 0 and 1, are not among them.
	marks []mark
}

// mark is that offset slot takes the position before step k (k =
// len(steps): after the last).
type mark struct{ k, slot int32 }

// A step is a run, a choice (fork) or the end of an alternative (jump).
type step struct {
	kind     stepKind
	set      charSet // a run's characters; what can begin a fork's alternatives
	min, max int32   // a run's repeats (max -1: no bound)
	// A fork and a jump go on to step next and mark marks: a jump
	// always, a fork when none of its alternatives can begin, if it is
	// optional; otherwise a fork that none can begin fails.
	next, marks int32
	optional    bool
	alts        []alt // a fork's alternatives
}

type stepKind uint8

const (
	runStep stepKind = iota
	forkStep
	jumpStep
)

// alt is an alternative of a fork: what can begin it, and its first step
// and mark.
type alt struct {
	set      charSet
	at, mark int32
}

// maxShapeSteps bounds the steps of a shape.
const maxShapeSteps = 256

// newShape returns the shape of a parsed expression, or nil if it has
// none.
func newShape(re *syntax.Regexp) *shape {
	b := shapeBuilder{f: &shape{steps: make([]step, 0, countSteps(re))}}
	if !b.walk(re) || !b.anchored || len(b.f.steps) == 0 || !b.f.decidedByNext() {
		return nil
	}
	var prefix []byte
	for _, s := range b.f.steps {
		c, ok := s.set.only()
		if s.kind != runStep || !ok || s.min != 1 || s.max != 1 {
			break
		}
		prefix = append(prefix, c)
	}
	b.f.prefix = string(prefix)
	b.f.emptyFrom = len(b.f.steps)
	for k := len(b.f.steps) - 1; k >= 0 && b.f.steps[k].kind == runStep && b.f.steps[k].min == 0; k-- {
		b.f.emptyFrom = k
	}
	return b.f
}

// searchShape returns the shape of an expression that is not anchored
// but begins with a string (`ERROR: (\w+)`, `AKIA[0-9A-Z]{16}`) or with a
// run of ASCII characters (byFirst), or nil. Its leftmost match begins at
// the first occurrence of that string, or byte of that run (an ASCII byte
// begins a character wherever it lies), from which the walk matches: the
// walk gives Go's match from there.
func searchShape(re *syntax.Regexp) *shape {
	byString := beginsWithASCII(re)
	if !byString && !beginsWithASCIIRun(re) {
		return nil // nothing to search for: spare Compile the walk
	}
	anchored := &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText}, re}}
	f := newShape(anchored)
	switch {
	case f == nil:
		return nil
	case byString && f.prefix != "":
		f.finder = newSearcher(f.prefix)
	case !byString && f.steps[0].kind == runStep && f.steps[0].min > 0 && !f.steps[0].set.wide:
		f.byFirst = true
	default:
		return nil
	}
	f.search = true
	return f
}

// countSteps returns about how many steps re may have, so that they take
// one allocation: a shape is built once, on the first call.
func countSteps(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpRepeat:
		if _, ok := oneChar(re.Sub[0]); !ok && re.Min == re.Max {
			return min(re.Min*countSteps(re.Sub[0]), maxShapeSteps)
		}
	}
	n := len(re.Sub) // a fork and jumps for an alternation or an optional group
	for _, sub := range re.Sub {
		n += countSteps(sub)
	}
	return min(n, maxShapeSteps)
}

// firstNode returns the first node of re below its concatenations and
// groups (an empty concatenation itself).
func firstNode(re *syntax.Regexp) *syntax.Regexp {
	for (re.Op == syntax.OpConcat || re.Op == syntax.OpCapture) && len(re.Sub) > 0 {
		re = re.Sub[0]
	}
	return re
}

// beginsWithASCIIRun reports whether re's first node is a class of ASCII
// characters, or a repetition of one at least once.
func beginsWithASCIIRun(re *syntax.Regexp) bool {
	re = firstNode(re)
	if re.Op == syntax.OpPlus || re.Op == syntax.OpRepeat && re.Min > 0 {
		re = re.Sub[0]
	}
	return re.Op == syntax.OpCharClass && len(re.Rune) > 0 && re.Rune[len(re.Rune)-1] < utf8.RuneSelf
}

// beginsWithASCII reports whether re's first node is a literal that
// begins with an ASCII character, without case folding.
func beginsWithASCII(re *syntax.Regexp) bool {
	re = firstNode(re)
	return re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase == 0 && re.Rune[0] < utf8.RuneSelf
}

// decidedByNext reports whether the next character alone makes every
// choice (see shape), and sets what can begin each fork.
func (f *shape) decidedByNext() bool {
	for i := range f.steps {
		s := &f.steps[i]
		switch {
		case s.kind == forkStep:
			s.set = charSet{}
			for j := range s.alts {
				a := &s.alts[j]
				first, required := f.starts(int(a.at), int(s.next))
				if !required || s.set.meets(&first) {
					return false // an alternative may match empty, or two begin alike
				}
				a.set = first
				s.set.union(&first)
			}
			if s.optional {
				follow, required := f.starts(int(s.next), len(f.steps))
				if s.set.meets(&follow) || !required && !f.atEnd {
					return false
				}
			}
		case s.kind == runStep && s.min != s.max:
			if follow, _ := f.starts(i+1, len(f.steps)); s.set.meets(&follow) {
				return false
			}
		}
	}
	return true
}

// starts returns the characters that can begin what steps from..to-1
// match, up to the first step that must take a character, and whether
// there is one.
func (f *shape) starts(from, to int) (set charSet, required bool) {
	for j := from; j < to; j++ {
		s := &f.steps[j]
		switch s.kind {
		case jumpStep: // the end of an alternative
			j = int(s.next) - 1
			continue
		case forkStep:
			for _, a := range s.alts {
				inner, _ := f.starts(int(a.at), int(s.next))
				set.union(&inner)
			}
			if !s.optional {
				return set, true
			}
			j = int(s.next) - 1
			continue
		}
		set.union(&s.set)
		if s.min > 0 {
			return set, true
		}
	}
	return set, false
}

// shapeBuilder walks a tree into a shape.
type shapeBuilder struct {
	f        *shape
	anchored bool // \A came before the first step
	choices  int  // depth of alternatives walked into
}

// mark records that offset slot of the groups takes the position before
// the next step.
func (b *shapeBuilder) mark(slot int) {
	b.f.marks = append(b.f.marks, mark{int32(len(b.f.steps)), int32(slot)})
}

// walk appends re's steps, reporting false where re is not of a shape.
func (b *shapeBuilder) walk(re *syntax.Regexp) bool {
	f := b.f
	if f.atEnd && re.Op != syntax.OpEndText && re.Op != syntax.OpEmptyMatch {
		return false // nothing may follow the end of the text
	}
	switch re.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set, _ := oneChar(re)
		return b.add(step{set: set, min: 1, max: 1})
	case syntax.OpEmptyMatch:
	case syntax.OpBeginText:
		if len(f.steps) > 0 || b.choices > 0 {
			return false
		}
		b.anchored = true
	case syntax.OpEndText:
		if b.choices > 0 {
			return false // $ in one alternative only
		}
		f.atEnd = true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !b.add(step{set: literalSet(r, re.Flags), min: 1, max: 1}) {
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
	case syntax.OpAlternate:
		return b.fork(re.Sub, false)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := repeats(re)
		greedy := re.Flags&syntax.NonGreedy == 0
		if set, ok := oneChar(re.Sub[0]); ok && greedy {
			return hi == 0 || b.add(step{set: set, min: int32(lo), max: int32(hi)})
		}
		if lo == 0 && hi == 1 && greedy {
			return b.fork(re.Sub[:1], true)
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
		return false // a line or word assertion, no match
	}
	return true
}

// fork appends a choice between alternatives, and nothing if optional.
func (b *shapeBuilder) fork(alts []*syntax.Regexp, optional bool) bool {
	f := b.f
	at := len(f.steps)
	if !b.add(step{kind: forkStep, optional: optional}) {
		return false
	}
	var jumps []int
	b.choices++
	defer func() { b.choices-- }()
	for i, sub := range alts {
		f.steps[at].alts = append(f.steps[at].alts, alt{at: int32(len(f.steps)), mark: int32(len(f.marks))})
		if !b.walk(sub) {
			return false
		}
		if i < len(alts)-1 {
			jumps = append(jumps, len(f.steps))
			if !b.add(step{kind: jumpStep}) {
				return false
			}
		}
	}
	for _, k := range append(jumps, at) {
		f.steps[k].next, f.steps[k].marks = int32(len(f.steps)), int32(len(f.marks))
	}
	return true
}

// add appends a step.
func (b *shapeBuilder) add(s step) bool {
	if !b.anchored || len(b.f.steps) == maxShapeSteps {
		return false
	}
	if n := len(b.f.steps); n > 0 && s.kind == runStep && s.min > 0 {
		if prev := &b.f.steps[n-1]; prev.kind == runStep && prev.min != prev.max && prev.set.meets(&s.set) {
			return false // decidedByNext would refuse it (`\w+\d`): spare the rest of the walk
		}
	}
	b.f.steps = append(b.f.steps, s)
	return true
}

// repeats returns the least and most times that a repetition (*, +, ?,
// {n,m}) repeats its expression, -1 for no bound.
func repeats(re *syntax.Regexp) (lo, hi int) {
	switch re.Op {
	case syntax.OpStar:
		return 0, -1
	case syntax.OpPlus:
		return 1, -1
	case syntax.OpQuest:
		return 0, 1
	}
	return re.Min, re.Max
}
