// Package regexp implements regular expression search with the API and the
// results of the standard library's regexp package, running Google's RE2
// (compiled to WebAssembly, run by the pure-Go runtime wazero) underneath.
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
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/re2syntax"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Regexp is the representation of a compiled regular expression.
// A Regexp is safe for concurrent use by multiple goroutines, except for
// configuration methods, such as Longest.
type Regexp struct {
	expr        string // as passed to Compile
	posix       bool   // compiled by CompilePOSIX
	longest     bool   // leftmost-longest (POSIX or Longest)
	prog        *re2wasm.Regexp
	numSubexp   int
	subexpNames []string // [0] is the whole match, always ""

	// latin1 is set when prog runs in RE2's UTF-8 mode and matches as Go
	// does on valid UTF-8 only: it makes, on the first text that is not
	// valid, the Latin-1 program that matches such texts.
	latin1 *lazyLatin1

	// literal is the whole expression when it is a plain string (no
	// metacharacter, no case folding, no U+FFFD): matches are then found by
	// strings.Index in Go, with the same results.
	literal      string
	literalBytes []byte

	// anchoredPrefix is a literal that every match begins with at the start
	// of the text (`^abc(d|e)`; same conditions as literal): a text that
	// does not begin with it is turned down in Go, without copying it into
	// wasm memory.
	anchoredPrefix string

	// headMatches: every match begins at the start of the text and nothing
	// in the expression looks past a match's end ($, \b, \B), so a match
	// in a head of the text is a match in the text. On a long text, Match
	// tries a head first (matchHead), sparing the copy of the rest.
	headMatches bool

	// viaStd: every method runs the standard library's matcher. The
	// expression has a literal code point that decoding never yields (a
	// surrogate), which the standard library still matches in places:
	// its one-pass matcher writes an anchored literal prefix as UTF-8,
	// turning \x{d800} into U+FFFD (`^\x{d800}` matches "\uFFFD").
	viaStd bool

	// std is the standard library's compilation of the same expression,
	// made on first use by the methods that read from an io.RuneReader and
	// by LiteralPrefix, whose results depend on how far and in what way
	// the standard library's matcher reads.
	std *lazyStd
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
	return compile(expr, syntax.Perl, false)
}

// CompilePOSIX is like Compile but restricts the regular expression to POSIX
// ERE (egrep) syntax and changes the match semantics to leftmost-longest:
// among the matches that begin leftmost, it chooses the longest one.
//
// As in the standard library, the submatches are not those POSIX prescribes:
// among the longest matches, the one chosen is the first that a backtracking
// engine would find.
func CompilePOSIX(expr string) (*Regexp, error) {
	return compile(expr, syntax.POSIX, true)
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

func compile(expr string, mode syntax.Flags, longest bool) (*Regexp, error) {
	parsed, err := syntax.Parse(expr, mode)
	if err != nil {
		return nil, err
	}
	re := &Regexp{
		expr:        expr,
		posix:       mode == syntax.POSIX,
		longest:     longest,
		numSubexp:   parsed.MaxCap(),
		subexpNames: parsed.CapNames(),
	}
	re.std = newLazyStd(expr, re.posix, longest)
	if hasOp(parsed, syntax.OpLiteral) && hasImpossibleRune(parsed) {
		re.viaStd = true
		return re, nil
	}
	if plainLiteral(parsed) {
		re.literal = string(parsed.Rune)
		re.literalBytes = []byte(re.literal)
	} else if parsed.Op == syntax.OpConcat && len(parsed.Sub) >= 2 &&
		parsed.Sub[0].Op == syntax.OpBeginText && plainLiteral(parsed.Sub[1]) {
		re.anchoredPrefix = string(parsed.Sub[1].Rune)
	}
	re.headMatches = anchoredAtStart(parsed) && !hasOp(parsed,
		syntax.OpEndText, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary)
	if re.prog, re.latin1, err = compilePrograms(parsed, expr, re.posix, longest); err != nil {
		return nil, err
	}
	if n := re.prog.NumGroups(); n != re.numSubexp {
		return nil, fmt.Errorf("regexp: internal error: RE2 counts %d groups in %q, Go %d", n, expr, re.numSubexp)
	}
	return re, nil
}

// plainLiteral reports whether re is a literal that a byte search finds
// exactly where the standard library matches it: no case folding, no
// U+FFFD, which also matches an invalid byte, and no code point that
// decoding never yields (a surrogate, which string() would turn into
// U+FFFD).
func plainLiteral(re *syntax.Regexp) bool {
	if re.Op != syntax.OpLiteral || re.Flags&syntax.FoldCase != 0 {
		return false
	}
	for _, r := range re.Rune {
		if r == utf8.RuneError || !utf8.ValidRune(r) {
			return false
		}
	}
	return true
}

// hasNonASCIILiteral reports whether a literal of re holds a code point
// beyond ASCII.
func hasNonASCIILiteral(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && slices.ContainsFunc(re.Rune, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasNonASCIILiteral)
}

// hasImpossibleRune reports whether a literal of re holds a code point
// that UTF-8 decoding never yields (a surrogate).
func hasImpossibleRune(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && slices.ContainsFunc(re.Rune, func(r rune) bool { return !utf8.ValidRune(r) }) {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasImpossibleRune)
}

// memoryBudgets are the RE2 memory budgets tried in turn: RE2's default
// first, then more, so that every pattern Go accepts compiles.
var memoryBudgets = []int64{8 << 20, 64 << 20, 512 << 20, 2 << 30}

// compilePrograms compiles the RE2 programs that matching parsed needs
// (measured in internal/re2wasm's TestModeFigures):
//
//   - A pattern of ASCII literals and ASCII classes has one Latin-1
//     program and its texts are not checked (exactOnAnyText), as before:
//     both modes compile and match it alike.
//   - Any other has a program in RE2's UTF-8 mode, which compiles 1.2-2.4x
//     as fast for Unicode classes and 1.3-1.5x for non-ASCII literals,
//     holds less memory, and matches as fast or faster. When its classes
//     hold no U+FFFD and it has no . or \B (\pL+, (?i)шерлок, [а-я]+), it
//     matches as Go does on any text (re2syntax.NeedsValidUTF8), so its
//     texts are not checked, where a Latin-1 program of classes checks
//     every text (utf8.Valid of multilingual text costs tens of times the
//     copy).
//   - Otherwise (., [^a], \PL) the UTF-8 program takes the texts that are
//     valid UTF-8, and a lazyLatin1 the others.
func compilePrograms(parsed *syntax.Regexp, expr string, posix, longest bool) (*re2wasm.Regexp, *lazyLatin1, error) {
	if exactOnAnyText(parsed) && !hasNonASCIILiteral(parsed) {
		prog, err := compileRE2(parsed, longest, false)
		return prog, nil, err
	}
	prog, err := compileRE2(parsed, longest, true)
	if err != nil || !re2syntax.NeedsValidUTF8(parsed) {
		return prog, nil, err
	}
	return prog, &lazyLatin1{expr: expr, posix: posix, longest: longest}, nil
}

// compileRE2 translates a parsed expression to RE2, for its UTF-8 mode if
// utf8Mode and else for its Latin-1 mode, and compiles it.
func compileRE2(parsed *syntax.Regexp, longest, utf8Mode bool) (*re2wasm.Regexp, error) {
	translate := re2syntax.Translate
	flags := re2wasm.Latin1 | re2wasm.UTF8Text
	if utf8Mode {
		translate, flags = re2syntax.TranslateUTF8, 0
	}
	if longest {
		flags |= re2wasm.Longest
	}
	if hasOp(parsed, syntax.OpNoWordBoundary) {
		flags |= re2wasm.CheckCharStart
	} else if !utf8Mode && exactOnAnyText(parsed) {
		flags |= re2wasm.ExactPattern
	}
	prog, err := compileWithBudgets(translate(parsed, false), flags)
	if errorCode(err) == re2wasm.ErrRepeatSize {
		// RE2 caps nested counted repetitions that Go allows: spell them
		// out instead.
		prog, err = compileWithBudgets(translate(parsed, true), flags)
	}
	switch {
	case err == nil:
		return prog, nil
	case errorCode(err) == re2wasm.ErrPatternTooLarge:
		return nil, fmt.Errorf("regexp: expression too large for RE2: %w", err)
	case errorCode(err) != 0:
		return nil, fmt.Errorf("regexp: internal error: RE2 refused %q: %w", parsed, err)
	default: // the runtime failed: a trap, no memory left
		return nil, fmt.Errorf("regexp: compiling %q: %w", parsed, err)
	}
}

// compileWithBudgets compiles RE2 pattern text with the smallest memory
// budget that holds its program.
func compileWithBudgets(text string, flags re2wasm.Flags) (*re2wasm.Regexp, error) {
	var err error
	for i, budget := range memoryBudgets {
		if budget < 64*int64(len(text)) && i < len(memoryBudgets)-1 {
			continue // surely too small: spare RE2 a failed compilation
		}
		var prog *re2wasm.Regexp
		prog, err = re2wasm.Compile(text, flags, budget)
		if errorCode(err) != re2wasm.ErrPatternTooLarge {
			return prog, err
		}
	}
	return nil, err
}

// errorCode is RE2's error code in err, or 0.
func errorCode(err error) re2wasm.ErrorCode {
	var e *re2wasm.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// anchoredAtStart reports whether every match of re begins at the start of
// the text (\A, or ^ without the m flag).
func anchoredAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredAtStart(re.Sub[0])
	case syntax.OpCapture:
		return anchoredAtStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !anchoredAtStart(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// hasOp reports whether any of ops occurs anywhere in re.
func hasOp(re *syntax.Regexp, ops ...syntax.Op) bool {
	if slices.Contains(ops, re.Op) {
		return true
	}
	for _, sub := range re.Sub {
		if hasOp(sub, ops...) {
			return true
		}
	}
	return false
}

// exactOnAnyText reports whether re matches nothing but ASCII bytes and the
// whole UTF-8 encodings of the characters of its literals, which the
// translation spells out byte for byte, case-folded ones included
// (re2syntax's TestLiteralsAreExact). Such a match can neither begin nor end
// inside a character, nor take in a byte of an invalid sequence, so invalid
// UTF-8 in a text cannot change its matches and the text needs no
// sanitising. Classes with non-ASCII members and . are translated loosely,
// for sanitised text only; U+FFFD also matches an invalid byte.
func exactOnAnyText(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpLiteral:
		if slices.Contains(re.Rune, utf8.RuneError) {
			return false
		}
	case syntax.OpCharClass:
		if n := len(re.Rune); n > 0 && re.Rune[n-1] >= utf8.RuneSelf {
			return false
		}
	}
	for _, sub := range re.Sub {
		if !exactOnAnyText(sub) {
			return false
		}
	}
	return true
}

// lazyLatin1 holds the Latin-1 program of a pattern whose program runs in
// RE2's UTF-8 mode, made on the first text that is not valid UTF-8 (once,
// whichever goroutine gets there first): most programs never see one, and
// Latin-1 programs of Unicode classes take about twice as long to compile.
type lazyLatin1 struct {
	once           sync.Once
	prog           *re2wasm.Regexp // nil if it could not be made
	err            error
	expr           string
	posix, longest bool
}

// get returns the Latin-1 program, or nil if it could not be made (RE2
// found it too large, or the runtime failed): the standard library then
// matches the texts that are not valid UTF-8, with the same results.
func (l *lazyLatin1) get() *re2wasm.Regexp {
	l.once.Do(func() {
		mode := syntax.Perl
		if l.posix {
			mode = syntax.POSIX
		}
		parsed, err := syntax.Parse(l.expr, mode)
		if err == nil {
			l.prog, err = compileRE2(parsed, l.longest, false)
		}
		if err == nil && l.prog.NumGroups() != parsed.MaxCap() {
			l.prog, err = nil, fmt.Errorf("regexp: internal error: RE2 counts %d groups in %q, Go %d", l.prog.NumGroups(), l.expr, parsed.MaxCap())
		}
		l.err = err
	})
	return l.prog
}

// lazyStd holds the standard library's compilation, made on first use.
type lazyStd struct {
	once           sync.Once
	re             *regexp.Regexp
	expr           string
	posix, longest bool
}

func newLazyStd(expr string, posix, longest bool) *lazyStd {
	return &lazyStd{expr: expr, posix: posix, longest: longest}
}

func (l *lazyStd) get() *regexp.Regexp {
	l.once.Do(func() {
		if l.posix {
			l.re = regexp.MustCompilePOSIX(l.expr)
		} else {
			l.re = regexp.MustCompile(l.expr)
		}
		if l.longest {
			l.re.Longest()
		}
	})
	return l.re
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
	if re.longest {
		return
	}
	if re.viaStd {
		re.longest = true
		re.std = newLazyStd(re.expr, re.posix, true)
		return
	}
	mode := syntax.Perl
	if re.posix {
		mode = syntax.POSIX
	}
	parsed, err := syntax.Parse(re.expr, mode)
	if err != nil {
		panic("regexp: Longest(" + quote(re.expr) + "): " + err.Error())
	}
	prog, latin1, err := compilePrograms(parsed, re.expr, re.posix, true)
	if err != nil {
		panic("regexp: Longest(" + quote(re.expr) + "): " + err.Error())
	}
	re.prog, re.latin1 = prog, latin1
	re.longest = true
	re.std = newLazyStd(re.expr, re.posix, true)
}

// NumSubexp returns the number of parenthesized subexpressions in this
// Regexp.
func (re *Regexp) NumSubexp() int {
	return re.numSubexp
}

// SubexpNames returns the names of the parenthesized subexpressions in this
// Regexp. The name for the first subexpression is names[1], so that if m is
// a match slice, the name for m[i] is SubexpNames()[i]. Since the Regexp as
// a whole cannot be named, names[0] is always the empty string. The slice
// should not be modified.
func (re *Regexp) SubexpNames() []string {
	return re.subexpNames
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
	for i, n := range re.subexpNames {
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
	return re.std.get().LiteralPrefix()
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
