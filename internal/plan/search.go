package plan

import "github.com/re2wasm/regexp/internal/preempt"

// A searcher finds a string in texts by its rarest byte: memchr-style
// scans (strings.IndexByte, vectorised, in pieces: internal/preempt) for
// that byte, then a comparison.
// Which byte is rarest is guessed from byteRank, as fast literal searchers
// do; a byte that turns out common is given up for strings.Index.
type searcher struct {
	s    string
	rare int // offset in s of the byte scanned for
}

func newSearcher(s string) searcher {
	rare := 0
	for i := 1; i < len(s); i++ {
		if byteRank(s[i]) < byteRank(s[rare]) {
			rare = i
		}
	}
	return searcher{s: s, rare: rare}
}

// rarity is the rank of s's rarest byte: the lower, the fewer candidates.
func (sr searcher) rarity() int { return byteRank(sr.s[sr.rare]) }

// falseCandidates is how many occurrences of the rare byte that are not
// the string make index hand over to strings.Index.
const falseCandidates = 32

// index returns the offset of the first occurrence of sr.s in text at or
// after from, or -1.
func (sr searcher) index(text string, from int) int {
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
