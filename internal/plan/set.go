package plan

import (
	"regexp/syntax"

	"github.com/re2wasm/regexp/internal/re2syntax"
)

// SetPattern returns the RE2 pattern text under which expr (Perl syntax)
// can join an RE2::Set and report whether it matches a text as the
// standard library would: the Latin-1 translation (re2syntax.Translate,
// with counted repetitions spelled out if spell), run on texts whose
// invalid UTF-8 bytes are replaced by 0xFF (re2wasm.UTF8Text), which is
// exact on any text. ok is false where a set cannot run expr exactly, so
// that it must be matched alone: it fails to parse, it can match empty
// inside a character (\B, which a set cannot move to a character
// boundary), or it holds a code point that decoding never yields (the
// standard library's own matcher runs those, see Matcher.viaStd).
func SetPattern(expr string, spell bool) (pattern string, ok bool) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return "", false
	}
	f := analyze(tree)
	if f.emptyInChar || f.impossibleRune {
		return "", false
	}
	tree, _ = syntax.Parse(expr, syntax.Perl) // analyze may have rewritten it
	return re2syntax.Translate(tree, spell), true
}
