package re2syntax

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// noMatch is pattern text that RE2 (Latin-1) accepts and that never matches:
// a class of no byte at all.
const noMatch = `[^\x00-\xff]`

// prec says where a fragment of pattern text can be used without wrapping
// it in a non-capturing group.
type prec int

const (
	// precAtom text can take a repetition operator directly.
	precAtom prec = iota
	// precConcat text can be an element of a concatenation.
	precConcat
	// precAlt text is an alternation; it needs a group inside a concatenation.
	precAlt
)

// frag is a piece of translated pattern text and its precedence.
type frag struct {
	text string
	prec prec
}

// atom returns the text of f usable as the operand of a repetition.
func (f frag) atom() string {
	if f.prec == precAtom {
		return f.text
	}
	return "(?:" + f.text + ")"
}

// item returns the text of f usable as an element of a concatenation.
func (f frag) item() string {
	if f.prec == precAlt {
		return "(?:" + f.text + ")"
	}
	return f.text
}

// Precomputed translations of the "any character" operators. Both accept the
// invalid byte 0xFF, since Go decodes an invalid byte as U+FFFD.
var (
	anyCharFrag      = classFrag([]rune{0, unicode.MaxRune})
	anyCharNotNLFrag = classFrag([]rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune})
)

// Translate returns RE2 pattern text for re (see package doc for the
// contract).
// Capture groups are emitted as plain "(...)" in the same order as in re, so
// RE2's group numbering equals Go's (names are not emitted; the caller keeps
// them).
// If expandRepeats is true, counted repetitions x{n,m} are expanded into
// copies (as Go's own syntax.Simplify does) instead of emitted as {n,m}; the
// caller uses this when RE2 refuses a nested repetition (RE2 rejects nested
// counted repeats whose product exceeds 1000, Go accepts them). A counted
// repetition whose operand contains a capture group is never expanded, since
// copies of the group would change the group numbering.
//
// re must come from syntax.Parse and must not have been simplified
// (Simplify duplicates capture groups).
func Translate(re *syntax.Regexp, expandRepeats bool) string {
	t := translator{expandRepeats: expandRepeats, mode: utf8Bytes}
	return t.translate(re).text
}

// translator holds the options of one translation.
type translator struct {
	expandRepeats bool
	mode          textMode
}

// textMode says what the text RE2 matches is made of, and so how runes
// are written.
type textMode int

const (
	// utf8Bytes (Translate): RE2 in Latin-1 mode on sanitised UTF-8 text;
	// runes are written as their UTF-8 byte sequences.
	utf8Bytes textMode = iota
	// utf8Runes (TranslateUTF8): RE2 in UTF-8 mode on valid UTF-8 text;
	// runes and rune ranges are written as such.
	utf8Runes
	// latin1Bytes (TranslateLatin1): RE2 in Latin-1 mode on bytes that are
	// characters themselves; a rune above U+00FF is no byte.
	latin1Bytes
)

// never is pattern text that never matches, in the translation's mode.
func (t *translator) never() frag {
	if t.mode == utf8Runes {
		return frag{noMatchUTF8, precAtom}
	}
	return frag{noMatch, precAtom}
}

// literal translates a literal string of runes, case-folded if fold.
func (t *translator) literal(runes []rune, fold bool) frag {
	switch t.mode {
	case utf8Runes:
		return runeLiteralFrag(runes, fold)
	case latin1Bytes:
		return latin1LiteralFrag(runes, fold)
	}
	return literalFrag(runes, fold)
}

// class translates a set of runes given as (lo, hi) pairs.
func (t *translator) class(pairs []rune) frag {
	switch t.mode {
	case utf8Runes:
		return runeClassFrag(pairs)
	case latin1Bytes:
		return latin1ClassFrag(pairs)
	}
	return classFrag(pairs)
}

// anyChar translates . (any character but \n unless withNL).
func (t *translator) anyChar(withNL bool) frag {
	switch {
	case t.mode == utf8Runes && withNL:
		return anyRuneFrag
	case t.mode == utf8Runes:
		return anyRuneNotNLFrag
	case t.mode == latin1Bytes && withNL:
		return anyByteFrag
	case t.mode == latin1Bytes:
		return anyByteNotNLFrag
	case withNL:
		return anyCharFrag
	}
	return anyCharNotNLFrag
}

// translate returns the fragment for re.
func (t *translator) translate(re *syntax.Regexp) frag {
	switch re.Op {
	case syntax.OpNoMatch:
		return t.never()
	case syntax.OpEmptyMatch:
		return frag{"(?:)", precAtom}
	case syntax.OpLiteral:
		return t.literal(re.Rune, re.Flags&syntax.FoldCase != 0)
	case syntax.OpCharClass:
		return t.class(re.Rune)
	case syntax.OpAnyCharNotNL:
		return t.anyChar(false)
	case syntax.OpAnyChar:
		return t.anyChar(true)
	case syntax.OpBeginLine:
		return frag{"(?m:^)", precAtom}
	case syntax.OpEndLine:
		return frag{"(?m:$)", precAtom}
	case syntax.OpBeginText:
		return frag{`\A`, precConcat}
	case syntax.OpEndText:
		return frag{`\z`, precConcat}
	case syntax.OpWordBoundary:
		return frag{`\b`, precConcat}
	case syntax.OpNoWordBoundary:
		return frag{`\B`, precConcat}
	case syntax.OpCapture:
		return frag{"(" + t.translate(re.Sub[0]).text + ")", precAtom}
	case syntax.OpStar:
		return repeatOp(t.translate(re.Sub[0]), "*", re.Flags)
	case syntax.OpPlus:
		return repeatOp(t.translate(re.Sub[0]), "+", re.Flags)
	case syntax.OpQuest:
		return repeatOp(t.translate(re.Sub[0]), "?", re.Flags)
	case syntax.OpRepeat:
		return t.repeat(re)
	case syntax.OpConcat:
		return t.concat(re.Sub)
	case syntax.OpAlternate:
		return t.alternate(re.Sub)
	}
	panic("re2syntax: unknown regexp op " + re.Op.String())
}

// concat translates a concatenation of subs.
func (t *translator) concat(subs []*syntax.Regexp) frag {
	switch len(subs) {
	case 0:
		return frag{"(?:)", precAtom}
	case 1:
		return t.translate(subs[0])
	}
	var sb strings.Builder
	for _, sub := range subs {
		sb.WriteString(t.translate(sub).item())
	}
	return frag{sb.String(), precConcat}
}

// alternate translates an alternation of subs, keeping their order (which is
// their priority).
func (t *translator) alternate(subs []*syntax.Regexp) frag {
	switch len(subs) {
	case 0:
		return t.never()
	case 1:
		return t.translate(subs[0])
	}
	parts := make([]string, len(subs))
	for i, sub := range subs {
		parts[i] = t.translate(sub).text
	}
	return frag{strings.Join(parts, "|"), precAlt}
}

// literalFrag translates a literal string of runes. With fold set, each rune
// stands for its whole simple case-folding orbit. Runes Go can never match
// (surrogates, values outside Unicode) make the literal never match.
func literalFrag(runes []rune, fold bool) frag {
	var pieces []frag // one per byte or per class
	for _, r := range runes {
		set := []rune{r, r}
		if fold {
			set = foldOrbit(r)
		}
		if len(set) == 2 && r != utf8.RuneError && utf8.ValidRune(r) {
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, b := range buf[:n] {
				pieces = append(pieces, frag{escapeByte(b), precAtom})
			}
			continue
		}
		f := classFrag(set)
		if f.text == noMatch {
			return f
		}
		pieces = append(pieces, f)
	}
	switch len(pieces) {
	case 0:
		return frag{"(?:)", precAtom}
	case 1:
		return pieces[0]
	}
	var sb strings.Builder
	for _, f := range pieces {
		sb.WriteString(f.item())
	}
	return frag{sb.String(), precConcat}
}

// foldOrbit returns, as (r, r) pairs, the runes that r matches under Go's
// case folding: r and every rune reached from it by unicode.SimpleFold.
func foldOrbit(r rune) []rune {
	set := []rune{r, r}
	if r < 0 || r > unicode.MaxRune {
		return set
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		set = append(set, f, f)
	}
	return set
}
