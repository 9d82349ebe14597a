package extra

import (
	"bytes"
	"context"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"

	stdregexp "regexp"

	"github.com/re2wasm/regexp/internal/re2syntax"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Latin1 is a regular expression that matches bytes as characters: each
// byte of a text is one character, the byte 0xHH being the code point
// U+00HH (ISO 8859-1), whatever the bytes are. It scans binary data,
// which the standard library cannot: there, a byte that is not valid
// UTF-8 is U+FFFD, and \xff matches the two bytes C3 BF.
//
// The syntax is Go's (regexp/syntax, Perl flags). \xHH and \x{HH} match
// the byte 0xHH, . any byte but \n ((?s). any byte), [\x80-\xff] the bytes
// with the high bit set; a character above U+00FF matches nothing, and a
// literal non-ASCII character of the pattern (é, U+00E9) matches the one
// byte of its code point (0xE9), not its UTF-8 encoding. Classes and case
// folding are Go's restricted to U+0000-U+00FF: \pL holds the Latin-1
// letters, (?i)é matches é and É, (?i)k matches k and K (the Kelvin sign
// is no byte). \b, \w, \d and \s are ASCII, as in Go.
//
// Every result equals what the standard library's regexp gives on the text
// decoded byte by byte into the runes of the bytes' values, with offsets
// counted in bytes of the original text. Matching is leftmost-first, and a
// find-all steps over an empty match by one byte.
//
// A Latin1 is safe for concurrent use by multiple goroutines.
type Latin1 struct {
	expr        string
	subexpNames []string
	literal     []byte // the pattern is this literal: a plain byte search
	isLiteral   bool
	prog        *re2wasm.Regexp // nil if RE2 could not compile it
	std         func() *stdregexp.Regexp
}

// CompileLatin1 parses a regular expression and returns, if successful, a
// Latin1 that matches it against bytes as characters. The errors are
// those of regexp.Compile. Of the options, MemoryBudget applies: RE2's
// program and the cache of its DFA stay within it, and a program that does
// not fit (or an engine that cannot start) leaves every call to the
// standard library's matcher on the decoded text, with the same results
// at its speed.
func CompileLatin1(expr string, opts ...Option) (*Latin1, error) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	o := newOptions(opts)
	re := &Latin1{
		expr:        expr,
		subexpNames: tree.CapNames(),
		std: sync.OnceValue(func() *stdregexp.Regexp {
			return stdregexp.MustCompile(expr)
		}),
	}
	if lit, ok := latin1Literal(tree); ok {
		re.literal, re.isLiteral = lit, true
		return re, nil
	}
	re2opts := re2wasm.Options{Flags: re2wasm.Latin1, Budgets: o.budgets()}
	prog, err := re2wasm.CompileWith(re2syntax.TranslateLatin1(tree, false), re2opts)
	if re2wasm.ErrorCodeOf(err) == re2wasm.ErrRepeatSize {
		// RE2 caps nested counted repetitions that Go allows.
		prog, err = re2wasm.CompileWith(re2syntax.TranslateLatin1(tree, true), re2opts)
	}
	if err == nil && prog.NumGroups() == tree.MaxCap() {
		re.prog = prog
	}
	return re, nil
}

// MustCompileLatin1 is like CompileLatin1 but panics if the expression
// cannot be parsed.
func MustCompileLatin1(expr string, opts ...Option) *Latin1 {
	re, err := CompileLatin1(expr, opts...)
	if err != nil {
		panic(`extra: CompileLatin1(` + quote(expr) + `): ` + err.Error())
	}
	return re
}

// latin1Literal returns the bytes of a pattern that is a case-sensitive
// literal of runes up to U+00FF.
func latin1Literal(tree *syntax.Regexp) ([]byte, bool) {
	if tree.Op != syntax.OpLiteral || tree.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	lit := make([]byte, len(tree.Rune))
	for i, r := range tree.Rune {
		if r > 0xFF {
			return nil, false
		}
		lit[i] = byte(r)
	}
	return lit, true
}

// String returns the source text used to compile the regular expression.
func (re *Latin1) String() string { return re.expr }

// NumSubexp returns the number of parenthesized subexpressions.
func (re *Latin1) NumSubexp() int { return len(re.subexpNames) - 1 }

// SubexpNames returns the names of the parenthesized subexpressions, as
// regexp.Regexp.SubexpNames does: [0] is the whole match, "" an unnamed
// group. The slice must not be modified.
func (re *Latin1) SubexpNames() []string { return re.subexpNames }

// SubexpIndex returns the index of the first subexpression with the given
// name, or -1 if there is none.
func (re *Latin1) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.subexpNames {
			if s == name {
				return i
			}
		}
	}
	return -1
}

// find returns the offsets of ngroups groups of the leftmost match in
// text (ngroups 0: only whether there is one, as an empty non-nil slice),
// or nil.
func find[T ~string | ~[]byte](re *Latin1, text T, ngroups int) []int {
	m, _ := findUntil(context.Background(), re, text, ngroups)
	return m
}

// findUntil is find, returning ctx.Err() instead once ctx is done (the
// standard library's matcher, when it runs, runs to its end).
func findUntil[T ~string | ~[]byte](ctx context.Context, re *Latin1, text T, ngroups int) ([]int, error) {
	if re.isLiteral {
		return findLiteral(ctx, re, text, ngroups)
	}
	if re.prog != nil {
		offsets := make([]int, 2*ngroups)
		ok, err := re2wasm.Match(ctx, re.prog, text, 0, len(text), offsets)
		if err == nil {
			if !ok {
				return nil, nil
			}
			return offsets, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	all := findAllStd(re, text, 1, ngroups)
	if len(all) == 0 {
		return nil, nil
	}
	return all[0], nil
}

// findAll returns the offsets of ngroups (>= 1) groups of successive
// matches of text, at most n of them (all if n < 0), or nil.
func findAll[T ~string | ~[]byte](re *Latin1, text T, n, ngroups int) [][]int {
	all, _ := findAllUntil(context.Background(), re, text, n, ngroups)
	return all
}

// findAllUntil is findAll, returning ctx.Err() instead once ctx is done.
func findAllUntil[T ~string | ~[]byte](ctx context.Context, re *Latin1, text T, n, ngroups int) ([][]int, error) {
	if n == 0 {
		return nil, ctx.Err()
	}
	if re.isLiteral {
		return findAllLiteral(ctx, re, text, n, ngroups)
	}
	if re.prog != nil {
		var out [][]int
		err := re2wasm.MatchAll(ctx, re.prog, text, 0, ngroups, n, func(offsets []int) bool {
			out = append(out, append([]int(nil), offsets...))
			return true
		})
		if err == nil {
			return out, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return findAllStd(re, text, n, ngroups), nil
}

// findLiteral is find for a literal pattern.
func findLiteral[T ~string | ~[]byte](ctx context.Context, re *Latin1, text T, ngroups int) ([]int, error) {
	i := index(ctx, text, re.literal)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, nil
	}
	offsets := make([]int, 2*ngroups)
	if ngroups > 0 {
		offsets[0], offsets[1] = i, i+len(re.literal)
	}
	return offsets, nil
}

// findAllLiteral is findAll for a literal pattern (of one byte or more):
// successive non-overlapping occurrences.
func findAllLiteral[T ~string | ~[]byte](ctx context.Context, re *Latin1, text T, n, ngroups int) ([][]int, error) {
	var out [][]int
	for pos := 0; n < 0 || len(out) < n; {
		i := index(ctx, text[pos:], re.literal)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if i < 0 {
			break
		}
		m := make([]int, 2*ngroups)
		m[0], m[1] = pos+i, pos+i+len(re.literal)
		out = append(out, m)
		pos += i + len(re.literal)
	}
	return out, nil
}

// index is the offset of lit in text, or -1; it gives up (-1) once ctx is
// done, looking between searches of a MiB.
func index[T ~string | ~[]byte](ctx context.Context, text T, lit []byte) int {
	const piece = 1 << 20
	for from := 0; ; from += piece {
		end := min(len(text), from+piece+len(lit)-1)
		var i int
		switch t := any(text[from:end]).(type) {
		case string:
			i = strings.Index(t, string(lit))
		case []byte:
			i = bytes.Index(t, lit)
		default:
			i = strings.Index(string(text[from:end]), string(lit))
		}
		if i >= 0 {
			return from + i
		}
		if end == len(text) || ctx.Err() != nil {
			return -1
		}
	}
}

// findAllStd is findAll by the standard library's matcher on text decoded
// into runes (each byte its own rune), offsets mapped back to bytes: the
// definition of the results, used when RE2 cannot run.
func findAllStd[T ~string | ~[]byte](re *Latin1, text T, n, ngroups int) [][]int {
	decoded := make([]rune, len(text))
	for i := 0; i < len(text); i++ {
		decoded[i] = rune(text[i])
	}
	s := string(decoded)
	// at[k] is the offset in s of the rune of byte k; the rune of a byte
	// below 0x80 is one byte of s, of any other two.
	at := make([]int, len(text)+1)
	for i := 0; i < len(text); i++ {
		at[i+1] = at[i] + 1 + int(text[i]>>7)
	}
	all := re.std().FindAllStringSubmatchIndex(s, n)
	out := make([][]int, 0, len(all))
	for _, m := range all {
		mm := make([]int, 2*ngroups)
		for k := range mm {
			mm[k] = toByte(at, m[k])
		}
		out = append(out, mm)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// toByte maps an offset of the decoded string back to the byte offset it
// began at (at is sorted), or keeps -1.
func toByte(at []int, u int) int {
	if u < 0 {
		return -1
	}
	k, _ := slices.BinarySearch(at, u)
	return k
}

// quote quotes s as Go source, with backquotes when it can.
func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
