package plan

import (
	"strings"
	"unicode/utf8"
)

// match walks s (shape.go), returning the end of the match, -1 for none,
// and how far it looked (its work); it writes the offsets of the groups
// into groups, when not nil (-1 for a group that took no part), which
// hold only garbage when there is no match: a search reuses them from
// one candidate to the next. It is undecided (decided false) when a byte
// beyond ASCII lies where a set looking at it may hold a character
// beyond ASCII. When exists, it stops at the first end of a match, not
// at the end of Go's match: all that Match asks is whether there is one
// (`^[^x]+` over a long text decides at its first byte).
func (f *shape) match(s string, groups []int, exists bool) (end, reach int, decided bool) {
	if !strings.HasPrefix(s, f.prefix) {
		return -1, len(f.prefix), true // a byte of the prefix differs (or is beyond ASCII)
	}
	for i := range groups {
		groups[i] = -1
	}
	i := len(f.prefix) // a byte a step
	mi := 0            // the next mark to set
	if groups != nil {
		for ; mi < len(f.marks) && int(f.marks[mi].k) <= i; mi++ {
			setMark(groups, f.marks[mi], int(f.marks[mi].k))
		}
	}
	stopEarly := exists && !f.atEnd
	for k := i; k < len(f.steps); k++ {
		if stopEarly && k >= f.emptyFrom {
			return i, i, true
		}
		st := &f.steps[k]
		for ; groups != nil && mi < len(f.marks) && int(f.marks[mi].k) == k; mi++ {
			setMark(groups, f.marks[mi], i)
		}
		switch st.kind {
		case jumpStep:
			k, mi = int(st.next)-1, int(st.marks) // the other alternatives' groups keep what they had
			continue
		case forkStep:
			if i < len(s) {
				b := s[i]
				if b >= utf8.RuneSelf && st.set.wide {
					return -1, i, false
				}
				if a := st.alt(b); a != nil {
					k, mi = int(a.at)-1, int(a.mark)
					continue
				}
			}
			if !st.optional {
				return -1, i, true
			}
			k, mi = int(st.next)-1, int(st.marks)
			continue
		}
		n, most := int32(0), st.max
		if stopEarly && k+1 >= f.emptyFrom {
			most = st.min // the rest can be empty
		}
		for ; n != most && i < len(s); n++ {
			b := s[i]
			if b >= utf8.RuneSelf {
				if st.set.wide {
					return -1, i, false
				}
				break // a character beyond ASCII, or U+FFFD: not in the set
			}
			if !st.set.has(b) {
				break
			}
			i++
		}
		if n < st.min {
			return -1, i, true
		}
	}
	if f.atEnd && i != len(s) {
		return -1, i, true
	}
	if groups != nil {
		for ; mi < len(f.marks); mi++ {
			setMark(groups, f.marks[mi], i)
		}
		groups[0], groups[1] = 0, i
	}
	return i, i, true
}

// find returns the leftmost match in s at or after from (an ASCII
// character of the prefix lies there, or from is a character boundary):
// its start, -1 for none, its end and, when ngroups > 0, its groups (when
// exists, an end of a match, which is all Match asks: see match). An
// anchored shape matches at 0 only.
//
// Walks from successive occurrences of the prefix may each look far
// ahead and fail (`a[^x]*x` on "aaaa…" looks at the rest of the text
// from every a), or be many and short (`[a-z ][Q-R]` over letters):
// budget, which they spend (walkBudget), keeps the work of a call linear
// in its text and below the engines'. A call that spends it is
// undecided, and the engines, linear, take it.
func (f *shape) find(s string, from, ngroups int, exists bool, budget *walkBudget) (start, end int, groups []int, decided bool) {
	if !f.search {
		if from > 0 {
			return -1, -1, nil, true
		}
		return f.matchAt0(s, ngroups, exists)
	}
	for p := from; p <= len(s); p++ {
		if f.byFirst {
			p = f.firstAt(s, p)
		} else {
			p = f.finder.index(s, p)
		}
		if p < 0 {
			return -1, -1, nil, true
		}
		if ngroups > 0 && groups == nil {
			groups = make([]int, 2*ngroups) // one for all the candidates of the call
		}
		n, reach, decided := f.match(s[p:], groups, exists)
		passed, spent := p+reach, reach+1 // a match is passed
		if n < 0 {
			passed, spent = p, spent+walkCost
		}
		if !budget.spend(passed, spent) || !decided {
			return -1, -1, nil, false
		}
		if n >= 0 {
			for k := range groups {
				if groups[k] >= 0 {
					groups[k] += p
				}
			}
			return p, p + n, groups, true
		}
		if f.byFirst {
			q, looked := f.runEnd(s, p)
			if !budget.spend(p, looked) {
				return -1, -1, nil, false
			}
			if q > p {
				p = q - 1 // the loop steps to q
			}
		}
	}
	return -1, -1, nil, true
}

// runEnd returns the end of the first run of a byFirst shape from p, a
// byte it takes, when the run ends there by itself (not cut at its most
// repeats), or p, and how many bytes it looked at. A walk from p failed: a walk from a later byte of the
// run ends the run at the same place with fewer repeats, and fails
// likewise, since what follows cannot begin with the run's characters
// (shape). Without the skip, `(\w+)@` would walk each word from each of
// its letters. It looks at no more than the most repeats and one byte:
// `[a-z ][Q-R]` in a long run of letters would otherwise look at the rest
// of the run from each of its letters.
func (f *shape) runEnd(s string, p int) (end, looked int) {
	st := &f.steps[0]
	stop := len(s)
	if st.max >= 0 && int(st.max) < stop-p {
		stop = p + int(st.max) + 1
	}
	q := p
	for q < stop && s[q] < utf8.RuneSelf && st.set.has(s[q]) {
		q++
	}
	if st.max >= 0 && q-p > int(st.max) {
		return p, q - p
	}
	return q, q - p
}

// firstAt returns the offset of the first byte at or after from that the
// first run of a byFirst shape takes, or -1.
func (f *shape) firstAt(s string, from int) int {
	set := &f.steps[0].set
	for i := from; i < len(s); i++ {
		if b := s[i]; b < utf8.RuneSelf && set.has(b) {
			return i
		}
	}
	return -1
}

// matchAt0 is the one walk of an anchored shape: the match's start (0, or
// -1 for none), its end, and, when ngroups > 0, its groups. It needs no
// budget: it looks at each byte once.
func (f *shape) matchAt0(s string, ngroups int, exists bool) (start, end int, groups []int, decided bool) {
	if ngroups > 0 {
		groups = make([]int, 2*ngroups)
	}
	if end, _, decided = f.match(s, groups, exists); end < 0 {
		return -1, -1, nil, decided
	}
	return 0, end, groups, true
}

// findAll calls each with the offsets of ngroups groups (at least the
// match's) of up to n successive matches in s (all if n < 0), and
// reports whether every walk was decided within the call's budget, for
// at most maxHeld matches; when not, each has not been called. A shape's match is never empty unless it is anchored, and
// an anchored shape matches once.
func (f *shape) findAll(s string, n, ngroups int, each func([]int)) bool {
	var held [][]int // the matches, until every walk is decided
	budget := newWalkBudget()
	for pos := 0; n != 0 && pos <= len(s); n-- {
		start, end, groups, decided := f.find(s, pos, groupsWanted(ngroups), false, &budget)
		if !decided {
			return false
		}
		if start < 0 {
			break
		}
		if groups == nil {
			groups = []int{start, end}
		}
		if len(held) == maxHeld {
			return false // the engines, which hand matches out as they go
		}
		held = append(held, groups)
		if !f.search {
			break
		}
		pos = end
	}
	for _, m := range held {
		each(m)
	}
	return true
}

// maxHeld bounds the matches findAll holds before handing them out: a
// call with more (ReplaceAll over a huge text) goes to the engines rather
// than hold them all in memory.
const maxHeld = 1 << 16

// A walkBudget is what the walks of a call may still spend: 1024, and 4
// more for each byte of the text they have passed (a match's bytes
// included), a walk spending the bytes it looks at, and walkCost when it
// fails (a match found in Go costs far less than one of RE2's, about
// 0.2 us each). A budget for the whole text would let walks that fail
// from every byte (`[a-z ][Q-R]` over letters, 37 ns a byte) spend the
// engines' worth of work before giving up; this one gives up after about
// a KiB of it, and the engines take the call.
type walkBudget struct{ left, passed int }

// walkCost is what a failed walk spends besides the bytes it looks at:
// its cost of about 30 ns, in bytes looked at.
const walkCost = 30

func newWalkBudget() walkBudget { return walkBudget{left: 1024} }

// spend charges n to the budget of walks that have passed p bytes, and
// reports whether it holds.
func (b *walkBudget) spend(p, n int) bool {
	if p > b.passed {
		b.left += 4 * (p - b.passed)
		b.passed = p
	}
	b.left -= n
	return b.left >= 0
}

// groupsWanted is what a walk is asked for when a call wants ngroups
// groups: none when the match's offsets, which the walk returns anyway,
// are all it wants.
func groupsWanted(ngroups int) int {
	if ngroups == 1 {
		return 0
	}
	return ngroups
}

// alt returns the alternative of fork s that ASCII character b begins,
// or nil (also for a byte beyond ASCII, which none holds).
func (s *step) alt(b byte) *alt {
	if b >= utf8.RuneSelf || !s.set.has(b) {
		return nil
	}
	for i := range s.alts {
		if s.alts[i].set.has(b) {
			return &s.alts[i]
		}
	}
	return nil
}

// setMark gives the offset of m position pos, if it is one of the groups
// wanted.
func setMark(groups []int, m mark, pos int) {
	if int(m.slot) < len(groups) {
		groups[m.slot] = pos
	}
}
