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
// How promptly they return depends on the pattern. Where the length of
// a match is bounded (`[a-z]{3}\d`, `ERROR: \w{1,40}`), a text of 2 MiB
// or more is searched in chunks of 1 MiB, the context being looked at
// between chunks. Where it is not (`a.*b`, `\w+`), MatchContext searches
// prefixes that double in length, looking at the context before each,
// and FindIndexContext looks at it only before its one search.

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
