package extra

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/internal/plan"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// A core matches one list of expressions: those RE2's set can run exactly
// in one RE2::Set, the others (alone) one by one.
//
// The set runs in RE2's UTF-8 mode, whose Unicode classes make smaller
// automata than the Latin-1 translation's (the Core Rule Set over a
// 100 KB body: 11-12 ms against 14 ms). Where a pattern of it matches as Go
// does only on valid UTF-8 (needsValid: ., \S, [^a]), texts that are not
// take the same patterns in a Latin-1 set, made on the first such text.
type core struct {
	exprs []string         // every expression
	res   []*regexp.Regexp // every expression alone
	set   *re2wasm.Set     // UTF-8 mode; nil when RE2 could not compile one
	inSet []int            // the expression of each pattern of set
	spell []bool           // whether each pattern of set has its repetitions spelled out
	alone []int            // expressions matched one by one, in increasing order
	ways  waysBySize       // what calls cost by the set and one by one

	needsValid bool // a pattern of set is Go's only on valid UTF-8
	latin1     func() *re2wasm.Set
	budgets    []int64 // the budgets left to try, from set's own
}

// newCore compiles RE2's set of exprs within the budgets of opts, tried in
// turn. An expression the set cannot hold (plan.SetPattern, or RE2 does
// not parse its translation even with repetitions spelled out) is matched
// alone; when the set fails as a whole (no budget holds its program, the
// runtime cannot start), core.set is nil and every call falls back.
func newCore(exprs []string, res []*regexp.Regexp, opts options) *core {
	c := &core{exprs: exprs, res: res}
	type member struct {
		expr  int
		spell bool
	}
	var members []member
	for i := range exprs {
		if _, _, ok := plan.SetPattern(exprs[i], false, true); ok {
			members = append(members, member{expr: i})
		} else {
			c.alone = append(c.alone, i)
		}
	}
	if len(members) == 0 {
		return c
	}
	budgets := opts.budgets()
	for b, budget := range budgets {
		for {
			patterns := make([]string, len(members))
			c.needsValid = false
			for k, m := range members {
				var needsValid bool
				patterns[k], needsValid, _ = plan.SetPattern(exprs[m.expr], m.spell, true)
				c.needsValid = c.needsValid || needsValid
			}
			set, err := re2wasm.CompileSet(patterns, true, false, budget)
			var addErr *re2wasm.SetAddError
			if errors.As(err, &addErr) {
				// RE2 caps nested counted repetitions that Go allows:
				// spell them out, or leave the expression alone.
				m := &members[addErr.Index]
				if !m.spell {
					m.spell = true
				} else {
					c.alone = append(c.alone, m.expr)
					members = slices.Delete(members, addErr.Index, addErr.Index+1)
					if len(members) == 0 {
						slices.Sort(c.alone)
						return c
					}
				}
				continue
			}
			if err == nil {
				c.set = set
				c.inSet = make([]int, len(members))
				c.spell = make([]bool, len(members))
				for k, m := range members {
					c.inSet[k], c.spell[k] = m.expr, m.spell
				}
				c.budgets = budgets[b:]
				c.latin1 = sync.OnceValue(c.compileLatin1)
				slices.Sort(c.alone)
				return c
			}
			break // too large for this budget, or the engine failed: next budget
		}
	}
	// No budget holds the set: every expression goes alone, on each call.
	c.alone = nil
	return c
}

// compileLatin1 compiles the patterns of c.set into a Latin-1 set, for
// texts that are not valid UTF-8, or returns nil if no budget holds it.
func (c *core) compileLatin1() *re2wasm.Set {
	patterns := make([]string, len(c.inSet))
	for k, e := range c.inSet {
		patterns[k], _, _ = plan.SetPattern(c.exprs[e], c.spell[k], false)
	}
	for _, budget := range c.budgets {
		if set, err := re2wasm.CompileSet(patterns, false, false, budget); err == nil {
			return set
		}
	}
	return nil
}

// setFor is the set that runs text: c.set, or its Latin-1 form for a text
// that is not valid UTF-8 where c.set needs it; nil if that cannot
// compile.
func setFor[T ~string | ~[]byte](c *core, text T) *re2wasm.Set {
	if c.needsValid && !validUTF8(text) {
		return c.latin1()
	}
	return c.set
}

func validUTF8[T ~string | ~[]byte](text T) bool {
	if b, ok := any(text).([]byte); ok {
		return utf8.Valid(b)
	}
	return utf8.ValidString(string(text))
}

// matching returns the indices of the expressions that match text, in
// increasing order, or nil. It goes through the set or one pattern at a
// time, as measured cheaper (ways), and never lets an engine error become
// "no match": such a call is matched one by one and counted. Once ctx is
// done it returns ctx.Err().
func matching[T ~string | ~[]byte](ctx context.Context, s *Set, c *core, text T) ([]int, error) {
	if c.set == nil {
		if len(c.alone) == 0 && len(c.res) > 0 {
			s.fallbacks.Add(1) // no budget holds the set
			return oneByOne(ctx, c.res, text)
		}
		return alone(ctx, c, text, nil)
	}
	start := time.Now()
	w := c.ways.of(len(text))
	if !w.useSet() {
		s.oneByOne.Add(1)
		out, err := oneByOne(ctx, c.res, text)
		if err == nil {
			w.observe(false, len(text), time.Since(start))
		}
		return out, err
	}
	var out []int
	if answered, err := setMatch(ctx, s, c, text, &out); err != nil {
		return nil, err
	} else if !answered {
		s.fallbacks.Add(1)
		return oneByOne(ctx, c.res, text)
	}
	out, err := alone(ctx, c, text, out)
	if err == nil {
		w.observe(true, len(text), time.Since(start))
	}
	return out, err
}

// oneByOne matches every expression alone.
func oneByOne[T ~string | ~[]byte](ctx context.Context, res []*regexp.Regexp, text T) ([]int, error) {
	var out []int
	for i, re := range res {
		ok, err := matchOneUntil(ctx, re, text)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, i)
		}
	}
	return out, nil
}

// alone adds to out the expressions that the set cannot run which match
// text, and sorts it.
func alone[T ~string | ~[]byte](ctx context.Context, c *core, text T, out []int) ([]int, error) {
	for _, i := range c.alone {
		ok, err := matchOneUntil(ctx, c.res[i], text)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out, nil
}

// setMatch appends the expressions RE2's set finds in text to *out and
// reports whether it could answer; its error is only ctx's.
func setMatch[T ~string | ~[]byte](ctx context.Context, s *Set, c *core, text T, out *[]int) (bool, error) {
	set := setFor(c, text)
	if set == nil {
		return false, nil
	}
	got, err := re2wasm.SetMatch(ctx, set, text, *out)
	if testSetError != nil {
		got, err = nil, testSetError
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && err == ctxErr {
			return false, err
		}
		if errors.Is(err, re2wasm.ErrSetOutOfMemory) {
			s.outOfMemory.Add(1)
		}
		return false, nil
	}
	for i, k := range got[len(*out):] { // the set's indices, in place
		got[len(*out)+i] = c.inSet[k]
	}
	*out = got
	return true, nil
}

// testSetError, set by tests only, replaces the answer of RE2's set. RE2
// 2022-06-01's set cannot run out of memory once compiled (Compile checks
// that its DFA can start, and the DFA of a set resets its cache when full
// instead of giving up), so tests inject the error to prove what a later
// RE2 could report is never taken for "no match".
var testSetError error

// matchOneUntil is matchOne, returning ctx.Err() once ctx is done.
func matchOneUntil[T ~string | ~[]byte](ctx context.Context, re *regexp.Regexp, text T) (bool, error) {
	if ctx.Done() == nil {
		return matchOne(re, text), nil
	}
	return plan.MatchContext(ctx, plan.RootMatcher(re), text)
}

func matchOne[T ~string | ~[]byte](re *regexp.Regexp, text T) bool {
	switch t := any(text).(type) {
	case string:
		return re.MatchString(t)
	case []byte:
		return re.Match(t)
	}
	return re.MatchString(string(text))
}

func findOne[T ~string | ~[]byte](re *regexp.Regexp, text T) []int {
	switch t := any(text).(type) {
	case string:
		return re.FindStringIndex(t)
	case []byte:
		return re.FindIndex(t)
	}
	return re.FindStringIndex(string(text))
}

func matchSet[T ~string | ~[]byte](s *Set, c *core, text T) []int {
	out, _ := matching(context.Background(), s, c, text) // no error but ctx's
	return out
}

func matchSetContext[T ~string | ~[]byte](ctx context.Context, s *Set, text T) ([]int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return matching(ctx, s, s.core(false), text)
}

func findSet[T ~string | ~[]byte](s *Set, c *core, text T) []Match {
	var out []Match
	for _, i := range matchSet(s, c, text) {
		if loc := findOne(c.res[i], text); loc != nil {
			out = append(out, Match{Pattern: i, Loc: loc})
		}
	}
	return out
}
