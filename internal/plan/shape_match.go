package plan

import (
	"strings"
	"unicode/utf8"
)

// match walks s (shape.go), returning the end of the match, -1 for none,
// and, when ngroups > 0, the offsets of ngroups groups (-1 for a group
// that took no part). It is undecided (decided false) when a byte beyond
// ASCII lies where a set looking at it may hold a character beyond
// ASCII.
func (f *shape) match(s string, ngroups int) (end int, groups []int, decided bool) {
	if !strings.HasPrefix(s, f.prefix) {
		return -1, nil, true // a byte of the prefix differs (or is beyond ASCII)
	}
	if ngroups > 0 {
		groups = make([]int, 2*ngroups)
		for i := range groups {
			groups[i] = -1
		}
	}
	i := len(f.prefix) // a byte a step
	mi := 0            // the next mark to set
	if groups != nil {
		for ; mi < len(f.marks) && int(f.marks[mi].k) <= i; mi++ {
			setMark(groups, f.marks[mi], int(f.marks[mi].k))
		}
	}
	for k := i; k < len(f.steps); k++ {
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
					return -1, nil, false
				}
				if a := st.alt(b); a != nil {
					k, mi = int(a.at)-1, int(a.mark)
					continue
				}
			}
			if !st.optional {
				return -1, nil, true
			}
			k, mi = int(st.next)-1, int(st.marks)
			continue
		}
		n := int32(0)
		for ; n != st.max && i < len(s); n++ {
			b := s[i]
			if b >= utf8.RuneSelf {
				if st.set.wide {
					return -1, nil, false
				}
				break // a character beyond ASCII, or U+FFFD: not in the set
			}
			if !st.set.has(b) {
				break
			}
			i++
		}
		if n < st.min {
			return -1, nil, true
		}
	}
	if f.atEnd && i != len(s) {
		return -1, nil, true
	}
	if groups != nil {
		for ; mi < len(f.marks); mi++ {
			setMark(groups, f.marks[mi], i)
		}
		groups[0], groups[1] = 0, i
	}
	return i, groups, true
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
