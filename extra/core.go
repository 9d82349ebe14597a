package extra

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/internal/plan"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// A core matches one list of expressions: those RE2's set can run exactly
// in one RE2::Set, the others (alone) one by one.
type core struct {
	res   []*regexp.Regexp // every expression alone
	set   *re2wasm.Set     // nil when RE2 could not compile one
	inSet []int            // the expression of each pattern of set
	alone []int            // expressions matched one by one, in increasing order
	ways  waysBySize       // what calls cost by the set and one by one
}

// newCore compiles RE2's set of exprs within the budgets of opts, tried in
// turn. An expression the set cannot hold (plan.SetPattern, or RE2 does
// not parse its translation even with repetitions spelled out) is matched
// alone; when the set fails as a whole (no budget holds its program, the
// runtime cannot start), core.set is nil and every call falls back.
func newCore(exprs []string, res []*regexp.Regexp, opts options) *core {
	c := &core{res: res}
	type member struct {
		expr  int
		spell bool
	}
	var members []member
	for i := range exprs {
		if _, ok := plan.SetPattern(exprs[i], false); ok {
			members = append(members, member{expr: i})
		} else {
			c.alone = append(c.alone, i)
		}
	}
	if len(members) == 0 {
		return c
	}
	for _, budget := range opts.budgets() {
		for {
			patterns := make([]string, len(members))
			for k, m := range members {
				patterns[k], _ = plan.SetPattern(exprs[m.expr], m.spell)
			}
			set, err := re2wasm.CompileSet(patterns, false, budget)
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
				for k, m := range members {
					c.inSet[k] = m.expr
				}
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
	got, err := re2wasm.SetMatch(ctx, c.set, text, *out)
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
