package re2syntax

import (
	"regexp/syntax"
	"strconv"
	"strings"
)

// repeatOp applies the repetition operator op ("*", "+", "?" or a counted
// "{n,m}") to sub, made non-greedy when flags has NonGreedy.
func repeatOp(sub frag, op string, flags syntax.Flags) frag {
	if flags&syntax.NonGreedy != 0 {
		op += "?"
	}
	return frag{sub.atom() + op, precConcat}
}

// repeat translates a counted repetition, either as {n,m} or, if requested
// and possible, expanded into copies the way syntax.Simplify does it.
func (t *translator) repeat(re *syntax.Regexp) frag {
	sub := t.translate(re.Sub[0])
	if !t.expandRepeats || hasCapture(re.Sub[0]) {
		return repeatOp(sub, countOp(re.Min, re.Max), re.Flags)
	}
	return expand(sub, re.Min, re.Max, re.Flags, t.never())
}

// countOp prints the counted repetition operator for min and max (max -1
// means unbounded).
func countOp(min, max int) string {
	switch {
	case max == -1:
		return "{" + strconv.Itoa(min) + ",}"
	case min == max:
		return "{" + strconv.Itoa(min) + "}"
	}
	return "{" + strconv.Itoa(min) + "," + strconv.Itoa(max) + "}"
}

// expand writes x{min,max} without counted repetition: x{0,} is x*, x{1,} is
// x+, x{3,} is xxx+, x{2,5} is xx(?:x(?:xx?)?)? with the optional copies
// nested, as in syntax.Simplify. never is the mode's text that never
// matches, for max < min.
func expand(x frag, min, max int, flags syntax.Flags, never frag) frag {
	switch {
	case max == -1 && min == 0:
		return repeatOp(x, "*", flags)
	case max == -1 && min == 1:
		return repeatOp(x, "+", flags)
	case min == 0 && max == 0:
		return frag{"(?:)", precAtom}
	case min == 1 && max == 1:
		return x
	case max != -1 && max < min:
		return never
	}
	var sb strings.Builder
	if max == -1 {
		for range min - 1 {
			sb.WriteString(x.item())
		}
		sb.WriteString(repeatOp(x, "+", flags).text)
		return frag{sb.String(), precConcat}
	}
	for range min {
		sb.WriteString(x.item())
	}
	if max > min {
		suffix := repeatOp(x, "?", flags)
		for range max - min - 1 {
			suffix = repeatOp(frag{x.item() + suffix.text, precConcat}, "?", flags)
		}
		sb.WriteString(suffix.text)
	}
	return frag{sb.String(), precConcat}
}

// hasCapture reports whether re contains a capture group.
func hasCapture(re *syntax.Regexp) bool {
	if re.Op == syntax.OpCapture {
		return true
	}
	for _, sub := range re.Sub {
		if hasCapture(sub) {
			return true
		}
	}
	return false
}
