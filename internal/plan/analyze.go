package plan

import (
	"regexp/syntax"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/re2syntax"
)

// facts are what the parsed expression tells about every match, computed
// once, on the first call (Matcher.study). Lengths are in bytes of the
// text, where an invalid byte is a character (U+FFFD) of width 1.
type facts struct {
	// literal is the whole expression when it is a plain string, found
	// by a byte search exactly where the standard library matches it.
	literal string
	// anchoredPrefix is a plain string that every match begins with at
	// the start of the text (`^abc(d|e)`).
	anchoredPrefix string
	// prefixOnly: the expression is its anchored prefix and nothing else
	// (`^GET /`), matched by a string comparison.
	prefixOnly bool
	// anchoredStart: every match begins at the start of the text.
	anchoredStart bool
	// headMatches: every match begins at the start of the text and
	// nothing looks past a match's end ($, \b, \B), so a match in a head
	// of the text is a match in the text.
	headMatches bool
	// shape: the expression is anchored at the start, or begins with a
	// string, and the next character alone makes its every choice
	// (shape.go); nil if not.
	shape *shape
	// chain: the expression is a sequence of characters, each once,
	// optional or repeated, and of choices between such sequences, which
	// Match runs in Go (chain.go); nil if not, or if Match walks its
	// shape (anchored, or searched by a string).
	chain *chain
	// endsAtEnd: every match ends at the end of the text ($ without the
	// m flag, \z).
	endsAtEnd bool
	// required are strings of which every match contains each one.
	required []requiredString
	// impossibleRune: a literal holds a code point that decoding never
	// yields (a surrogate); see Matcher.viaStd.
	impossibleRune bool
	// emptyInChar: the expression can match empty inside a character (\B),
	// which RE2 must be told to skip.
	emptyInChar bool
	// exactOnAnyText: the expression matches nothing but ASCII bytes and
	// whole encodings of its literal characters, so invalid UTF-8 in a
	// text cannot change its matches and texts need no sanitising.
	exactOnAnyText bool
	// utf8Mode: RE2 runs the expression in its UTF-8 mode (re2.go).
	// needsValid: that program matches as Go does only on valid UTF-8, so
	// other texts need the Latin-1 program.
	utf8Mode, needsValid bool
	// nodes counts the nodes of the tree: a measure of the work of the
	// standard library's matchers per byte.
	nodes int
}

// requiredString is a string that every match contains, at most lead
// bytes after the match's start (lead -1: no bound).
type requiredString struct {
	s    string
	lead int
	fold bool // s is in lower case and matches in any case (searcher)
}

// analyze computes the facts of a parsed (not simplified) expression.
func analyze(re *syntax.Regexp) facts {
	var f facts
	if plainLiteral(re) {
		f.literal = string(re.Rune)
	} else if re.Op == syntax.OpConcat && len(re.Sub) >= 2 &&
		re.Sub[0].Op == syntax.OpBeginText && plainLiteral(re.Sub[1]) {
		f.anchoredPrefix = string(re.Sub[1].Rune)
		f.prefixOnly = len(re.Sub) == 2
	}
	f.anchoredStart = anchoredAtStart(re)
	f.headMatches = f.anchoredStart && !hasOp(re,
		syntax.OpEndText, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary)
	f.endsAtEnd = endsAtEnd(re)
	switch {
	case f.anchoredStart && !f.prefixOnly: // a prefix alone is a string comparison
		f.shape = newShape(re)
	case !f.anchoredStart && !f.endsAtEnd && f.literal == "":
		// A match that ends at the end lies in the text's last bytes,
		// which begin searches alone, where a walk would search all.
		f.shape = searchShape(re)
	}
	_, maxLen := lengths(re)
	// A shape searched by its first run walks from each byte of that run
	// (a digit of `\d+\.\d+\.\d+\.\d+`): Match is the chain's.
	walks := f.shape != nil && !f.shape.byFirst
	if !walks && f.literal == "" && !f.prefixOnly && !(f.endsAtEnd && maxLen != unbounded) {
		// (begin searches the last maxLen bytes of a bounded match that
		// ends at the end: far less than a chain's walk of the text.)
		f.chain = newChain(re)
	}
	f.required = required(re)
	f.impossibleRune = hasImpossibleRune(re)
	f.emptyInChar = hasOp(re, syntax.OpNoWordBoundary)
	f.exactOnAnyText = exactOnAnyText(re)
	f.utf8Mode = !f.exactOnAnyText || hasNonASCIILiteral(re)
	f.needsValid = f.utf8Mode && re2syntax.NeedsValidUTF8(re)
	f.nodes = countNodes(re)
	return f
}

// plainLiteral reports whether re is a literal that a byte search finds
// exactly where the standard library matches it: no case folding, no
// U+FFFD, which also matches an invalid byte, and no code point that
// decoding never yields (a surrogate, which string() would turn into
// U+FFFD).
func plainLiteral(re *syntax.Regexp) bool {
	return re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase == 0 && !slices.ContainsFunc(re.Rune, unsearchable)
}

// unsearchable reports whether a literal rune cannot be found by a byte
// search for its encoding.
func unsearchable(r rune) bool {
	return r == utf8.RuneError || !utf8.ValidRune(r)
}

// anchoredAtStart reports whether every match of re begins at the start of
// the text (\A, or ^ without the m flag).
func anchoredAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredAtStart(re.Sub[0])
	case syntax.OpCapture:
		return anchoredAtStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !anchoredAtStart(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// endsAtEnd reports whether every match of re ends at the end of the
// text.
func endsAtEnd(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && endsAtEnd(re.Sub[len(re.Sub)-1])
	case syntax.OpCapture:
		return endsAtEnd(re.Sub[0])
	case syntax.OpAlternate:
		return !slices.ContainsFunc(re.Sub, func(sub *syntax.Regexp) bool { return !endsAtEnd(sub) })
	}
	return false
}

// hasOp reports whether any of ops occurs anywhere in re.
func hasOp(re *syntax.Regexp, ops ...syntax.Op) bool {
	if slices.Contains(ops, re.Op) {
		return true
	}
	for _, sub := range re.Sub {
		if hasOp(sub, ops...) {
			return true
		}
	}
	return false
}

// hasNonASCIILiteral reports whether a literal of re holds a code point
// beyond ASCII.
func hasNonASCIILiteral(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && slices.ContainsFunc(re.Rune, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasNonASCIILiteral)
}

// hasImpossibleRune reports whether a literal of re holds a code point
// that UTF-8 decoding never yields (a surrogate).
func hasImpossibleRune(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral && slices.ContainsFunc(re.Rune, func(r rune) bool { return !utf8.ValidRune(r) }) {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasImpossibleRune)
}

// exactOnAnyText reports whether re matches nothing but ASCII bytes and the
// whole UTF-8 encodings of the characters of its literals, which the
// translation spells out byte for byte, case-folded ones included
// (re2syntax's TestLiteralsAreExact). Such a match can neither begin nor end
// inside a character, nor take in a byte of an invalid sequence. Classes
// with non-ASCII members and . are translated loosely, for sanitised text
// only; U+FFFD also matches an invalid byte.
func exactOnAnyText(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpLiteral:
		if slices.Contains(re.Rune, utf8.RuneError) {
			return false
		}
	case syntax.OpCharClass:
		if n := len(re.Rune); n > 0 && re.Rune[n-1] >= utf8.RuneSelf {
			return false
		}
	}
	return !slices.ContainsFunc(re.Sub, func(sub *syntax.Regexp) bool { return !exactOnAnyText(sub) })
}

func countNodes(re *syntax.Regexp) int {
	n := 1
	for _, sub := range re.Sub {
		n += countNodes(sub)
	}
	return n
}

// unbounded is a maxLen or lead without a bound.
const unbounded = -1

// addBound adds two bounds, either of which may be unbounded.
func addBound(a, b int) int {
	if a == unbounded || b == unbounded {
		return unbounded
	}
	return a + b
}

// lengths returns bounds on the length in bytes of a match of re.
func lengths(re *syntax.Regexp) (lo, hi int) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			rlo, rhi := runeWidths(r, re.Flags&syntax.FoldCase != 0)
			lo, hi = lo+rlo, hi+rhi
		}
		return lo, hi
	case syntax.OpCharClass:
		return classWidths(re.Rune)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, utf8.UTFMax
	case syntax.OpCapture:
		return lengths(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		slo, shi := lengths(re.Sub[0])
		min, max := 0, 1
		switch re.Op {
		case syntax.OpStar:
			max = unbounded
		case syntax.OpPlus:
			min, max = 1, unbounded
		case syntax.OpRepeat:
			min, max = re.Min, re.Max
		}
		lo = min * slo
		switch {
		case shi == 0 || max == 0:
			hi = 0
		case max == unbounded || shi == unbounded:
			hi = unbounded
		default:
			hi = max * shi
		}
		return lo, hi
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			slo, shi := lengths(sub)
			lo, hi = lo+slo, addBound(hi, shi)
		}
		return lo, hi
	case syntax.OpAlternate:
		for i, sub := range re.Sub {
			slo, shi := lengths(sub)
			if i == 0 {
				lo, hi = slo, shi
				continue
			}
			lo = min(lo, slo)
			if hi != unbounded && (shi == unbounded || shi > hi) {
				hi = shi
			}
		}
		return lo, hi
	}
	return 0, 0 // empty-width assertions, empty match, no match
}

// runeWidths bounds the bytes a literal rune matches: U+FFFD also matches
// an invalid byte, and with fold every rune of its case-folding orbit.
func runeWidths(r rune, fold bool) (lo, hi int) {
	lo, hi = utf8.UTFMax, 1
	width := func(r rune) {
		switch {
		case r == utf8.RuneError:
			lo, hi = 1, max(hi, 3)
		case utf8.ValidRune(r):
			n := utf8.RuneLen(r)
			lo, hi = min(lo, n), max(hi, n)
		}
	}
	width(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			width(f)
		}
	}
	if lo > hi { // nothing it can match; the bounds do not matter
		return 0, 0
	}
	return lo, hi
}

// charWidth is the width of r's encoding; a surrogate, which no text
// holds, counts as the characters around it (3 bytes).
func charWidth(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return 3
}

// classWidths bounds the bytes a character class, given as (lo, hi) pairs,
// matches.
func classWidths(pairs []rune) (lo, hi int) {
	if len(pairs) == 0 {
		return 0, 0
	}
	// The narrowest character is the smallest rune's, the widest the
	// largest's (widths grow with code points). Go's parser keeps a
	// class's ranges sorted and apart (the standard library's matcher
	// searches them by halves), so these are the ends, and U+FFFD is
	// found by halves too: \pL has over 600 ranges.
	least, most := max(pairs[0], 0), min(pairs[len(pairs)-1], unicode.MaxRune)
	if least > most {
		return 0, 0
	}
	n := len(pairs) / 2
	k := sort.Search(n, func(k int) bool { return pairs[2*k+1] >= utf8.RuneError })
	invalid := k < n && pairs[2*k] <= utf8.RuneError
	lo, hi = charWidth(least), charWidth(most)
	if invalid {
		lo = 1 // an invalid byte
	}
	return lo, hi
}

// required returns strings that every match of re contains, each with a
// bound on how far after the match's start it begins.
func required(re *syntax.Regexp) []requiredString {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return foldedPieces(re.Rune)
		}
		return literalPieces(re.Rune)
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var all []requiredString
		lead := 0
		for _, sub := range re.Sub {
			for _, r := range required(sub) {
				r.lead = addBound(lead, r.lead)
				all = append(all, r)
			}
			_, hi := lengths(sub)
			lead = addBound(lead, hi)
		}
		return all
	}
	return nil
}

// foldedPieces splits a case-folded literal at the runes whose case
// variants a byte search cannot all find (foldsInASCII), into pieces in
// lower case, each with a bound on how far after the literal's start it
// begins (the widest of each case variant before it).
func foldedPieces(runes []rune) []requiredString {
	var pieces []requiredString
	var piece []byte
	lead, pieceLead := 0, 0
	for _, r := range runes {
		if foldsInASCII(r) {
			if len(piece) == 0 {
				pieceLead = lead
			}
			piece = append(piece, byte(unicode.ToLower(r)))
		} else if len(piece) > 0 {
			pieces = append(pieces, requiredString{s: string(piece), lead: pieceLead, fold: true})
			piece = piece[:0]
		}
		_, hi := runeWidths(r, true)
		lead += hi
	}
	if len(piece) > 0 {
		pieces = append(pieces, requiredString{s: string(piece), lead: pieceLead, fold: true})
	}
	return pieces
}

// literalPieces splits a literal at the runes a byte search cannot find.
func literalPieces(runes []rune) []requiredString {
	var pieces []requiredString
	start, lead := 0, 0
	for i, r := range runes {
		if !unsearchable(r) {
			continue
		}
		if i > start {
			pieces = append(pieces, requiredString{s: string(runes[start:i]), lead: lead})
		}
		for _, p := range runes[start:i] {
			lead += utf8.RuneLen(p)
		}
		_, w := runeWidths(r, false)
		lead += w
		start = i + 1
	}
	if start < len(runes) {
		pieces = append(pieces, requiredString{s: string(runes[start:]), lead: lead})
	}
	return pieces
}
