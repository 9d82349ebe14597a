package regexp

import (
	"unicode"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/plan"
)

// Expand appends template to dst and returns the result; during the append,
// Expand replaces variables in the template with corresponding matches
// drawn from src. The match slice should have been returned by
// FindSubmatchIndex.
//
// In the template, a variable is denoted by a substring of the form $name
// or ${name}, where name is a non-empty sequence of letters, digits, and
// underscores. A purely numeric name like $1 refers to the submatch with
// the corresponding index; other names refer to capturing parentheses named
// with the (?P<name>...) syntax. A reference to an out of range or
// unmatched index or a name that is not present in the regular expression
// is replaced with an empty slice.
//
// In the $name form, name is taken to be as long as possible: $1x is
// equivalent to ${1x}, not ${1}x, and, $10 is equivalent to ${10}, not
// ${1}0.
//
// To insert a literal $ in the output, use $$ in the template.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return expand(re, dst, template, src, match)
}

// ExpandString is like Expand but the template and source are strings. It
// appends to and returns a byte slice in order to give the calling code
// control over allocation.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return expand(re, dst, template, src, match)
}

func expand[T plan.Text](re *Regexp, dst []byte, template, src T, match []int) []byte {
	for len(template) > 0 {
		i := indexDollar(template)
		if i < 0 {
			return append(dst, template...)
		}
		dst = append(dst, template[:i]...)
		template = template[i:]
		if len(template) > 1 && template[1] == '$' {
			dst = append(dst, '$')
			template = template[2:]
			continue
		}
		name, n, ok := reference(template)
		if !ok {
			// Not a variable: the $ stands for itself.
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		template = template[n:]
		group := groupNumber(name)
		if group < 0 {
			group = re.matchedGroupNamed(string(name), match)
		}
		if group >= 0 && 2*group+1 < len(match) && match[2*group] >= 0 {
			dst = append(dst, src[match[2*group]:match[2*group+1]]...)
		}
	}
	return dst
}

func indexDollar[T plan.Text](t T) int {
	for i := 0; i < len(t); i++ {
		if t[i] == '$' {
			return i
		}
	}
	return -1
}

// reference parses the variable at the start of t, which begins with '$':
// its name and the number of bytes it spans, or ok false if there is none.
func reference[T plan.Text](t T) (name T, n int, ok bool) {
	start := 1
	braced := len(t) > 1 && t[1] == '{'
	if braced {
		start = 2
	}
	end := start
	for end < len(t) {
		r, size := utf8.DecodeRuneInString(string(t[end:min(end+utf8.UTFMax, len(t))]))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		end += size
	}
	if end == start {
		return name, 0, false
	}
	name = t[start:end]
	if !braced {
		return name, end, true
	}
	if end >= len(t) || t[end] != '}' {
		return name, 0, false
	}
	return name, end + 1, true
}

// groupNumber is the group a purely numeric name refers to, or -1: at most
// nine digits and no leading zero.
func groupNumber[T plan.Text](name T) int {
	if len(name) > 9 || (len(name) > 1 && name[0] == '0') {
		return -1
	}
	n := 0
	for i := 0; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return -1
		}
		n = n*10 + int(name[i]-'0')
	}
	return n
}

// matchedGroupNamed is the first group called name that took part in the
// match, or -1.
func (re *Regexp) matchedGroupNamed(name string, match []int) int {
	for i, n := range re.SubexpNames() {
		if n == name && 2*i+1 < len(match) && match[2*i] >= 0 {
			return i
		}
	}
	return -1
}
