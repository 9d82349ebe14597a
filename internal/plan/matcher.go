// Package plan decides how each call of the regexp API runs: it holds the
// facts the parsed expression gives, learnt on the first call
// (analyze.go), the engines it can run, each compiled on first need (RE2
// in wasm: re2.go; the standard library's own matchers: std.go), and, per
// call, the reasons to pick one (strategy.go):
//
//   - a literal pattern is found by a Go string search;
//   - a text too short for any match, or not beginning with the literal
//     that every match begins with at the start, is turned down in Go;
//   - an expression anchored at the start, or beginning with a string or
//     a run of ASCII characters, in which the next character alone makes
//     every choice (`^/api/v1/users/(\d+)$`, `^(GET|POST) `,
//     `ERROR: (\w+)`, `(\w+)@(\w+)\.com`) is walked in Go, a table
//     lookup per byte, from the start or from each occurrence of the
//     string or run, when the bytes it looks at are ASCII (shape.go);
//   - Match of a sequence of characters, each of one set, once, optional
//     or repeated (`[A-Z]{5}\d`, an e-mail validator), runs every way at
//     once in Go, a bit per place in the sequence (chain.go);
//   - a short text, on which crossing into wasm costs more than the work,
//     runs the standard library's matcher, which gives the standard
//     library's results by definition;
//   - a text lacking a string that every match contains (in any case,
//     for the ASCII letters of a case-folded literal: the "panic" of
//     `(?i)panic`, the "ey" of `(?i)key`) is turned down after a
//     vectorised search in Go, and one that has it is handed to RE2 from
//     where a match can begin (window.go);
//   - anything else runs RE2 on the whole text.
//
// Strategies are invisible but in speed: tests force each in turn (Force)
// and compare every result with the standard library's.
package plan

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"sync/atomic"

	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Matcher is a compiled expression, its facts and its engines. It is safe
// for concurrent use.
type Matcher struct {
	expr           string
	posix, longest bool
	numSubexp      int
	subexpNames    []string

	// minLen and maxLen bound the length of a match (maxLen -1: no
	// bound). They and viaStd are made at Compile, not by study: a call
	// on a text shorter than any match reads them before anything else.
	minLen, maxLen int

	// The facts and the searchers are made by study on the first
	// call, not at Compile: they cost as much as the parse (studying an
	// e-mail validator took 1.8 µs of Compile's 3.2 µs, its shape and
	// chain most of it), which a pattern compiled and never used should
	// not pay. Every entry point calls studied before it reads them
	// (Match and Find after turning down a text shorter than minLen).
	study *study
	// learnt is 1 once study has made them, read and written atomically:
	// a word of the Matcher itself, which the check loads with the facts
	// it reads next (a flag behind the study pointer cost Match on 16
	// bytes 1.5 ns of its 6.5).
	learnt uint32
	facts

	// filter is the rarest string that every match contains: a text
	// without it has no match. window is the required string with the
	// smallest bound on how far after a match's start it begins (lead),
	// so that RE2 can start lead bytes before its first occurrence.
	filter, window *searcher
	windowLead     int

	// viaStd: every call runs the standard library's matcher. The
	// expression has a literal code point that decoding never yields (a
	// surrogate), which the standard library still matches in places:
	// its one-pass matcher writes an anchored literal prefix as UTF-8,
	// turning \x{d800} into U+FFFD (`^\x{d800}` matches "\uFFFD").
	viaStd bool

	// budgets are the memory budgets RE2's programs are compiled within,
	// tried in turn (nil for re2wasm.MemoryBudgets).
	budgets []int64

	re2    *lazyRE2 // the main program: UTF-8 mode if utf8Mode
	latin1 *lazyRE2 // needsValid: the program for texts that are not valid
	std    *lazyStd

	calibration *calibration // the model's errors on this pattern (calibrate.go)
}

// New parses expr (with POSIX syntax if posix) for matching,
// leftmost-longest if longest. The error is the parser's, as the standard
// library returns it. Nothing but the parse is done yet: the first call
// studies the expression, and each engine is compiled on first need.
func New(expr string, posix, longest bool) (*Matcher, error) {
	tree, err := syntax.Parse(expr, mode(posix))
	if err != nil {
		return nil, err
	}
	m := &Matcher{
		expr:        expr,
		posix:       posix,
		longest:     longest,
		numSubexp:   tree.MaxCap(),
		subexpNames: tree.CapNames(),
		study:       &study{tree: tree},
		viaStd:      hasImpossibleRune(tree),
	}
	m.minLen, m.maxLen = lengths(tree)
	m.re2, m.latin1, m.std = &lazyRE2{}, &lazyRE2{}, &lazyStd{}
	m.calibration = &calibration{}
	return m, nil
}

// study holds the parsed expression until the first call studies it.
type study struct {
	once sync.Once
	tree *syntax.Regexp
}

// studied makes sure that m's facts and searchers are made.
func (m *Matcher) studied() {
	if atomic.LoadUint32(&m.learnt) == 0 {
		m.learn() // once, on the first call
	}
}

func (m *Matcher) learn() {
	s := m.study
	s.once.Do(func() {
		m.facts = analyze(s.tree)
		m.chooseSearchers()
		s.tree = nil // no longer needed: what it tells is in the facts
		atomic.StoreUint32(&m.learnt, 1)
	})
}

func mode(posix bool) syntax.Flags {
	if posix {
		return syntax.POSIX
	}
	return syntax.Perl
}

// chooseSearchers picks filter and window among the required strings.
func (m *Matcher) chooseSearchers() {
	if m.literal != "" {
		return // found by a plain string search
	}
	for _, r := range m.required {
		s := newSearcherFold(r.s, r.fold)
		if m.filter == nil || s.rarity() < m.filter.rarity() ||
			s.rarity() == m.filter.rarity() && len(s.s) > len(m.filter.s) {
			m.filter = &s
		}
		if r.lead != unbounded && (m.window == nil || r.lead < m.windowLead) {
			m.window, m.windowLead = &s, r.lead
		}
	}
	if m.window != nil && m.filter != nil && *m.window == *m.filter {
		m.filter = nil // one search does both
	}
}

// rarest is the rarest string that every match holds: filter, or the
// window where one search does both (nil if none is required).
func (m *Matcher) rarest() *searcher {
	if m.filter != nil {
		return m.filter
	}
	return m.window
}

// LimitMemory caps the memory RE2 may use for the expression's programs
// and their DFAs' caches at bytes (bytes <= 0 restores the default). A
// program that does not fit leaves every call to the standard library's
// matcher. It must be called before the first match.
func (m *Matcher) LimitMemory(bytes int64) {
	m.budgets = nil
	if bytes > 0 {
		m.budgets = []int64{bytes}
	}
}

// WithLongest returns the matcher for the same expression with
// leftmost-longest matching. Engines compiled for m are not shared.
func (m *Matcher) WithLongest() *Matcher {
	if m.longest {
		return m
	}
	m.studied() // the copy shares the facts, not their making
	c := *m
	c.longest = true
	c.re2, c.latin1, c.std = &lazyRE2{}, &lazyRE2{}, &lazyStd{}
	c.calibration = &calibration{}
	return &c
}

// NumSubexp is the number of capture groups.
func (m *Matcher) NumSubexp() int { return m.numSubexp }

// SubexpNames are the names of the groups, [0] (the whole match) "".
func (m *Matcher) SubexpNames() []string { return m.subexpNames }

// Std is the standard library's compilation of the expression, made on
// first use, for what only it can answer (reading from an io.RuneReader,
// LiteralPrefix).
func (m *Matcher) Std() *regexp.Regexp { return m.std.get(m) }

// lazyStd holds the standard library's compilation, made on first use.
type lazyStd struct {
	once sync.Once
	re   *regexp.Regexp
	done atomic.Bool
}

func (l *lazyStd) get(m *Matcher) *regexp.Regexp {
	if l.done.Load() {
		return l.re // inlined: every call that runs the matcher asks
	}
	return l.compile(m)
}

func (l *lazyStd) compile(m *Matcher) *regexp.Regexp {
	l.once.Do(func() {
		if m.posix {
			l.re = regexp.MustCompilePOSIX(m.expr)
		} else {
			l.re = regexp.MustCompile(m.expr)
		}
		if m.longest {
			l.re.Longest()
		}
		l.done.Store(true)
	})
	return l.re
}

// ready reports whether the compilation is made; it makes none.
func (l *lazyStd) ready() bool { return l.done.Load() }

// lazyRE2 holds RE2's compilation, made on first use. err is set when RE2
// could not compile the expression (too large for its largest budget, a
// runtime that cannot start): calls then run the standard library's
// matcher instead.
type lazyRE2 struct {
	once   sync.Once
	prog   *re2wasm.Regexp
	err    error
	done   atomic.Bool // prog is set
	failed atomic.Bool // err is set

	// excess is what calls that ran the standard library's matcher cost
	// beyond what RE2 would have, while RE2 was not compiled (preferStd).
	excess atomic.Int64
}

func (l *lazyRE2) get(m *Matcher, utf8Mode bool) (*re2wasm.Regexp, error) {
	l.once.Do(func() {
		l.prog, l.err = compileRE2(m, utf8Mode)
		l.done.Store(l.err == nil)
		l.failed.Store(l.err != nil)
	})
	return l.prog, l.err
}

// ready reports whether RE2 compiled the expression, and unavailable
// whether it tried and could not; neither compiles anything.
func (l *lazyRE2) ready() bool       { return l.done.Load() }
func (l *lazyRE2) unavailable() bool { return l.failed.Load() }
