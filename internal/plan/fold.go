package plan

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A foldFilter is an ASCII character that every match holds in one of its
// cases, from a case-folded literal (`(?i)(api|secret)[_-]?key` holds a
// y or a Y): a text with neither byte has no match, which two vectorised
// byte searches tell at a fraction of a walk's cost. Only characters whose
// case-folding orbit is all ASCII qualify: a k may be matched by the
// Kelvin sign and an s by a long s, which a byte search would miss.
type foldFilter struct{ lower, upper byte }

// absent reports whether s holds neither case of the character.
func (f *foldFilter) absent(s string) bool {
	return strings.IndexByte(s, f.lower) < 0 && (f.upper == f.lower || strings.IndexByte(s, f.upper) < 0)
}

// rarity ranks the character's cases together, as byteRank does one byte:
// the commoner case decides how often a text holds either.
func (f *foldFilter) rarity() int { return max(byteRank(f.lower), byteRank(f.upper)) }

// newFoldFilter returns the rarest character that every match of re holds
// in a case-folded literal, or nil if there is none.
func newFoldFilter(re *syntax.Regexp) *foldFilter {
	var best *foldFilter
	for _, r := range requiredFolded(re) {
		f := &foldFilter{lower: byte(unicode.ToLower(r)), upper: byte(unicode.ToUpper(r))}
		if best == nil || f.rarity() < best.rarity() {
			best = f
		}
	}
	return best
}

// requiredFolded returns ASCII characters with an all-ASCII folding orbit
// that every match of re holds as a case-folded literal's character (in
// either case). It follows the structure of required: concatenations,
// groups and repetitions of at least one.
func requiredFolded(re *syntax.Regexp) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return nil
		}
		var out []rune
		for _, r := range re.Rune {
			if asciiOrbit(r) {
				out = append(out, r)
			}
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return requiredFolded(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredFolded(re.Sub[0])
		}
	case syntax.OpConcat:
		var out []rune
		for _, sub := range re.Sub {
			out = append(out, requiredFolded(sub)...)
		}
		return out
	}
	return nil
}

// asciiOrbit reports whether r and every character that case folding
// equates with it are ASCII.
func asciiOrbit(r rune) bool {
	if r >= utf8.RuneSelf {
		return false
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
