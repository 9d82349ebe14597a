package plan

import (
	gocontext "context"
	"fmt"
	"regexp/syntax"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/re2syntax"
	"github.com/re2wasm/regexp/internal/re2wasm"
)

// compileRE2 translates the expression and compiles it with RE2, in its
// UTF-8 mode if utf8Mode, else in Latin-1 mode. The tree is parsed again
// rather than kept from New: a pattern only ever used on short texts
// never needs it, and parsing costs little beside RE2.
//
// The modes (measured in internal/re2wasm's TestModeFigures):
//
//   - A pattern of ASCII literals and ASCII classes has one Latin-1
//     program, and its texts are not checked (exactOnAnyText): both modes
//     compile and match it alike.
//   - Any other has a program in UTF-8 mode, which compiles Unicode
//     classes 1.2-2.4x as fast and non-ASCII literals 1.3-1.5x, holds less
//     memory and matches as fast. Where its classes hold no U+FFFD and it
//     has no . or \B (\pL+, (?i)шерлок, [а-я]+), it matches as Go does on
//     any text (re2syntax.NeedsValidUTF8), so its texts are not checked,
//     where a Latin-1 program of classes checks every text (utf8.Valid of
//     multilingual text costs tens of times the copy).
//   - Otherwise (., [^a], \PL) the UTF-8 program takes texts that are
//     valid UTF-8, and a Latin-1 program, made on the first text that is
//     not, the others (needsValid).
func compileRE2(m *Matcher, utf8Mode bool) (*re2wasm.Regexp, error) {
	tree, err := syntax.Parse(m.expr, mode(m.posix))
	if err != nil {
		return nil, err // cannot happen: New parsed it
	}
	translate := re2syntax.Translate
	opts := re2wasm.Options{Flags: re2wasm.Latin1 | re2wasm.UTF8Text, Budgets: m.budgets}
	if utf8Mode {
		translate, opts.Flags = re2syntax.TranslateUTF8, 0
	}
	if m.longest {
		opts.Flags |= re2wasm.Longest
	}
	if m.emptyInChar {
		opts.Flags |= re2wasm.CheckCharStart
	} else {
		opts.TextAsIs = !utf8Mode && m.exactOnAnyText
	}
	prog, err := re2wasm.CompileWith(translate(tree, false), opts)
	if re2wasm.ErrorCodeOf(err) == re2wasm.ErrRepeatSize {
		// RE2 caps nested counted repetitions that Go allows: spell them
		// out instead.
		prog, err = re2wasm.CompileWith(translate(tree, true), opts)
	}
	if err != nil {
		return nil, fmt.Errorf("regexp: RE2 cannot compile %q: %w", m.expr, err)
	}
	if n := prog.NumGroups(); n != m.numSubexp {
		return nil, fmt.Errorf("regexp: internal error: RE2 counts %d groups in %q, Go %d", n, m.expr, m.numSubexp)
	}
	return prog, nil
}

// program returns the RE2 program for the searched part of a text, or
// nil if the standard library's matcher must run instead (RE2 cannot
// compile the program it needs). The main program is compiled on first
// need; the Latin-1 program of a UTF-8 mode expression that needs valid
// text, on the first text that is not.
func (m *Matcher) program(searched string) *re2wasm.Regexp {
	if m.needsValid && !utf8.ValidString(searched) {
		prog, _ := m.latin1.get(m, false)
		return prog
	}
	prog, _ := m.re2.get(m, m.utf8Mode)
	return prog
}

// re2Find runs RE2 over text[pos:end] and returns the offsets of ngroups
// groups of the leftmost match there, or nil. Only that part and a byte
// on each side (context for ^, $, \b; pos and end are character
// boundaries) are copied into wasm memory.
func re2Find[T Text](prog *re2wasm.Regexp, text T, pos, end, ngroups int) ([]int, error) {
	return re2FindUntil(gocontext.Background(), prog, text, pos, end, ngroups)
}

// re2FindUntil is re2Find, ending early with done.Err() once done is.
func re2FindUntil[T Text](done gocontext.Context, prog *re2wasm.Regexp, text T, pos, end, ngroups int) ([]int, error) {
	ctx, ctxEnd := context(pos), min(len(text), end+1)
	offsets := make([]int, 2*ngroups)
	ok, err := re2wasm.Match(done, prog, text[ctx:ctxEnd], pos-ctx, end-ctx, offsets)
	if err != nil || !ok {
		return nil, err
	}
	shift(offsets, ctx)
	return offsets, nil
}

// re2Search reports whether RE2 finds a match in text[pos:end], copied as
// re2Find copies it.
func re2Search[T Text](prog *re2wasm.Regexp, text T, pos, end int) (bool, error) {
	return re2SearchUntil(gocontext.Background(), prog, text, pos, end)
}

// re2SearchUntil is re2Search, ending early with done.Err() once done is.
func re2SearchUntil[T Text](done gocontext.Context, prog *re2wasm.Regexp, text T, pos, end int) (bool, error) {
	ctx, ctxEnd := context(pos), min(len(text), end+1)
	return re2wasm.Match(done, prog, text[ctx:ctxEnd], pos-ctx, end-ctx, nil)
}

// A text of headMinText bytes or more is first searched in its first
// headSize bytes when every match begins at its start (headMatches): an
// anchored match is mostly decided in a few bytes (`^.bc(d|e)` in the
// standard library's benchmarks), and copying the whole text into wasm
// memory costs more than RE2's search. A head without a match costs the
// long text more: 23% at 16 KiB, 5% at 64 KiB when RE2 gives up after a
// few bytes, hence the threshold.
const (
	HeadMinText = 32 << 10
	headSize    = 1 << 10
)

// re2HeadFirst reports whether RE2 finds a match in text[:end] of an
// expression whose matches all begin at the start (headMatches), trying a
// head of the text first.
func re2HeadFirst[T Text](prog *re2wasm.Regexp, text T, end int) (bool, error) {
	if end >= HeadMinText {
		ok, err := re2Search(prog, text[:headLen(text)], 0, headLen(text))
		if ok || err != nil {
			return ok, err
		}
	}
	return re2Search(prog, text[:end], 0, end)
}

// headLen is headSize less the bytes of a character that the cut would
// split, so that the head's characters are those of the text.
func headLen[T Text](text T) int {
	n := headSize
	for n > headSize-utf8.UTFMax+1 && !utf8.RuneStart(text[n]) {
		n--
	}
	return n
}

// re2FindAll runs RE2's match-all on text[ctx:] from pos on and calls each
// with the offsets in text of up to n matches (all if n < 0).
func re2FindAll[T Text](prog *re2wasm.Regexp, text T, ctx, pos, n, ngroups int, each func([]int)) error {
	return re2wasm.MatchAll(gocontext.Background(), prog, text[ctx:], pos-ctx, ngroups, n, func(offsets []int) bool {
		shift(offsets, ctx)
		each(offsets)
		return true
	})
}

// shift adds d to every offset of a group that took part.
func shift(offsets []int, d int) {
	if d == 0 {
		return
	}
	for i, o := range offsets {
		if o >= 0 {
			offsets[i] = o + d
		}
	}
}
