package regexp

import (
	"io"

	"github.com/re2wasm/regexp/internal/plan"
)

// This file holds every matching method. Each is a few lines over three
// primitives of the planner (internal/plan), which picks the engine of
// each call: find (the leftmost match), matches, and findAll (successive
// matches by Go's rule for empty matches). Offsets are []int: pairs of
// byte offsets, -1 for a group that did not take part.

// find returns the offsets of ngroups groups of the leftmost match in text,
// or nil.
func find[T plan.Text](re *Regexp, text T, ngroups int) []int {
	m, err := plan.Find(re.m, text, ngroups)
	if err != nil {
		re.fail(err)
	}
	return m
}

// matches reports whether text contains a match.
func matches[T plan.Text](re *Regexp, text T) bool {
	ok, err := plan.Match(re.m, text)
	if err != nil {
		re.fail(err)
	}
	return ok
}

// findAll calls each with the offsets of ngroups groups of up to n
// successive matches (all of them if n < 0). The slice is reused between
// calls.
func findAll[T plan.Text](re *Regexp, text T, n, ngroups int, each func(offsets []int)) {
	if err := plan.FindAll(re.m, text, n, ngroups, each); err != nil {
		re.fail(err)
	}
}

// fail reports a failure of the engine (a trap, no memory left). The
// standard library's API has no error to return it in.
func (re *Regexp) fail(err error) {
	panic("regexp: matching " + quote(re.expr) + ": " + err.Error())
}

// allIndex collects findAll's offsets, nil if there is no match.
func allIndex[T plan.Text](re *Regexp, text T, n, ngroups int) [][]int {
	all, err := plan.FindAllIndex(re.m, text, n, ngroups)
	if err != nil {
		re.fail(err)
	}
	return all
}

// Match reports whether the byte slice b contains any match of the regular
// expression re.
func (re *Regexp) Match(b []byte) bool {
	return matches(re, b)
}

// MatchString reports whether the string s contains any match of the
// regular expression re.
func (re *Regexp) MatchString(s string) bool {
	return matches(re, s)
}

// MatchReader reports whether the text returned by the RuneReader contains
// any match of the regular expression re.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.m.Std().MatchReader(r)
}

// Match reports whether the byte slice b contains any match of the regular
// expression pattern. More complicated queries need to use Compile and the
// full Regexp interface.
func Match(pattern string, b []byte) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.Match(b), nil
}

// MatchString reports whether the string s contains any match of the
// regular expression pattern. More complicated queries need to use Compile
// and the full Regexp interface.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// MatchReader reports whether the text returned by the RuneReader contains
// any match of the regular expression pattern. More complicated queries need
// to use Compile and the full Regexp interface.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchReader(r), nil
}

// Find returns a slice holding the text of the leftmost match in b of the
// regular expression. A return value of nil indicates no match.
func (re *Regexp) Find(b []byte) []byte {
	m := find(re, b, 1)
	if m == nil {
		return nil
	}
	return b[m[0]:m[1]:m[1]]
}

// FindIndex returns a two-element slice of integers defining the location
// of the leftmost match in b of the regular expression. The match itself is
// at b[loc[0]:loc[1]]. A return value of nil indicates no match.
func (re *Regexp) FindIndex(b []byte) (loc []int) {
	return find(re, b, 1)
}

// FindString returns a string holding the text of the leftmost match in s
// of the regular expression. If there is no match, the return value is an
// empty string, but it will also be empty if the regular expression
// successfully matches an empty string. Use FindStringIndex or
// FindStringSubmatch if it is necessary to distinguish these cases.
func (re *Regexp) FindString(s string) string {
	m := find(re, s, 1)
	if m == nil {
		return ""
	}
	return s[m[0]:m[1]]
}

// FindStringIndex returns a two-element slice of integers defining the
// location of the leftmost match in s of the regular expression. The match
// itself is at s[loc[0]:loc[1]]. A return value of nil indicates no match.
func (re *Regexp) FindStringIndex(s string) (loc []int) {
	return find(re, s, 1)
}

// FindReaderIndex returns a two-element slice of integers defining the
// location of the leftmost match of the regular expression in text read
// from the RuneReader. The match text was found in the input stream at byte
// offset loc[0] through loc[1]-1. A return value of nil indicates no match.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	return re.m.Std().FindReaderIndex(r)
}

// FindSubmatch returns a slice of slices holding the text of the leftmost
// match of the regular expression in b and the matches, if any, of its
// subexpressions, as defined by the 'Submatch' descriptions in the package
// comment of the standard library. A return value of nil indicates no
// match; a subexpression that did not take part has a nil slice.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	m := find(re, b, re.NumSubexp()+1)
	if m == nil {
		return nil
	}
	return submatchBytes(b, m)
}

// submatchBytes slices b at each pair of offsets, nil for an unset group.
func submatchBytes(b []byte, m []int) [][]byte {
	subs := make([][]byte, len(m)/2)
	for i := range subs {
		if m[2*i] >= 0 {
			subs[i] = b[m[2*i]:m[2*i+1]:m[2*i+1]]
		}
	}
	return subs
}

// submatchStrings slices s at each pair of offsets, "" for an unset group.
func submatchStrings(s string, m []int) []string {
	subs := make([]string, len(m)/2)
	for i := range subs {
		if m[2*i] >= 0 {
			subs[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return subs
}

// FindSubmatchIndex returns a slice holding the index pairs identifying the
// leftmost match of the regular expression in b and the matches, if any, of
// its subexpressions. A return value of nil indicates no match; -1 marks a
// subexpression that did not take part.
func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return find(re, b, re.NumSubexp()+1)
}

// FindStringSubmatch returns a slice of strings holding the text of the
// leftmost match of the regular expression in s and the matches, if any, of
// its subexpressions. A return value of nil indicates no match; a
// subexpression that did not take part has an empty string.
func (re *Regexp) FindStringSubmatch(s string) []string {
	m := find(re, s, re.NumSubexp()+1)
	if m == nil {
		return nil
	}
	return submatchStrings(s, m)
}

// FindStringSubmatchIndex returns a slice holding the index pairs
// identifying the leftmost match of the regular expression in s and the
// matches, if any, of its subexpressions. A return value of nil indicates
// no match.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return find(re, s, re.NumSubexp()+1)
}

// FindReaderSubmatchIndex returns a slice holding the index pairs
// identifying the leftmost match of the regular expression of text read by
// the RuneReader, and the matches, if any, of its subexpressions. A return
// value of nil indicates no match.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.m.Std().FindReaderSubmatchIndex(r)
}

// FindAll returns a slice of all successive matches of the expression in b.
// If n >= 0, it returns at most n matches. An empty match right after a
// previous match is not reported. A return value of nil indicates no match.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	var all [][]byte
	findAll(re, b, n, 1, func(m []int) {
		all = append(all, b[m[0]:m[1]:m[1]])
	})
	return all
}

// FindAllIndex returns a slice of the index pairs of all successive matches
// of the expression in b, at most n if n >= 0. A return value of nil
// indicates no match.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	return allIndex(re, b, n, 1)
}

// FindAllString returns a slice of all successive matches of the expression
// in s, at most n if n >= 0. A return value of nil indicates no match.
func (re *Regexp) FindAllString(s string, n int) []string {
	var all []string
	findAll(re, s, n, 1, func(m []int) {
		all = append(all, s[m[0]:m[1]])
	})
	return all
}

// FindAllStringIndex returns a slice of the index pairs of all successive
// matches of the expression in s, at most n if n >= 0. A return value of
// nil indicates no match.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return allIndex(re, s, n, 1)
}

// FindAllSubmatch is the 'All' version of FindSubmatch: a slice of all
// successive matches of the expression in b, each with its subexpressions,
// at most n if n >= 0. A return value of nil indicates no match.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	var all [][][]byte
	findAll(re, b, n, re.NumSubexp()+1, func(m []int) {
		all = append(all, submatchBytes(b, m))
	})
	return all
}

// FindAllSubmatchIndex is the 'All' version of FindSubmatchIndex: the index
// pairs of all successive matches of the expression in b and of their
// subexpressions, at most n if n >= 0. A return value of nil indicates no
// match.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return allIndex(re, b, n, re.NumSubexp()+1)
}

// FindAllStringSubmatch is the 'All' version of FindStringSubmatch: a slice
// of all successive matches of the expression in s, each with its
// subexpressions, at most n if n >= 0. A return value of nil indicates no
// match.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	var all [][]string
	findAll(re, s, n, re.NumSubexp()+1, func(m []int) {
		all = append(all, submatchStrings(s, m))
	})
	return all
}

// FindAllStringSubmatchIndex is the 'All' version of
// FindStringSubmatchIndex: the index pairs of all successive matches of the
// expression in s and of their subexpressions, at most n if n >= 0. A
// return value of nil indicates no match.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return allIndex(re, s, n, re.NumSubexp()+1)
}

// replaceAll returns src with every match replaced by what repl appends for
// it. ngroups is how many groups repl needs to see. Matches are Go's
// successive matches, so an empty match right after a match is not
// replaced. The result is nil when src is empty and nothing is appended, as
// in the standard library.
func replaceAll[T plan.Text](re *Regexp, src T, ngroups int, repl func(dst []byte, m []int) []byte) []byte {
	var buf []byte
	last := 0
	findAll(re, src, -1, ngroups, func(m []int) {
		buf = append(buf, src[last:m[0]]...)
		buf = repl(buf, m)
		last = m[1]
	})
	return append(buf, src[last:]...)
}

// templateGroups is how many groups the expansion of template can refer to:
// none unless it contains a '$'.
func templateGroups[T plan.Text](re *Regexp, template T) int {
	if indexDollar(template) >= 0 {
		return re.NumSubexp() + 1
	}
	return 1
}

// ReplaceAllString returns a copy of src, replacing matches of the Regexp
// with the replacement string repl. Inside repl, $ signs are interpreted as
// in Expand, so for instance $1 represents the text of the first
// submatch.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	b := replaceAll(re, src, templateGroups(re, repl), func(dst []byte, m []int) []byte {
		return expand(re, dst, repl, src, m)
	})
	return string(b)
}

// ReplaceAllLiteralString returns a copy of src, replacing matches of the
// Regexp with the replacement string repl. The replacement repl is
// substituted directly, without using Expand.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return string(replaceAll(re, src, 1, func(dst []byte, _ []int) []byte {
		return append(dst, repl...)
	}))
}

// ReplaceAllStringFunc returns a copy of src in which all matches of the
// Regexp have been replaced by the return value of function repl applied to
// the matched substring. The replacement returned by repl is substituted
// directly, without using Expand.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return string(replaceAll(re, src, 1, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	}))
}

// ReplaceAll returns a copy of src, replacing matches of the Regexp with the
// replacement text repl. Inside repl, $ signs are interpreted as in Expand,
// so for instance $1 represents the text of the first submatch.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	return replaceAll(re, src, templateGroups(re, repl), func(dst []byte, m []int) []byte {
		return expand(re, dst, repl, src, m)
	})
}

// ReplaceAllLiteral returns a copy of src, replacing matches of the Regexp
// with the replacement bytes repl. The replacement repl is substituted
// directly, without using Expand.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return replaceAll(re, src, 1, func(dst []byte, _ []int) []byte {
		return append(dst, repl...)
	})
}

// ReplaceAllFunc returns a copy of src in which all matches of the Regexp
// have been replaced by the return value of function repl applied to the
// matched byte slice. The replacement returned by repl is substituted
// directly, without using Expand.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return replaceAll(re, src, 1, func(dst []byte, m []int) []byte {
		return append(dst, repl(src[m[0]:m[1]])...)
	})
}

// Split slices s into substrings separated by the expression and returns a
// slice of the substrings between those expression matches.
//
// The slice returned by this method consists of all the substrings of s not
// contained in the slice returned by FindAllString. When called on an
// expression that contains no metacharacters, it is equivalent to
// strings.SplitN.
//
//	s := regexp.MustCompile("a*").Split("abaabaccadaaae", 5)
//	// s: ["", "b", "b", "c", "cadaaae"]
//
// The count determines the number of substrings to return:
//   - n > 0: at most n substrings; the last substring will be the unsplit
//     remainder;
//   - n == 0: the result is nil (zero substrings);
//   - n < 0: all substrings.
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if s == "" && re.expr != "" {
		return []string{""}
	}
	parts := []string{}
	start, end := 0, 0
	findAll(re, s, n, 1, func(m []int) {
		if n > 0 && len(parts) == n-1 {
			return
		}
		end = m[0]
		// An empty match at the very start separates nothing.
		if m[1] != 0 {
			parts = append(parts, s[start:end])
		}
		start = m[1]
	})
	if end != len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}
