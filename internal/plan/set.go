package plan

import (
	"regexp/syntax"

	"github.com/re2wasm/regexp/internal/re2syntax"
)

// SetPattern returns the RE2 pattern text under which expr (Perl syntax)
// can join an RE2::Set and report whether it matches a text as the
// standard library would, with counted repetitions spelled out if spell.
// ok is false where a set cannot run expr exactly, so that it must be
// matched alone: it fails to parse, it can match empty through a \B
// (emptyWithNoWordBoundary), or it holds a
// code point that decoding never yields (the standard library's own
// matcher runs those, see Matcher.viaStd).
//
// With utf8, the pattern is for a set in RE2's UTF-8 mode
// (re2syntax.TranslateUTF8), whose texts are copied as they are: exact on
// valid UTF-8, and on any text unless needsValid (re2syntax.NeedsValidUTF8).
// Without, it is the Latin-1 translation (re2syntax.Translate), run on
// texts whose invalid UTF-8 bytes are replaced by 0xFF, which is exact on
// any text.
func SetPattern(expr string, spell, utf8 bool) (pattern string, needsValid, ok bool) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return "", false, false
	}
	if withB, _ := emptyWithNoWordBoundary(tree); withB || hasImpossibleRune(tree) {
		return "", false, false
	}
	if !utf8 {
		return re2syntax.Translate(tree, spell), false, true
	}
	return re2syntax.TranslateUTF8(tree, spell), re2syntax.NeedsValidUTF8(tree), true
}

// emptyWithNoWordBoundary reports whether re can match empty through a
// \B (withB), and whether it can match empty at all (empty). RE2's set
// tries a match from every byte, inside a character too, where none of
// the standard library's positions lies. A match from there takes no
// character (every character of a translation begins at a character's
// first byte), so it is empty, and of the empty-width tests only \B can
// hold there (both neighbours are bytes beyond ASCII: \b, ^, $ with the
// m flag, \A and \z fail). A pattern that cannot match empty through a
// \B (`(?i)(acpi|mtrr)\B`, `\Bfoo`) has the standard library's answer
// from a set; `\B`, `x*\B` do not.
func emptyWithNoWordBoundary(re *syntax.Regexp) (withB, empty bool) {
	switch re.Op {
	case syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary:
		return false, true
	case syntax.OpLiteral:
		return false, len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return emptyWithNoWordBoundary(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		withB, _ := emptyWithNoWordBoundary(re.Sub[0])
		return withB, true
	case syntax.OpRepeat:
		if re.Max == 0 {
			return false, true
		}
		withB, empty := emptyWithNoWordBoundary(re.Sub[0])
		return withB, empty || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			b, e := emptyWithNoWordBoundary(sub)
			if !e {
				return false, false
			}
			withB = withB || b
		}
		return withB, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			b, e := emptyWithNoWordBoundary(sub)
			withB, empty = withB || b, empty || e
		}
		return withB, empty
	}
	return false, false // a character: OpAnyChar, OpCharClass, ...
}
