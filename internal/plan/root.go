package plan

// The root package's *regexp.Regexp holds a Matcher that it cannot
// export; it sets these for the extra package, which adds to its API.
var (
	// RootMatcher is the Matcher of a root package *regexp.Regexp.
	RootMatcher func(re any) *Matcher
	// RootRegexp is the root package *regexp.Regexp of expr (Go's Perl
	// syntax) matched by m.
	RootRegexp func(expr string, m *Matcher) any
)
