package plan

import (
	"errors"
	"strings"
	"unsafe"

	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Text is what an expression matches against.
type Text = re2wasm.Text

// Strategy names a way to run a call.
type Strategy int

const (
	// Auto picks per call (pick).
	Auto Strategy = iota
	// Std runs the standard library's matcher.
	Std
	// RE2 runs RE2 on the whole text.
	RE2
	// Windowed turns down a text without the required strings and hands
	// RE2 the part of the text where a match can begin (window.go);
	// where the expression requires no string, RE2 on the whole text.
	Windowed
)

func (s Strategy) String() string {
	return [...]string{"auto", "std", "re2", "windowed"}[s]
}

// forced, when not Auto, is the strategy of every call (Force).
var forced Strategy

// Force makes every call use s, so that tests can compare each strategy
// with the standard library on every case, not only where the planner
// would pick it; Force(Auto) ends it. Literal searches and checks in Go
// that answer without an engine are skipped under Std and RE2. It must
// not be called while matching runs.
func Force(s Strategy) { forced = s }

// pick chooses the strategy of a call on n bytes; groups is set when the
// caller wants submatches.
func (m *Matcher) pick(n int, groups bool) Strategy {
	switch {
	case m.viaStd:
		return Std
	case forced != Auto:
		return forced
	case m.preferStd(n, groups):
		return Std
	case m.filter != nil || m.window != nil:
		return Windowed
	}
	return RE2
}

// The cost model: RE2 costs a crossing into wasm (about 100 ns: copy,
// instance, call) plus about a nanosecond per byte, more for submatches;
// the standard library's one-pass and backtracking matchers cost a few
// nanoseconds per byte and per node of the expression, starting at every
// position where the expression is not anchored. Measured with
// bench/'s Planner family.
const (
	stdNodes          = 40  // larger expressions never run the standard library's matcher
	stdAnchored       = 64  // bytes up to which an anchored expression runs it
	stdAnchoredGroups = 192 // the same, with submatches
	stdUnanchored     = 24  // bytes up to which an unanchored one runs it
	stdUnanchoredGrps = 64  // the same, with submatches
)

// preferStd reports whether a call on n bytes costs less in the standard
// library's matcher than in RE2, or whether RE2 failed to compile.
func (m *Matcher) preferStd(n int, groups bool) bool {
	if m.re2.unavailable() {
		return true
	}
	if m.nodes > stdNodes {
		return false
	}
	limit := stdUnanchored
	switch {
	case m.headMatches && groups:
		limit = stdAnchoredGroups
	case m.headMatches:
		limit = stdAnchored
	case groups:
		limit = stdUnanchoredGrps
	}
	return n <= limit
}

// view is text as a string, without a copy: the planner only reads it
// during the call.
func view[T Text](text T) string {
	if b, ok := any(text).([]byte); ok {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return string(text) // a string already: no copy
}

// Find returns the offsets of ngroups groups (pairs, -1 for a group that
// did not take part) of the leftmost match in text, or nil. An error is a
// failure of the engine (a trap, no memory).
func Find[T Text](m *Matcher, text T, ngroups int) ([]int, error) {
	s := view(text)
	how := m.pick(len(text), ngroups > 1)
	if how == Auto || how == Windowed {
		if m.literal != "" {
			i := strings.Index(s, m.literal)
			if i < 0 {
				return nil, nil
			}
			return []int{i, i + len(m.literal)}, nil
		}
		if m.turnedDown(s) {
			return nil, nil
		}
	}
	var match []int
	var err error
	switch m.engineFor(how) {
	case Std:
		return stdFind(m.std.get(m), text, ngroups), nil
	case Windowed:
		match, err = windowedFind(m, text, s, ngroups)
	default:
		match, err = re2Find(m, text, 0, 0, ngroups)
	}
	if unusable(err) {
		return stdFind(m.std.get(m), text, ngroups), nil
	}
	return match, err
}

// Match reports whether text holds a match.
func Match[T Text](m *Matcher, text T) (bool, error) {
	s := view(text)
	how := m.pick(len(text), false)
	if how == Auto || how == Windowed {
		if m.literal != "" {
			return strings.Contains(s, m.literal), nil
		}
		if m.turnedDown(s) {
			return false, nil
		}
	}
	var ok bool
	var err error
	switch m.engineFor(how) {
	case Std:
		return stdFind(m.std.get(m), text, 0) != nil, nil
	case Windowed:
		ok, err = windowedMatch(m, text, s)
	default:
		ok, err = re2Match(m, text)
	}
	if unusable(err) {
		return stdFind(m.std.get(m), text, 0) != nil, nil
	}
	return ok, err
}

// FindAll calls each with the offsets of ngroups groups of up to n
// successive matches (all of them if n < 0), by Go's rule for empty
// matches. The slice is reused between calls.
func FindAll[T Text](m *Matcher, text T, n, ngroups int, each func(offsets []int)) error {
	s := view(text)
	how := m.pick(len(text), ngroups > 1)
	if how == Auto || how == Windowed {
		if m.literal != "" {
			findAllLiteral(m.literal, s, n, each)
			return nil
		}
		if m.turnedDown(s) {
			return nil
		}
	}
	var err error
	handed := false // a match went to each: too late to start again
	counted := func(offsets []int) { handed = true; each(offsets) }
	how = m.engineFor(how)
	switch how {
	case Windowed:
		err = windowedFindAll(m, text, s, n, ngroups, counted)
	case RE2:
		err = re2FindAll(m, text, 0, 0, n, ngroups, counted)
	}
	if how == Std || unusable(err) && !handed {
		for _, match := range stdFindAll(m.std.get(m), text, n) {
			each(match[:2*ngroups])
		}
		return nil
	}
	return err
}

// unusable reports whether err says that the runtime cannot be used any
// more (a trap left a lock of its shared memory held): calls then run the
// standard library's matcher, which gives the same results.
func unusable(err error) bool {
	return err != nil && errors.Is(err, re2wasm.ErrUnusable)
}

// engineFor returns how, or Std if how needs RE2 and RE2 cannot compile
// the expression (compiling it now if this is the first call that needs
// it).
func (m *Matcher) engineFor(how Strategy) Strategy {
	if how != Std {
		if _, err := m.re2.get(m); err != nil {
			return Std
		}
	}
	return how
}

// turnedDown reports whether the facts alone rule out a match in s: it is
// too short, or it lacks the prefix every match begins with.
func (m *Matcher) turnedDown(s string) bool {
	return len(s) < m.minLen || !strings.HasPrefix(s, m.anchoredPrefix)
}

// findAllLiteral finds successive occurrences of lit. A literal begins
// with a character's first byte, so it can only be found where the
// standard library's matcher, which steps one character (or one invalid
// byte) at a time, would find it.
func findAllLiteral(lit, s string, n int, each func([]int)) {
	var m [2]int
	for pos := 0; n != 0; n-- {
		i := strings.Index(s[pos:], lit)
		if i < 0 {
			return
		}
		m[0], m[1] = pos+i, pos+i+len(lit)
		each(m[:])
		pos = m[1]
	}
}
