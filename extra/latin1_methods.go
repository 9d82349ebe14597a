package extra

import "context"

// The methods of Latin1 mean what the regexp.Regexp methods of the same
// names mean, on bytes as characters: offsets are byte offsets, a
// returned []byte is a slice of the text (its capacity cut at its end),
// and n bounds the number of matches of an All method (all if n < 0).

// Match reports whether b contains any match of re.
func (re *Latin1) Match(b []byte) bool { return find(re, b, 0) != nil }

// MatchString reports whether s contains any match of re.
func (re *Latin1) MatchString(s string) bool { return find(re, s, 0) != nil }

// Find returns the leftmost match in b, or nil if there is none.
func (re *Latin1) Find(b []byte) []byte {
	m := find(re, b, 1)
	if m == nil {
		return nil
	}
	return b[m[0]:m[1]:m[1]]
}

// FindString returns the leftmost match in s, or "" if there is none (or
// it is empty: use FindStringIndex to tell them apart).
func (re *Latin1) FindString(s string) string {
	m := find(re, s, 1)
	if m == nil {
		return ""
	}
	return s[m[0]:m[1]]
}

// FindIndex returns the location of the leftmost match in b as b[loc[0]:loc[1]],
// or nil if there is none.
func (re *Latin1) FindIndex(b []byte) (loc []int) { return find(re, b, 1) }

// FindStringIndex returns the location of the leftmost match in s, or nil.
func (re *Latin1) FindStringIndex(s string) (loc []int) { return find(re, s, 1) }

// FindSubmatch returns the leftmost match in b and its subexpressions'
// matches (nil for a group that did not take part), or nil.
func (re *Latin1) FindSubmatch(b []byte) [][]byte {
	m := find(re, b, re.NumSubexp()+1)
	if m == nil {
		return nil
	}
	return byteGroups(b, m)
}

// FindStringSubmatch returns the leftmost match in s and its
// subexpressions' matches ("" for a group that did not take part), or nil.
func (re *Latin1) FindStringSubmatch(s string) []string {
	m := find(re, s, re.NumSubexp()+1)
	if m == nil {
		return nil
	}
	return stringGroups(s, m)
}

// FindSubmatchIndex returns the index pairs of the leftmost match in b and
// its subexpressions (-1 for a group that did not take part), or nil.
func (re *Latin1) FindSubmatchIndex(b []byte) []int { return find(re, b, re.NumSubexp()+1) }

// FindStringSubmatchIndex is FindSubmatchIndex on s.
func (re *Latin1) FindStringSubmatchIndex(s string) []int {
	return find(re, s, re.NumSubexp()+1)
}

// FindAll returns successive non-overlapping matches in b, or nil.
func (re *Latin1) FindAll(b []byte, n int) [][]byte {
	all := findAll(re, b, n, 1)
	if all == nil {
		return nil
	}
	out := make([][]byte, len(all))
	for i, m := range all {
		out[i] = b[m[0]:m[1]:m[1]]
	}
	return out
}

// FindAllString returns successive non-overlapping matches in s, or nil.
func (re *Latin1) FindAllString(s string, n int) []string {
	all := findAll(re, s, n, 1)
	if all == nil {
		return nil
	}
	out := make([]string, len(all))
	for i, m := range all {
		out[i] = s[m[0]:m[1]]
	}
	return out
}

// FindAllIndex returns the locations of successive non-overlapping
// matches in b, or nil.
func (re *Latin1) FindAllIndex(b []byte, n int) [][]int { return findAll(re, b, n, 1) }

// FindAllStringIndex is FindAllIndex on s.
func (re *Latin1) FindAllStringIndex(s string, n int) [][]int { return findAll(re, s, n, 1) }

// FindAllSubmatch returns successive non-overlapping matches in b with
// their subexpressions' matches, or nil.
func (re *Latin1) FindAllSubmatch(b []byte, n int) [][][]byte {
	all := findAll(re, b, n, re.NumSubexp()+1)
	if all == nil {
		return nil
	}
	out := make([][][]byte, len(all))
	for i, m := range all {
		out[i] = byteGroups(b, m)
	}
	return out
}

// FindAllStringSubmatch is FindAllSubmatch on s.
func (re *Latin1) FindAllStringSubmatch(s string, n int) [][]string {
	all := findAll(re, s, n, re.NumSubexp()+1)
	if all == nil {
		return nil
	}
	out := make([][]string, len(all))
	for i, m := range all {
		out[i] = stringGroups(s, m)
	}
	return out
}

// FindAllSubmatchIndex returns the index pairs of successive
// non-overlapping matches in b and of their subexpressions, or nil.
func (re *Latin1) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return findAll(re, b, n, re.NumSubexp()+1)
}

// FindAllStringSubmatchIndex is FindAllSubmatchIndex on s.
func (re *Latin1) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return findAll(re, s, n, re.NumSubexp()+1)
}

// byteGroups slices b at the pairs of m (nil for -1).
func byteGroups(b []byte, m []int) [][]byte {
	out := make([][]byte, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = b[m[2*i]:m[2*i+1]:m[2*i+1]]
		}
	}
	return out
}

// stringGroups slices s at the pairs of m ("" for -1).
func stringGroups(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// The Context forms return what the method of the same name without
// Context returns, or ctx.Err() (and no match) when ctx is done before
// the search ends: RE2's loops look at ctx every 64 KiB of text, a
// literal's search every MiB. A pattern RE2 cannot compile runs in the
// standard library's matcher, to its end.

// MatchContext reports whether b contains any match of re, as Match does.
func (re *Latin1) MatchContext(ctx context.Context, b []byte) (bool, error) {
	m, err := findUntil(ctx, re, b, 0)
	return m != nil, err
}

// MatchStringContext is like MatchContext but matches the string s.
func (re *Latin1) MatchStringContext(ctx context.Context, s string) (bool, error) {
	m, err := findUntil(ctx, re, s, 0)
	return m != nil, err
}

// FindIndexContext returns what FindIndex(b) returns.
func (re *Latin1) FindIndexContext(ctx context.Context, b []byte) (loc []int, err error) {
	return findUntil(ctx, re, b, 1)
}

// FindStringIndexContext returns what FindStringIndex(s) returns.
func (re *Latin1) FindStringIndexContext(ctx context.Context, s string) (loc []int, err error) {
	return findUntil(ctx, re, s, 1)
}

// FindAllIndexContext returns what FindAllIndex(b, n) returns.
func (re *Latin1) FindAllIndexContext(ctx context.Context, b []byte, n int) ([][]int, error) {
	return findAllUntil(ctx, re, b, n, 1)
}

// FindAllStringIndexContext returns what FindAllStringIndex(s, n) returns.
func (re *Latin1) FindAllStringIndexContext(ctx context.Context, s string, n int) ([][]int, error) {
	return findAllUntil(ctx, re, s, n, 1)
}
