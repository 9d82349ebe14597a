package plan

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/re2wasm/regexp/internal/preempt"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Text is what an expression matches against.
type Text = re2wasm.Text

// Strategy names a way to run a call.
type Strategy int

const (
	// Auto picks per call (pick).
	Auto Strategy = iota
	// Std runs the standard library's matcher.
	Std
	// RE2 runs RE2 on the whole text.
	RE2
	// Windowed turns down a text without the required strings and hands
	// RE2 the part of the text where a match can begin (window.go);
	// where the expression requires no string, RE2 on the whole text.
	Windowed
)

func (s Strategy) String() string {
	return [...]string{"auto", "std", "re2", "windowed"}[s]
}

// forced, when not Auto, is the strategy of every call (Force).
var forced Strategy

// Force makes every call use s, so that tests can compare each strategy
// with the standard library on every case, not only where the planner
// would pick it; Force(Auto) ends it. Literal searches and checks in Go
// that answer without an engine are skipped under Std and RE2. It must
// not be called while matching runs.
func Force(s Strategy) { forced = s }

// pick chooses the engine of a call with ngroups groups wanted, Std, RE2
// or Windowed, into c.how; a call the estimates decided may be timed
// (c.estimate set, calibrate.go).
func (m *Matcher) pick(w work, ngroups int, c *call) {
	switch {
	case m.viaStd:
		c.how = Std
		return
	case forced != Auto:
		c.how = forced
		return
	}
	prefer, decided, std, re2 := m.preferStd(w, ngroups)
	c.how, c.estimate = m.nonStd(), 0
	if prefer {
		c.how = Std
	}
	if !decided {
		return
	}
	timed, explore := sample()
	if !timed {
		return
	}
	if explore {
		if c.how == Std && m.re2.ready() {
			c.how = m.nonStd()
		} else if c.how != Std && m.std.ready() {
			c.how = Std
		}
	}
	c.estimate = re2
	if c.how == Std {
		c.estimate = std
		m.std.get(m) // compiled before the clock starts
	}
}

// nonStd is the strategy of a call that RE2 runs.
func (m *Matcher) nonStd() Strategy {
	if m.filter != nil || m.window != nil {
		return Windowed
	}
	return RE2
}

// timed records what a call that pick chose to time took, from start.
func (m *Matcher) timed(c *call, start time.Time) {
	m.calibration.observe(c.how, c.estimate, time.Since(start))
}

// view is text as a string, without a copy: the planner only reads it
// during the call.
func view[T Text](text T) string {
	if b, ok := any(text).([]byte); ok {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return string(text) // a string already: no copy
}

// Find returns the offsets of ngroups groups (pairs, -1 for a group that
// did not take part) of the leftmost match in text, or nil. An error is a
// failure of the engine (a trap, no memory).
func Find[T Text](m *Matcher, text T, ngroups int) ([]int, error) {
	if len(text) < m.minLen && m.answersInGo() {
		return nil, nil
	}
	m.studied()
	c := call{chunked: true}
	if begin(m, text, ngroups, &c) {
		return c.found(), nil
	}
	if c.estimate == 0 {
		return findBy(m, &c, text, ngroups)
	}
	start := time.Now()
	match, err := findBy(m, &c, text, ngroups)
	m.timed(&c, start)
	return match, err
}

// findBy is Find by the engine that begin chose.
func findBy[T Text](m *Matcher, c *call, text T, ngroups int) ([]int, error) {
	var match []int
	var err error
	switch {
	case c.how == Std:
		return stdFind(m.std.get(m), text, ngroups), nil
	case m.skips(c.how, c.start, c.end):
		match, err = re2FindSkipping(m, c.prog, text, c.start, c.end, ngroups)
	default:
		match, err = re2FindChunks(m, c.prog, text, c.start, c.end, ngroups)
	}
	if unusable(err) || err == errNoProgram {
		return stdFind(m.std.get(m), text, ngroups), nil
	}
	return match, err
}

// Match reports whether text holds a match.
func Match[T Text](m *Matcher, text T) (bool, error) {
	if len(text) < m.minLen && m.answersInGo() {
		return false, nil // the commonest answer of all, first
	}
	m.studied()
	if m.chain != nil && m.answersInGo() && m.chainRuns(len(text)) {
		s := view(text)
		if r := m.rarest(); r != nil && r.index(s, 0) < 0 {
			return false, nil // a vectorised search costs less than the walk
		}
		if ok, decided := m.chain.match(s); decided {
			return ok, nil
		}
	}
	c := call{exists: true, chunked: true}
	if begin(m, text, 0, &c) {
		return c.literalAt >= 0, nil
	}
	if c.estimate == 0 {
		return matchBy(m, &c, text)
	}
	start := time.Now()
	ok, err := matchBy(m, &c, text)
	m.timed(&c, start)
	return ok, err
}

// chainRuns reports whether Match runs m's chain on a text of n bytes:
// on a short text, where it costs less than crossing into wasm or the
// standard library's matcher (which it spares compiling), and on any
// text when RE2 has no string to search for, nor a first character
// (the chain takes 0.5 to 1.5 ns a byte, RE2's DFA in wasm 1 to 3, but
// RE2 skips to a first character with a search: `(?i)panic` over 1 MiB
// 0.54 ms, the chain 0.85), and no character beyond ASCII can leave the
// chain undecided after a long walk.
func (m *Matcher) chainRuns(n int) bool {
	return n <= chainMaxText || m.filter == nil && m.window == nil && !m.chain.wide && m.chain.firstWidth > 2
}

// chainMaxText is the longest text that Match always runs a chain on.
const chainMaxText = 1 << 10

// matchBy is Match by the engine that begin chose.
func matchBy[T Text](m *Matcher, c *call, text T) (bool, error) {
	var ok bool
	var err error
	switch {
	case c.how == Std:
		return stdFind(m.std.get(m), text, 0) != nil, nil
	case m.headMatches:
		ok, err = re2HeadFirst(c.prog, text, c.end)
	case m.skips(c.how, c.start, c.end):
		var match []int
		match, err = re2FindSkipping(m, c.prog, text, c.start, c.end, 0)
		ok = match != nil
	default:
		ok, err = re2MatchChunks(m, c.prog, text, c.start, c.end)
	}
	if unusable(err) || err == errNoProgram {
		return stdFind(m.std.get(m), text, 0) != nil, nil
	}
	return ok, err
}

// FindAll calls each with the offsets of ngroups groups of up to n
// successive matches (all of them if n < 0), by Go's rule for empty
// matches. The slice is reused between calls.
func FindAll[T Text](m *Matcher, text T, n, ngroups int, each func(offsets []int)) error {
	all, err := findAll(m, text, n, ngroups, each)
	for _, offsets := range all {
		each(offsets)
	}
	return err
}

// FindAllIndex returns FindAll's offsets, a slice of its own for each
// match, or nil if there is none.
func FindAllIndex[T Text](m *Matcher, text T, n, ngroups int) ([][]int, error) {
	var out [][]int
	all, err := findAll(m, text, n, ngroups, func(offsets []int) {
		out = append(out, slices.Clone(offsets))
	})
	if all != nil {
		return all, err
	}
	return out, err
}

// findAll is FindAll, but for the standard library's matcher, whose
// matches, a slice each, it returns instead (FindAllIndex needs no copy).
func findAll[T Text](m *Matcher, text T, n, ngroups int, each func(offsets []int)) ([][]int, error) {
	m.studied()
	if m.anchoredStart && m.answersInGo() {
		// One match at most, Find's, whose copy for RE2 may be the
		// text's head and keeps the byte after it as context.
		match, err := Find(m, text, ngroups)
		if match != nil && n != 0 {
			each(match)
		}
		return nil, err
	}
	var c call
	if m.shape != nil && m.answersInGo() {
		if m.lacksFilter(view(text)) || m.shape.findAll(view(text), n, ngroups, each) {
			return nil, nil
		}
		c.skipShape = true // a walk was undecided: the engines do it all
	}
	done := begin(m, text, ngroups, &c)
	if done {
		if c.literalAt >= 0 && n != 0 {
			findAllLiteral(m.literal, view(text), c.literalAt, c.literalLen, n, each)
		}
		return nil, nil
	}
	if c.estimate > 0 {
		defer m.timed(&c, time.Now())
	}
	var err error
	handed := false // a match went to each: too late to start again
	counted := func(offsets []int) { handed = true; each(offsets) }
	switch {
	case c.how == Std:
	case m.skips(c.how, c.start, c.end):
		err = re2FindAllInChunks(m, c.prog, text, c.start, c.end, n, ngroups, skipping, counted)
	default:
		err = re2FindAll(c.prog, text[:c.end], context(c.start), c.start, n, ngroups, counted)
	}
	if c.how == Std || unusable(err) && !handed {
		all := stdFindAll(m.std.get(m), text, n, ngroups)
		for i, match := range all {
			all[i] = match[: 2*ngroups : 2*ngroups]
		}
		return all, nil
	}
	return nil, err
}

// call is what begin decided about a call.
type call struct {
	how        Strategy        // Std, RE2 or Windowed
	estimate   int             // when the call is timed: the estimate of its engine, in ns
	start      int             // Windowed: where a match can begin at the earliest
	end        int             // RE2 needs text[:end] only
	prog       *re2wasm.Regexp // RE2's program for the text
	literalAt  int             // when begin is done: the literal's first offset, or -1
	literalLen int             // and its length
	groups     []int           // a shape's match, with the groups wanted (more than the match)
	skipShape  bool            // begin must not walk the shape (FindAll's walk was undecided)
	exists     bool            // Match: whether there is a match is all the call asks
	chunked    bool            // Match or Find: RE2 may be handed the text in chunks (chunk.go)
}

// found is the match that begin found in Go, or nil.
func (c *call) found() []int {
	switch {
	case c.literalAt < 0:
		return nil
	case c.groups != nil:
		return c.groups
	}
	return []int{c.literalAt, c.literalAt + c.literalLen}
}

// begin answers the call in Go where it can (done): a literal pattern is
// a string search, a shape a walk (shape.go), and a text too short,
// lacking the anchored prefix or a required string has no match
// (literalAt -1). Otherwise it picks the engine, compiling it if this is
// the first call that needs it. Forced Std and RE2 skip the answers in
// Go, so that tests see the engines alone (answersInGo). The caller has
// made sure that m is studied.
func begin[T Text](m *Matcher, text T, ngroups int, c *call) bool {
	c.literalAt, c.end = -1, len(text)
	before := len(text) // bytes before the first possible start of a match, as far as a search tells
	early := false      // picked already
	if m.answersInGo() {
		s := view(text)
		if m.literal != "" {
			c.literalAt, c.literalLen = preempt.IndexString(s, m.literal), len(m.literal)
			return true
		}
		if m.turnedDown(s) {
			return true
		}
		if m.prefixOnly {
			c.literalAt, c.literalLen = 0, len(m.anchoredPrefix)
			return true
		}
		if m.shape != nil && !c.skipShape && m.walk(s, ngroups, c) {
			return true
		}
		if m.anchoredStart {
			// The estimates need no search: every match begins at the
			// start, so RE2 would be handed the text, or its head where
			// every match lies. A call that the standard library's
			// matcher runs (`^.bc(d|e)`, `^/api/v1/users/(\d+)$` on a
			// short text) skips the searches below, which cost it a third.
			early = true
			handed := len(s)
			if m.maxLen != unbounded {
				handed = min(handed, m.maxLen) // as below
			}
			if m.pick(work{n: len(s), handed: handed, before: len(s)}, ngroups, c); c.how == Std {
				return false
			}
		}
		if m.endsAtEnd {
			// A bounded match lies in the last maxLen bytes, searched in
			// Go as a text of its own (it begins at a character boundary);
			// an unbounded one is not: RE2 searches such an expression
			// backwards from the end.
			if m.maxLen == unbounded {
				// RE2 reads little of the text it is handed, but a program
				// that needs valid UTF-8 has it all checked first (66 us
				// for 64 KiB of Chinese; a search for the required string
				// 1 us). Without the check, the copy costs less than the
				// search (`[ -~]*ABCDEFGHIJKLMNOPQRSTUVWXYZ$`: 0.77 us for
				// 32 KiB, 2.9 us with the search).
				if m.needsValid {
					if _, ok := m.windowStart(s); !ok {
						return true
					}
				}
			} else {
				if m.maxLen < len(s) {
					c.start = charStart(s, len(s)-m.maxLen)
				}
				w, ok := m.windowStart(s[c.start:])
				if !ok {
					return true
				}
				c.start += w
				if m.window != nil {
					before = c.start
				}
			}
		} else {
			head := s
			if m.anchoredStart && m.maxLen != unbounded && m.maxLen < len(s) {
				head = s[:charEnd(s, m.maxLen)] // every match lies in it
			}
			var ok bool
			if c.start, ok = m.windowStart(head); !ok {
				return true
			}
			if m.window != nil {
				before = c.start
			}
		}
		if m.anchoredStart && c.start > 0 {
			return true // every match begins at the start: none can here
		}
		if m.anchoredStart && m.maxLen != unbounded && m.maxLen < len(s) {
			// A bounded match lies in the first maxLen bytes, which RE2
			// is handed with the next byte as context (find-all, whose
			// copy has none, runs Find).
			c.end = charEnd(s, m.maxLen)
		}
	}
	if !early {
		m.pick(work{n: len(text), handed: c.end - c.start, before: before}, ngroups, c)
	}
	if c.how == Windowed && m.filter == nil && m.window == nil {
		c.how = RE2
	}
	if c.how != Std && !c.chunksChecked(m) {
		if c.prog = m.program(view(text)[c.start:c.end]); c.prog == nil {
			c.how = Std
		}
	}
	return false
}

// chunksChecked reports whether the call leaves the choice of RE2's
// program to the chunks of Match or of a bounded Find (c.prog nil): each
// chunk is checked for valid UTF-8 alone, where the whole text would be
// checked before the first (46 us for 64 KiB of Chinese; `[^x]+` decides
// at its first character).
func (c *call) chunksChecked(m *Matcher) bool {
	return c.chunked && (c.exists || m.maxLen != unbounded) && m.needsValid && !m.headMatches &&
		c.end-c.start >= matchChunkMin && !m.skips(c.how, c.start, c.end)
}

// answersInGo reports whether begin may answer in Go: not for forced
// engines, and not for an expression that the standard library's matcher
// runs for its quirks (viaStd), whose facts do not hold for them.
func (m *Matcher) answersInGo() bool {
	return !m.viaStd && forced != Std && forced != RE2
}

// walk answers the call by m's shape, when its walks decide (shape.go).
func (m *Matcher) walk(s string, ngroups int, c *call) bool {
	f := m.shape
	if f.search && m.lacksFilter(s) {
		return true
	}
	budget := newWalkBudget() // spent by a search shape's walks only
	start, end, groups, decided := f.find(s, 0, groupsWanted(ngroups), c.exists, &budget)
	if decided && start >= 0 {
		c.literalAt, c.literalLen, c.groups = start, end-start, groups
	}
	return decided
}

// lacksFilter reports whether s lacks the rarest string that every match
// holds, when it is not the one a search begins from: a shape's walks
// from each occurrence of its prefix would all fail (`user=\w+ failed`
// on lines without " failed").
func (m *Matcher) lacksFilter(s string) bool {
	r := m.rarest()
	return m.shape.search && r != nil && r.s != m.shape.prefix && r.index(s, 0) < 0
}

// turnedDown reports whether the facts alone rule out a match in s: it is
// too short, or it lacks the prefix every match begins with.
func (m *Matcher) turnedDown(s string) bool {
	return len(s) < m.minLen || !strings.HasPrefix(s, m.anchoredPrefix)
}

// findAllLiteral finds successive occurrences of lit in s, the first at
// first, each length bytes long; an empty lit stands for an anchored
// prefix, which occurs once. A literal begins with a character's first
// byte, so it can only be found where the standard library's matcher,
// which steps one character (or one invalid byte) at a time, would find
// it.
func findAllLiteral(lit, s string, first, length, n int, each func([]int)) {
	var m [2]int
	for i := first; i >= 0 && n != 0; n-- {
		m[0], m[1] = i, i+length
		each(m[:])
		if lit == "" {
			return
		}
		i = offset(preempt.IndexString(s[m[1]:], lit), m[1])
	}
}

// unusable reports whether err says that the runtime cannot be used any
// more (a trap left a lock of its shared memory held): calls then run the
// standard library's matcher, which gives the same results.
func unusable(err error) bool {
	return err != nil && errors.Is(err, re2wasm.ErrUnusable)
}
