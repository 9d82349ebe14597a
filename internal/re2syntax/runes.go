package re2syntax

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the translation for RE2's UTF-8 mode (TranslateUTF8):
// literals and classes as runes and rune ranges, which RE2 compiles into
// UTF-8 byte sequences itself, so that a class such as \pL stays one
// bracketed class and RE2's compiler shares the suffixes of its ranges.
//
// Only Go decides what a class holds: its ranges come from Go's parse
// (Go's Unicode tables, Go's case folding of classes), literals under (?i)
// are expanded here into Go's folding orbits, and the pattern text never
// uses RE2's own (?i), \pN, \d, \w, \s or [[:name:]], whose tables and
// folding are RE2's.

// noMatchUTF8 is pattern text that RE2 in UTF-8 mode accepts and that
// never matches: a class of no rune at all (RE2 parses it to NoMatch).
const noMatchUTF8 = `[^\x00-\x{10ffff}]`

// Translations of the "any character" operators: RE2 compiles a class of
// every code point as its own any-character operator, whose program is
// the smallest (it accepts some byte strings that are not UTF-8, which a
// valid text never holds).
var (
	anyRuneFrag      = runeClassFrag([]rune{0, unicode.MaxRune})
	anyRuneNotNLFrag = runeClassFrag([]rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune})
)

// TranslateUTF8 returns RE2 pattern text for RE2 compiled in UTF-8 mode
// (RE2 options: UTF-8 encoding, Perl syntax, case sensitive,
// never_nl=false) whose matches on a text that is valid UTF-8 are exactly
// those of Go's regexp on re. On a text that is not valid UTF-8 its matches
// are not Go's (Go reads each invalid byte as U+FFFD): use Translate and
// Sanitize for those.
//
// As with Translate, capture groups are plain "(...)" in Go's order, an
// empty match can be reported inside a multibyte character when re has \B
// (callers move it on to the next character boundary), expandRepeats
// spells out counted repetitions for RE2 to accept nested ones, and re
// must come from syntax.Parse, not simplified. A literal code point that
// decoding never yields (a surrogate) never matches; Go's one-pass matcher
// can match one where it begins an anchored expression, which callers
// handle themselves.
func TranslateUTF8(re *syntax.Regexp, expandRepeats bool) string {
	t := translator{expandRepeats: expandRepeats, mode: utf8Runes}
	return t.translate(re).text
}

// runeLiteralFrag translates a literal string of runes for UTF-8 mode.
// With fold set, each rune stands for its simple case-folding orbit
// (unicode.SimpleFold, as Go's matcher folds a literal), written as a
// class. A rune Go can never match (a surrogate, a value outside Unicode)
// makes the literal never match.
func runeLiteralFrag(runes []rune, fold bool) frag {
	var sb strings.Builder
	pieces := 0
	last := frag{}
	for _, r := range runes {
		if !utf8.ValidRune(r) {
			return frag{noMatchUTF8, precAtom}
		}
		f := frag{escapeRune(r), precAtom}
		if fold {
			if orbit := foldOrbit(r); len(orbit) > 2 {
				f = runeClassFrag(orbit)
			}
		}
		sb.WriteString(f.text)
		pieces++
		last = f
	}
	switch pieces {
	case 0:
		return frag{"(?:)", precAtom}
	case 1:
		return last
	}
	return frag{sb.String(), precConcat}
}

// runeClassFrag translates a set of runes, given as (lo, hi) pairs, into a
// class of rune ranges for UTF-8 mode: the positive or the negated form,
// whichever is shorter. An empty set never matches.
//
// A set without U+FFFD is written exactly: RE2 compiles it into the UTF-8
// encodings of its code points and no other byte string, so that it
// cannot match any part of an invalid sequence, which Go reads as U+FFFD
// (see NeedsValidUTF8). A set with U+FFFD is only ever matched against
// valid text: its surrogates are left out or put in, whichever gives fewer
// ranges, since a valid text holds none, and the class of every code point
// but the surrogates is RE2's any-character program only when it is
// written without the gap.
func runeClassFrag(pairs []rune) frag {
	rs := normalizeRanges(pairs)
	exact := !containsRune(rs, utf8.RuneError)
	if !exact {
		rs = bridgeSurrogates(rs)
	}
	switch {
	case len(rs) == 0:
		return frag{noMatchUTF8, precAtom}
	case len(rs) == 1 && rs[0].lo == 0 && rs[0].hi == unicode.MaxRune:
		return frag{`(?s:.)`, precAtom}
	case len(rs) == 1 && rs[0].lo == rs[0].hi:
		return frag{escapeRune(rs[0].lo), precAtom}
	}
	pos := "[" + runeClassBody(rs) + "]"
	// RE2 negates over every code point, surrogates and \n included
	// (never_nl=false), so [^...] of the complement is rs again. An exact
	// set's complement keeps the surrogates, which the negation then
	// leaves out.
	comp := complementRanges(rs)
	if !exact {
		comp = bridgeSurrogates(normalizeRanges(rangePairs(comp)))
	}
	if neg := "[^" + runeClassBody(comp) + "]"; len(neg) < len(pos) {
		return frag{neg, precAtom}
	}
	return frag{pos, precAtom}
}

// bridgeSurrogates joins, in place, a range that ends just below the
// surrogates with one that begins just above them (rs is normalized, so
// holds no surrogate).
func bridgeSurrogates(rs []runeRange) []runeRange {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i].hi == surrogateMin-1 && rs[i+1].lo == surrogateMax+1 {
			rs[i].hi = rs[i+1].hi
			return append(rs[:i+1], rs[i+2:]...)
		}
	}
	return rs
}

// complementRanges returns the code points (surrogates included) outside
// the sorted, disjoint ranges rs.
func complementRanges(rs []runeRange) []runeRange {
	var out []runeRange
	next := rune(0)
	for _, r := range rs {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

// rangePairs returns rs as (lo, hi) pairs.
func rangePairs(rs []runeRange) []rune {
	pairs := make([]rune, 0, 2*len(rs))
	for _, r := range rs {
		pairs = append(pairs, r.lo, r.hi)
	}
	return pairs
}

// NeedsValidUTF8 reports whether the matches of TranslateUTF8(re) in RE2's
// UTF-8 mode can differ from Go's on a text that is not valid UTF-8, so
// that such texts need another program (Translate, on sanitised text).
//
// They cannot when re has no ., no \B and no literal or class that holds
// U+FFFD. Each of its literals and classes is then written exactly, so
// RE2 matches a character only where the text holds its whole UTF-8
// encoding, where Go decodes the same character; Go reads each byte of an
// invalid sequence as U+FFFD of width 1, which nothing in re matches, and
// RE2 matches no part of such a sequence. An empty match cannot fall
// inside a character without \B (which holds between the bytes of one,
// where the binding cannot tell a character's bytes from invalid ones),
// and RE2's match-all steps over an empty match by Go's decoding. . and
// classes with U+FFFD are written loosely (RE2's any-character program
// accepts some invalid sequences as one character) and must match U+FFFD
// for each invalid byte.
func NeedsValidUTF8(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if slices.Contains(re.Rune, utf8.RuneError) {
			return true
		}
	case syntax.OpCharClass:
		if pairsContain(re.Rune, utf8.RuneError) {
			return true
		}
	}
	return slices.ContainsFunc(re.Sub, NeedsValidUTF8)
}

// runeClassBody prints sorted, disjoint rune ranges as the inside of a
// bracketed class.
func runeClassBody(rs []runeRange) string {
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteString(escapeRune(r.lo))
		switch {
		case r.hi == r.lo:
		case r.hi == r.lo+1:
			sb.WriteString(escapeRune(r.hi))
		default:
			sb.WriteByte('-')
			sb.WriteString(escapeRune(r.hi))
		}
	}
	return sb.String()
}

// escapeRune prints r literally if it is an ASCII letter or digit, and
// otherwise as \xHH (below U+0100) or \x{H...}, so that no rune acts as an
// RE2 metacharacter and the pattern text is ASCII. In UTF-8 mode RE2 reads
// \xHH as the code point U+00HH, not as a byte.
func escapeRune(r rune) string {
	switch {
	case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		return string(r)
	case r < 0x100:
		return escapeByte(byte(r))
	}
	return `\x{` + strconv.FormatInt(int64(r), 16) + `}`
}
