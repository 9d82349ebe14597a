package re2syntax

import (
	"regexp/syntax"
	"strings"
)

// This file holds the translation for Latin-1 texts (TranslateLatin1):
// every byte of the text is one character, the byte 0xHH being U+00HH,
// as if each byte were decoded to the rune of its value. A Go expression
// then matches what it matches on that rune string: \xff is the byte 0xFF,
// . any byte but \n, \pL the bytes whose runes are letters (A-Z, a-z, ª,
// µ, º, À-Ö, Ø-ö, ø-ÿ), and a rune above U+00FF nothing at all.

// maxLatin1 is the largest rune a byte stands for.
const maxLatin1 = 0xFF

// Translations of the "any character" operators on bytes.
var (
	anyByteFrag      = latin1ClassFrag([]rune{0, maxLatin1})
	anyByteNotNLFrag = latin1ClassFrag([]rune{0, '\n' - 1, '\n' + 1, maxLatin1})
)

// TranslateLatin1 returns RE2 pattern text for RE2 compiled in Latin-1
// mode (the options of Translate) whose matches on any byte string are
// exactly those of Go's regexp on re over the runes of its bytes' values
// (byte 0xE9 read as U+00E9). The text is matched as it is, never
// sanitised, and every position is a character boundary, so no empty
// match needs moving; a match-all steps over an empty match by one byte.
//
// As with Translate, capture groups are plain "(...)" in Go's order,
// expandRepeats spells out counted repetitions for RE2 to accept nested
// ones, and re must come from syntax.Parse, not simplified. Case folding
// is Go's (unicode.SimpleFold) restricted to U+0000-U+00FF: (?i)k matches
// k and K (the Kelvin sign is no byte), (?i)ÿ only ÿ.
func TranslateLatin1(re *syntax.Regexp, expandRepeats bool) string {
	t := translator{expandRepeats: expandRepeats, mode: latin1Bytes}
	return t.translate(re).text
}

// latin1LiteralFrag translates a literal string of runes into bytes. With
// fold set, each rune stands for the bytes of its case-folding orbit. A
// rune above U+00FF, which no byte is, makes the literal never match.
func latin1LiteralFrag(runes []rune, fold bool) frag {
	var sb strings.Builder
	var last frag
	for _, r := range runes {
		set := []rune{r, r}
		if fold {
			set = foldOrbit(r)
		}
		f := latin1ClassFrag(set)
		if f.text == noMatch {
			return f
		}
		sb.WriteString(f.text)
		last = f
	}
	switch len(runes) {
	case 0:
		return frag{"(?:)", precAtom}
	case 1:
		return last
	}
	return frag{sb.String(), precConcat}
}

// latin1ClassFrag translates a set of runes, given as (lo, hi) pairs, into
// a class of the bytes 0x00-0xFF it holds: a single byte, or the positive
// or negated bracketed class, whichever is shorter. RE2 in Latin-1 mode
// reads \xHH as the byte 0xHH and negates a class over the bytes. An
// empty set never matches.
func latin1ClassFrag(pairs []rune) frag {
	var rs []runeRange
	for _, r := range normalizeRanges(pairs) {
		if r.lo > maxLatin1 {
			break
		}
		rs = append(rs, runeRange{r.lo, min(r.hi, maxLatin1)})
	}
	switch {
	case len(rs) == 0:
		return frag{noMatch, precAtom}
	case len(rs) == 1 && rs[0].lo == rs[0].hi:
		return frag{escapeByte(byte(rs[0].lo)), precAtom}
	}
	pos := "[" + runeClassBody(rs) + "]"
	comp := complementRanges(rs)
	if len(comp) > 0 && comp[len(comp)-1].lo > maxLatin1 {
		comp = comp[:len(comp)-1] // no byte is above 0xFF
	} else if len(comp) > 0 {
		comp[len(comp)-1].hi = maxLatin1
	}
	if len(comp) == 0 {
		return frag{`[\x00-\xff]`, precAtom}
	}
	if neg := "[^" + runeClassBody(comp) + "]"; len(neg) < len(pos) {
		return frag{neg, precAtom}
	}
	return frag{pos, precAtom}
}
