package extra

import (
	"context"

	"github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/internal/plan"
)

// Cancellable matching. These functions take a *regexp.Regexp of the
// root package (github.com/re2wasm/regexp), so that one compiled pattern
// serves both its methods and them, and give its methods' results; they
// return ctx.Err() instead when ctx is done before the search ends,
// leaving nothing behind in the engine.
//
// RE2's search loops ask, every 64 KiB of text they scan (4 KiB in its
// NFA), whether the context has ended, whatever the pattern (RE2 is
// patched for this: wasm/src/patches/stop-on-request.patch), and copying
// a long text into the engine stops between stretches of 1 MiB. On
// 512 MiB, calls returned mostly 0.02 to 0.6 ms after the end of their
// context, a few 1 to 10 ms (TestContextCancel logs it). A call the
// planner gives to the standard library's matchers (a text under 4 KiB,
// or a pattern RE2 cannot compile) runs to its end.

// MatchContext reports whether b contains any match of re, as re.Match
// does, or returns ctx.Err() (and false) if ctx is done first. An error
// of the engine is returned too, where re.Match would panic.
func MatchContext(ctx context.Context, re *regexp.Regexp, b []byte) (bool, error) {
	return plan.MatchContext(ctx, plan.RootMatcher(re), b)
}

// MatchStringContext is like MatchContext but matches the string s.
func MatchStringContext(ctx context.Context, re *regexp.Regexp, s string) (bool, error) {
	return plan.MatchContext(ctx, plan.RootMatcher(re), s)
}

// FindIndexContext returns what re.FindIndex(b) returns (nil for no
// match), or nil and ctx.Err() if ctx is done first.
func FindIndexContext(ctx context.Context, re *regexp.Regexp, b []byte) ([]int, error) {
	return plan.FindContext(ctx, plan.RootMatcher(re), b, 1)
}

// FindStringIndexContext is like FindIndexContext but matches the string
// s.
func FindStringIndexContext(ctx context.Context, re *regexp.Regexp, s string) ([]int, error) {
	return plan.FindContext(ctx, plan.RootMatcher(re), s, 1)
}

// FindAllIndexContext returns what re.FindAllIndex(b, n) returns, or nil
// and ctx.Err() if ctx is done first.
func FindAllIndexContext(ctx context.Context, re *regexp.Regexp, b []byte, n int) ([][]int, error) {
	return findAllContext(ctx, re, b, n)
}

// FindAllStringIndexContext is like FindAllIndexContext but matches the
// string s.
func FindAllStringIndexContext(ctx context.Context, re *regexp.Regexp, s string, n int) ([][]int, error) {
	return findAllContext(ctx, re, s, n)
}

func findAllContext[T []byte | string](ctx context.Context, re *regexp.Regexp, text T, n int) ([][]int, error) {
	if n == 0 {
		return nil, ctx.Err()
	}
	var out [][]int
	err := plan.FindAllContext(ctx, plan.RootMatcher(re), text, n, 1, func(offsets []int) {
		out = append(out, []int{offsets[0], offsets[1]})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
