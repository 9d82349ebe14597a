package plan

import (
	"unicode"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/preempt"
)

// A searcher finds a string in texts by its rarest byte: memchr-style
// scans (strings.IndexByte, vectorised, in pieces: internal/preempt) for
// that byte, then a comparison.
// Which byte is rarest is guessed from byteRank, as fast literal searchers
// do; a byte that turns out common is given up for strings.Index.
//
// A folded searcher finds its string in any mix of cases: s is in lower
// case, each of its characters one whose case-folding orbit is all ASCII
// (foldsInASCII), so that what the standard library matches for it is
// exactly an ASCII case variant of s, which a byte search finds.
type searcher struct {
	s    string
	rare int // offset in s of the byte scanned for
	fold bool
}

func newSearcher(s string) searcher { return newSearcherFold(s, false) }

// newSearcherFold returns a searcher for s, folded if fold (s in lower
// case).
func newSearcherFold(s string, fold bool) searcher {
	sr := searcher{s: s, fold: fold}
	for i := 1; i < len(s); i++ {
		if sr.rank(s[i]) < sr.rank(s[sr.rare]) {
			sr.rare = i
		}
	}
	return sr
}

// rank is byteRank of b, or for a folded searcher of its commoner case,
// which decides how often a text holds either.
func (sr searcher) rank(b byte) int {
	if sr.fold {
		return max(byteRank(b), byteRank(upper(b)))
	}
	return byteRank(b)
}

// rarity is the rank of s's rarest byte: the lower, the fewer candidates.
func (sr searcher) rarity() int { return sr.rank(sr.s[sr.rare]) }

// falseCandidates is how many occurrences of the rare byte that are not
// the string make index hand over to strings.Index.
const falseCandidates = 32

// index returns the offset of the first occurrence of sr.s in text at or
// after from, or -1.
func (sr searcher) index(text string, from int) int {
	if sr.fold {
		return sr.indexFold(text, from)
	}
	if sr.rare == 0 {
		return offset(preempt.IndexString(text[from:], sr.s), from)
	}
	c := sr.s[sr.rare]
	for fails := 0; fails < falseCandidates; fails++ {
		if len(text)-from < len(sr.s) {
			return -1
		}
		i := preempt.IndexByteString(text[from+sr.rare:], c)
		if i < 0 {
			return -1
		}
		at := from + i
		if at+len(sr.s) <= len(text) && text[at:at+len(sr.s)] == sr.s {
			return at
		}
		from = at + 1
	}
	return offset(preempt.IndexString(text[from:], sr.s), from)
}

// indexFold is index for a folded searcher: the next occurrence of the
// rare byte in either case, then a comparison ignoring case. The lower
// case is searched first and the upper case only before it (in text
// people search the lower case is the commoner), and what each search
// found or ruled out is kept, so that no byte is scanned twice for a case.
func (sr searcher) indexFold(text string, from int) int {
	lo, up := sr.s[sr.rare], upper(sr.s[sr.rare])
	nextLo := -2    // next lower case at or after the last base; -2: not searched, -1: none
	upClear := from // no upper case in text[from+sr.rare:upClear]
	for len(text)-from >= len(sr.s) {
		base := from + sr.rare
		if nextLo != -1 && nextLo < base {
			nextLo = offset(preempt.IndexByteString(text[base:], lo), base)
		}
		i := nextLo
		if up != lo {
			limit := nextLo
			if limit < 0 {
				limit = len(text)
			}
			if start := max(base, upClear); start < limit {
				if j := preempt.IndexByteString(text[start:limit], up); j >= 0 {
					i, upClear = start+j, start+j
				} else {
					upClear = limit
				}
			}
		}
		if i < 0 {
			return -1
		}
		at := i - sr.rare
		if at+len(sr.s) <= len(text) && equalFoldASCII(text[at:at+len(sr.s)], sr.s) {
			return at
		}
		from = at + 1
	}
	return -1
}

// equalFoldASCII reports whether t is lower, a string in lower case, with
// any of its ASCII letters in upper case.
func equalFoldASCII(t, lower string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// upper is b in upper case, if b is a lower-case ASCII letter.
func upper(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - 'a' + 'A'
	}
	return b
}

// foldsInASCII reports whether r and every character that case folding
// equates with it are ASCII (not k, which the Kelvin sign matches, nor s,
// which the long s matches).
func foldsInASCII(r rune) bool {
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

// offset adds from to an index i found after it, keeping -1.
func offset(i, from int) int {
	if i < 0 {
		return -1
	}
	return from + i
}

// byteRank guesses how common a byte is in the texts people search (logs,
// prose, code, markup): 0 for the rarest. The order is ours, made from
// letter frequencies of English and the shape of log and source text
// (digits, colons and dashes of timestamps, key=value pairs); bytes of
// UTF-8 sequences, common in non-English text, rank with the uppercase
// letters.
func byteRank(b byte) int { return int(byteRanks[b]) }

var byteRanks = func() [256]uint8 {
	// From most to least common; bytes not listed are rarer than all.
	const common = " etaoinsr0h1l2d:c3u-m.5=4p96g78f/w\n,y_bvTkSAIECRNDOLMPx\"'HBFGUWj()qzKVYJXQZ[];{}<>@#&*+%!?$|\\^`~\t"
	var ranks [256]uint8
	for i := 0; i < len(common); i++ {
		ranks[common[i]] = uint8(255 - i)
	}
	// Leading bytes of 2- and 3-byte sequences and continuation bytes.
	for b := 0x80; b <= 0xef; b++ {
		ranks[b] = ranks['T']
	}
	return ranks
}()
