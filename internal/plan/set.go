package plan

import (
	"regexp/syntax"

	"github.com/re2wasm/regexp/internal/re2syntax"
)

// SetPattern returns the RE2 pattern text under which expr (Perl syntax)
// can join an RE2::Set and report whether it matches a text as the
// standard library would, with counted repetitions spelled out if spell.
// ok is false where a set cannot run expr exactly, so that it must be
// matched alone: it fails to parse, it can match empty inside a character
// (\B, which a set cannot move to a character boundary), or it holds a
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
	f := analyze(tree)
	if f.emptyInChar || f.impossibleRune {
		return "", false, false
	}
	tree, _ = syntax.Parse(expr, syntax.Perl) // analyze may have rewritten it
	if !utf8 {
		return re2syntax.Translate(tree, spell), false, true
	}
	return re2syntax.TranslateUTF8(tree, spell), re2syntax.NeedsValidUTF8(tree), true
}
