// Package regexp implements regular expression search with the API and the
// results of the standard library's regexp package, running Google's RE2
// underneath: compiled to WebAssembly and translated ahead of time into Go
// (or, with the build tag re2wasm_wazero, run by wazero), so no cgo is
// needed. On short texts, where crossing into RE2 costs more than the
// work, the standard library's own matchers run instead.
//
// Change the import path and nothing else:
//
//	import "github.com/re2wasm/regexp"
//
// The syntax is the standard library's, parsed by regexp/syntax, so the same
// patterns compile and the same ones fail, with the same error texts. Every
// method returns what the standard library's returns, including for invalid
// UTF-8 (each invalid byte is U+FFFD of width 1), empty matches and
// leftmost-longest matching. Matching takes time linear in the size of the
// input, and RE2's automata make it much faster than the standard library
// on large inputs and hard patterns.
//
// A Regexp is safe for concurrent use by multiple goroutines, except for
// configuration methods such as Longest.
package regexp

import (
	"strconv"
	"strings"

	"github.com/re2wasm/regexp/internal/plan"
)

// Regexp is the representation of a compiled regular expression.
// A Regexp is safe for concurrent use by multiple goroutines, except for
// configuration methods, such as Longest.
type Regexp struct {
	expr  string // as passed to Compile
	posix bool   // compiled by CompilePOSIX
	m     *plan.Matcher
}

// Compile parses a regular expression and returns, if successful, a Regexp
// that can be used to match against text.
//
// When matching against text, the regexp returns a match that begins as
// early as possible in the input (leftmost), and among those it chooses the
// one that a backtracking engine would have found first. This is called
// leftmost-first matching, the semantics of Perl, Python and the standard
// library.
func Compile(expr string) (*Regexp, error) {
	return compile(expr, false, false)
}

// CompilePOSIX is like Compile but restricts the regular expression to POSIX
// ERE (egrep) syntax and changes the match semantics to leftmost-longest:
// among the matches that begin leftmost, it chooses the longest one.
//
// As in the standard library, the submatches are not those POSIX prescribes:
// among the longest matches, the one chosen is the first that a backtracking
// engine would find.
func CompilePOSIX(expr string) (*Regexp, error) {
	return compile(expr, true, true)
}

// MustCompile is like Compile but panics if the expression cannot be parsed.
// It simplifies safe initialization of global variables holding compiled
// regular expressions.
func MustCompile(str string) *Regexp {
	re, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// MustCompilePOSIX is like CompilePOSIX but panics if the expression cannot
// be parsed.
func MustCompilePOSIX(str string) *Regexp {
	re, err := CompilePOSIX(str)
	if err != nil {
		panic(`regexp: CompilePOSIX(` + quote(str) + `): ` + err.Error())
	}
	return re
}

// quote writes s as Go source would, with backquotes where it can.
func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// compile parses and plans; the engines are compiled when a call first
// needs them.
func compile(expr string, posix, longest bool) (*Regexp, error) {
	m, err := plan.New(expr, posix, longest)
	if err != nil {
		return nil, err
	}
	return &Regexp{expr: expr, posix: posix, m: m}, nil
}

// String returns the source text used to compile the regular expression.
func (re *Regexp) String() string {
	return re.expr
}

// Copy returns a new Regexp object copied from re. Calling Longest on one
// copy does not affect another.
//
// Deprecated: In earlier releases, when using a Regexp in multiple
// goroutines, giving each goroutine its own copy helped to avoid lock
// contention. As of Go 1.12, using Copy is no longer necessary to avoid
// lock contention. Copy may still be appropriate if the reason for its use
// is to make two copies with different Longest settings.
func (re *Regexp) Copy() *Regexp {
	c := *re
	return &c
}

// Longest makes future searches prefer leftmost-longest matches: among the
// matches that begin leftmost, the longest one. This method modifies the
// Regexp and may not be called concurrently with any other methods.
func (re *Regexp) Longest() {
	re.m = re.m.WithLongest()
}

// NumSubexp returns the number of parenthesized subexpressions in this
// Regexp.
func (re *Regexp) NumSubexp() int {
	return re.m.NumSubexp()
}

// SubexpNames returns the names of the parenthesized subexpressions in this
// Regexp. The name for the first subexpression is names[1], so that if m is
// a match slice, the name for m[i] is SubexpNames()[i]. Since the Regexp as
// a whole cannot be named, names[0] is always the empty string. The slice
// should not be modified.
func (re *Regexp) SubexpNames() []string {
	return re.m.SubexpNames()
}

// SubexpIndex returns the index of the first subexpression with the given
// name, or -1 if there is no subexpression with that name.
//
// Several subexpressions can be written with the same name, as in
// (?P<bob>a+)(?P<bob>b+); SubexpIndex then returns the index of the
// leftmost one.
func (re *Regexp) SubexpIndex(name string) int {
	if name == "" {
		return -1
	}
	for i, n := range re.m.SubexpNames() {
		if n == name {
			return i
		}
	}
	return -1
}

// LiteralPrefix returns a literal string that must begin any match of the
// regular expression re. It returns the boolean true if the literal string
// comprises the entire regular expression.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	return re.m.Std().LiteralPrefix()
}

// MarshalText implements encoding.TextMarshaler. The output matches that of
// calling the String method.
//
// Note that the output is lossy in some cases: it does not say whether the
// expression was compiled with CompilePOSIX or whether Longest was called.
func (re *Regexp) MarshalText() ([]byte, error) {
	return re.AppendText(nil)
}

// AppendText implements encoding.TextAppender. The output matches that of
// calling the String method, with the same loss as MarshalText.
func (re *Regexp) AppendText(b []byte) ([]byte, error) {
	return append(b, re.String()...), nil
}

// UnmarshalText implements encoding.TextUnmarshaler by calling Compile on
// the encoded value. It works on a zero Regexp.
func (re *Regexp) UnmarshalText(text []byte) error {
	compiled, err := Compile(string(text))
	if err != nil {
		return err
	}
	*re = *compiled
	return nil
}

// QuoteMeta returns a string that escapes all regular expression
// metacharacters inside the argument text; the returned string is a regular
// expression matching the literal text.
func QuoteMeta(s string) string {
	var b strings.Builder
	b.Grow(2 * len(s))
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(`\.+*?()|[]{}^$`, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func init() {
	plan.RootMatcher = func(re any) *plan.Matcher { return re.(*Regexp).m }
	plan.RootRegexp = func(expr string, m *plan.Matcher) any { return &Regexp{expr: expr, m: m} }
}
