// Package extra holds what github.com/re2wasm/regexp offers beyond the
// standard library's API, which the root package keeps exactly: pattern
// sets that say which of many patterns match a text in one pass (Set),
// cancellable matching (MatchContext, FindIndexContext,
// FindAllIndexContext and their String forms, over a *regexp.Regexp of the
// root package), regular expressions over bytes as characters for binary
// data (Latin1, CompileLatin1), and options (Option: MemoryBudget, for
// CompileSet, Compile and CompileLatin1) for what the standard library
// cannot express.
//
// Patterns use Go's syntax (parsed by regexp/syntax, with the Perl flags
// regexp.Compile uses), and every result equals, pattern by pattern, what
// the standard library's regexp gives for the same pattern compiled alone,
// on any text, invalid UTF-8 included (a Latin1 on the text read byte by
// byte).
package extra
