package extra

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/re2wasm/regexp"
)

// A Set is a list of patterns matched against a text together, in one
// pass where RE2's set can run them (RE2::Set). It is safe for concurrent
// use.
//
// A pattern's result in a set always equals the standard library's for
// that pattern compiled alone: where RE2's set cannot give it exactly
// (see SetStats), the pattern is matched on its own.
//
// One pass is not always the cheaper: the DFA of RE2's set builds states
// for the combinations of patterns each new text leads it through, and
// keeps them for the texts that follow. On the Core Rule Set's patterns a
// 10 KB body that the set has matched before takes it 0.9 ms, against
// 3.5 ms pattern by pattern, but a body it has not seen 0.3-0.7 s. So a
// set times its calls, for texts of each size apart, and matches pattern
// by pattern when that was measured cheaper on the texts before
// (SetStats.OneByOne), trying its one pass again now and then. Its first
// call through the set for texts of a size is slow and not held against
// it: it builds the states that any text needs.
type Set struct {
	exprs []string
	opts  options

	// plain holds the patterns as given, anchored the same patterns with
	// every match beginning at the start of the text; each is built on
	// first use.
	plain, anchored lazyCore

	fallbacks, outOfMemory, oneByOne atomic.Int64
}

// A Match is the leftmost match of one pattern of a Set.
type Match struct {
	Pattern int   // the pattern's index in the slice passed to CompileSet
	Loc     []int // the match is text[Loc[0]:Loc[1]], as FindIndex gives it
}

// SetStats says how a Set has been matching.
type SetStats struct {
	Patterns int // patterns in the set
	// Alone is the number of patterns matched one by one on every call,
	// beside the set, because RE2's set cannot run them exactly as Go
	// does (an empty match through \B, which holds inside a character:
	// `\B`, `x*\B`, not `a\B`; a code point that decoding never yields; a
	// repetition beyond RE2's limits), summed
	// over the unanchored and anchored forms built so far.
	Alone int
	// Fallbacks counts the calls on which RE2's set could not answer, so
	// that every pattern was matched one by one: its program exceeded
	// the memory budget, its DFA ran out of memory on the text
	// (OutOfMemory counts those), or the engine failed.
	Fallbacks   int64
	OutOfMemory int64
	// OneByOne counts the calls matched pattern by pattern by choice:
	// RE2's set was measured slower on the texts of the calls before
	// (its DFA builds states for each new text; see Set).
	OneByOne int64
}

// CompileSet parses patterns (Go syntax, as regexp.Compile) and returns a
// set that matches them. An error names the index of the first pattern
// that does not parse and wraps the parser's error (a *syntax.Error),
// whose text is regexp.Compile's. An empty or nil slice gives a set that
// matches nothing. Engines are compiled on first use.
func CompileSet(patterns []string, opts ...Option) (*Set, error) {
	s := &Set{exprs: append([]string(nil), patterns...), opts: newOptions(opts)}
	res := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("extra: CompileSet: pattern %d: %w", i, err)
		}
		res[i] = re
	}
	s.plain.res = res
	return s, nil
}

// MustCompileSet is like CompileSet but panics if a pattern does not
// parse.
func MustCompileSet(patterns []string, opts ...Option) *Set {
	s, err := CompileSet(patterns, opts...)
	if err != nil {
		panic(err)
	}
	return s
}

// Len is the number of patterns in the set.
func (s *Set) Len() int { return len(s.exprs) }

// Stats returns the set's statistics so far.
func (s *Set) Stats() SetStats {
	st := SetStats{Patterns: len(s.exprs), Fallbacks: s.fallbacks.Load(), OutOfMemory: s.outOfMemory.Load(), OneByOne: s.oneByOne.Load()}
	for _, l := range []*lazyCore{&s.plain, &s.anchored} {
		if l.built.Load() {
			st.Alone += len(l.core.alone)
		}
	}
	return st
}

// Match returns the indices of the patterns that match somewhere in b,
// in increasing order, or nil if none does.
func (s *Set) Match(b []byte) []int { return matchSet(s, s.core(false), b) }

// MatchString is like Match but matches the string str.
func (s *Set) MatchString(str string) []int { return matchSet(s, s.core(false), str) }

// MatchContext is Match, returning ctx.Err() (and nil) instead once ctx
// is done before the search ends. RE2's set, like each pattern matched
// alone, stops within about 64 KiB of text once ctx ends, and the copy
// of the text into the engine's memory between stretches of 1 MiB.
func (s *Set) MatchContext(ctx context.Context, b []byte) ([]int, error) {
	return matchSetContext(ctx, s, b)
}

// MatchStringContext is MatchContext for the string str.
func (s *Set) MatchStringContext(ctx context.Context, str string) ([]int, error) {
	return matchSetContext(ctx, s, str)
}

// MatchAnchored returns the indices of the patterns that match at the
// start of b (a match of the pattern alone beginning at 0, as if it were
// written \A(?:pattern)), in increasing order, or nil if none does.
func (s *Set) MatchAnchored(b []byte) []int { return matchSet(s, s.core(true), b) }

// MatchStringAnchored is like MatchAnchored but matches the string str.
func (s *Set) MatchStringAnchored(str string) []int { return matchSet(s, s.core(true), str) }

// FindIndex returns, for each pattern that matches b, in increasing order
// of pattern, its leftmost match: Loc is what (*regexp.Regexp).FindIndex
// of that pattern alone returns. It returns nil if no pattern matches.
// Only the patterns that match are searched for their leftmost match.
func (s *Set) FindIndex(b []byte) []Match { return findSet(s, s.core(false), b) }

// FindStringIndex is like FindIndex but matches the string str.
func (s *Set) FindStringIndex(str string) []Match { return findSet(s, s.core(false), str) }

// FindIndexAnchored is like FindIndex for the matches that begin at the
// start of b (see MatchAnchored): Loc[0] is 0.
func (s *Set) FindIndexAnchored(b []byte) []Match { return findSet(s, s.core(true), b) }

// FindStringIndexAnchored is like FindIndexAnchored but matches the
// string str.
func (s *Set) FindStringIndexAnchored(str string) []Match {
	return findSet(s, s.core(true), str)
}

// lazyCore holds a core built on first use.
type lazyCore struct {
	once  sync.Once
	built atomic.Bool
	res   []*regexp.Regexp // the patterns alone, set before the core is built if known
	core  *core
}

func (s *Set) core(anchored bool) *core {
	l := &s.plain
	if anchored {
		l = &s.anchored
	}
	l.once.Do(func() {
		exprs := s.exprs
		if anchored {
			exprs = make([]string, len(s.exprs))
			for i, p := range s.exprs {
				exprs[i] = `\A(?:` + p + `)`
			}
		}
		if l.res == nil {
			l.res = make([]*regexp.Regexp, len(exprs))
			for i, p := range exprs {
				l.res[i] = regexp.MustCompile(p) // p parsed alone: so does \A(?:p)
			}
		}
		l.core = newCore(exprs, l.res, s.opts)
		l.built.Store(true)
	})
	return l.core
}
