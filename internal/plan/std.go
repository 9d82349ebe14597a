package plan

import "regexp"

// The standard library's matcher as a primitive: the same offsets as find
// and findAll, from its compilation of the same expression.

// stdFind returns the offsets of ngroups groups of the leftmost match in
// text, or nil; with ngroups 0, a non-nil empty slice on a match.
func stdFind[T Text](std *regexp.Regexp, text T, ngroups int) []int {
	var m []int
	switch t := any(text).(type) {
	case string:
		if ngroups == 0 {
			if std.MatchString(t) {
				return []int{}
			}
			return nil
		}
		m = std.FindStringSubmatchIndex(t)
	case []byte:
		if ngroups == 0 {
			if std.Match(t) {
				return []int{}
			}
			return nil
		}
		m = std.FindSubmatchIndex(t)
	}
	if m == nil {
		return nil
	}
	return m[:2*ngroups]
}

// stdFindAll returns the offsets of at least ngroups groups of up to n
// successive matches (all if n < 0): of the match alone when that is all
// ngroups asks, which the standard library finds faster.
func stdFindAll[T Text](std *regexp.Regexp, text T, n, ngroups int) [][]int {
	switch t := any(text).(type) {
	case string:
		if ngroups == 1 {
			return std.FindAllStringIndex(t, n)
		}
		return std.FindAllStringSubmatchIndex(t, n)
	case []byte:
		if ngroups == 1 {
			return std.FindAllIndex(t, n)
		}
		return std.FindAllSubmatchIndex(t, n)
	}
	return nil
}
