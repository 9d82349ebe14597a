package re2syntax

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Surrogate code points are not valid in UTF-8; Go never decodes them.
const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// invalidByte is the byte that Sanitize substitutes for invalid UTF-8.
const invalidByte = 0xFF

// runeRange is an inclusive range of runes.
type runeRange struct{ lo, hi rune }

// byteRange is an inclusive range of byte values.
type byteRange struct{ lo, hi byte }

// normalizeRanges turns the (lo, hi) pairs of a rune class into sorted,
// disjoint, non-adjacent ranges of runes that decoded UTF-8 can produce:
// negative values, values above unicode.MaxRune and surrogates are dropped.
func normalizeRanges(pairs []rune) []runeRange {
	var rs []runeRange
	add := func(lo, hi rune) {
		if lo <= hi {
			rs = append(rs, runeRange{lo, hi})
		}
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		lo, hi := max(pairs[i], 0), min(pairs[i+1], unicode.MaxRune)
		if lo < surrogateMin {
			add(lo, min(hi, surrogateMin-1))
		}
		if hi > surrogateMax {
			add(max(lo, surrogateMax+1), hi)
		}
	}
	slices.SortFunc(rs, func(a, b runeRange) int { return int(a.lo - b.lo) })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// pairsContain reports whether the ranges of a class (lo, hi pairs, in
// any order) contain r: containsRune without the normalised copy, which
// costs most of Compile for a large class (\pL: 700 ranges).
func pairsContain(pairs []rune, r rune) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] <= r && r <= pairs[i+1] {
			return true
		}
	}
	return false
}

// containsRune reports whether the normalized ranges rs contain r.
func containsRune(rs []runeRange, r rune) bool {
	for _, x := range rs {
		if x.lo <= r && r <= x.hi {
			return true
		}
	}
	return false
}

// appendSequences appends to out the UTF-8 byte sequences of the runes
// lo..hi (no surrogates inside) as ranges per byte position, in ascending
// order. Each appended sequence is a run of fixed bytes, then at most one
// position with a byte range, then positions that span every valid
// continuation byte.
func appendSequences(out [][]byteRange, lo, hi rune) [][]byteRange {
	// Split where the encoding length changes.
	for _, limit := range [...]rune{0x7F, 0x7FF, 0xFFFF} {
		if lo <= limit && limit < hi {
			out = appendSequences(out, lo, limit)
			return appendSequences(out, limit+1, hi)
		}
	}
	n := utf8.RuneLen(lo)
	// Split so that every byte position spans a contiguous range: if lo and
	// hi differ above the last i continuation bytes, those i bytes must run
	// from 0x80 in lo to 0xBF in hi.
	for i := 1; i < n; i++ {
		m := rune(1)<<(6*i) - 1
		if lo&^m == hi&^m {
			continue
		}
		if lo&m != 0 {
			out = appendSequences(out, lo, lo|m)
			return appendSequences(out, (lo|m)+1, hi)
		}
		if hi&m != m {
			out = appendSequences(out, lo, hi&^m-1)
			return appendSequences(out, hi&^m, hi)
		}
	}
	var a, b [utf8.UTFMax]byte
	utf8.EncodeRune(a[:], lo)
	utf8.EncodeRune(b[:], hi)
	seq := make([]byteRange, n)
	for i := range seq {
		seq[i] = byteRange{a[i], b[i]}
	}
	return append(out, seq)
}

// trieNode is a node of a trie of byte-range sequences.
type trieNode struct{ edges []trieEdge }

// trieEdge leads from a node over a byte range to the next node; next is nil
// when a sequence ends with this edge.
type trieEdge struct {
	r    byteRange
	next *trieNode
}

// insert adds seq to the trie. Sequences must be inserted in ascending order;
// then sequences sharing a leading range share its edge. (The ranges of two
// sequences of disjoint rune sets, at the first position where they differ,
// are disjoint, so grouping equal ranges is exact.)
func (t *trieNode) insert(seq []byteRange) {
	n := t
	for i, r := range seq {
		if i == len(seq)-1 {
			n.edges = append(n.edges, trieEdge{r: r})
			return
		}
		k := len(n.edges)
		if k == 0 || n.edges[k-1].r != r || n.edges[k-1].next == nil {
			n.edges = append(n.edges, trieEdge{r: r, next: &trieNode{}})
			k++
		}
		n = n.edges[k-1].next
	}
}

// anyByte is the text for "any byte", used at continuation positions whose
// valid bytes are all accepted.
const anyByte = "(?s:.)"

// render returns the text of the alternation of all sequences below n, the
// number of top-level alternatives, and whether the text is a single byte
// or byte class. Edges whose continuations print identically are merged into
// one byte class.
//
// valid is nil for the first byte of a character, which is matched exactly.
// Otherwise it is the range of bytes that can occur at this position of a
// valid UTF-8 sequence after the bytes leading to n. Sanitized input holds
// only complete valid sequences, so bytes outside valid never reach this
// position and may be accepted or rejected, whichever prints shorter.
func (n *trieNode) render(valid *byteRange) (text string, alts int, single bool) {
	type group struct {
		bytes []byteRange
		tail  string
	}
	var groups []group
	index := map[string]int{}
	for _, e := range n.edges {
		tail := ""
		if e.next != nil {
			next := continuationRange(e.r, valid == nil)
			s, k, _ := e.next.render(&next)
			if k > 1 {
				s = "(?:" + s + ")"
			}
			tail = s
		}
		if g, ok := index[tail]; ok {
			groups[g].bytes = append(groups[g].bytes, e.r)
			continue
		}
		index[tail] = len(groups)
		groups = append(groups, group{bytes: []byteRange{e.r}, tail: tail})
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		class := relaxedClass(g.bytes, valid)
		if class == anyByte && strings.HasPrefix(g.tail, "(?s:") {
			// The tail starts with a run of anyByte: join them, "(?s:..)".
			parts[i] = "(?s:." + g.tail[len("(?s:"):]
			continue
		}
		parts[i] = class + g.tail
	}
	return strings.Join(parts, "|"), len(groups), len(groups) == 1 && groups[0].tail == ""
}

// continuationRange returns the range of bytes that can follow the byte
// range r in valid UTF-8. If lead is set, r is at the first position of a
// sequence; the narrower ranges after E0, ED, F0 and F4 are used only when r
// is exactly that byte, otherwise the general range 80-BF (a superset) is.
func continuationRange(r byteRange, lead bool) byteRange {
	if lead && r.lo == r.hi {
		switch r.lo {
		case 0xE0:
			return byteRange{0xA0, 0xBF}
		case 0xED:
			return byteRange{0x80, 0x9F}
		case 0xF0:
			return byteRange{0x90, 0xBF}
		case 0xF4:
			return byteRange{0x80, 0x8F}
		}
	}
	return byteRange{0x80, 0xBF}
}

// relaxedClass prints the byte set rs for a position whose possible bytes
// are valid (nil: any byte possible, print rs exactly). It prints anyByte if
// rs covers valid, else the shorter of rs and the negation of valid minus rs.
func relaxedClass(rs []byteRange, valid *byteRange) string {
	rs = mergeByteRanges(rs)
	if valid == nil {
		return byteClass(rs)
	}
	// The complement of rs within valid.
	var rest []byteRange
	next := int(valid.lo)
	for _, r := range rs {
		if int(r.lo) > next {
			rest = append(rest, byteRange{byte(next), r.lo - 1})
		}
		next = max(next, int(r.hi)+1)
	}
	if next <= int(valid.hi) {
		rest = append(rest, byteRange{byte(next), valid.hi})
	}
	if len(rest) == 0 {
		return anyByte
	}
	pos := byteClass(rs)
	if neg := "[^" + classBody(rest) + "]"; len(neg) < len(pos) {
		return neg
	}
	return pos
}

// mergeByteRanges sorts rs and merges overlapping or adjacent ranges, in
// place.
func mergeByteRanges(rs []byteRange) []byteRange {
	slices.SortFunc(rs, func(a, b byteRange) int { return int(a.lo) - int(b.lo) })
	merged := rs[:0]
	for _, r := range rs {
		if n := len(merged); n > 0 && int(r.lo) <= int(merged[n-1].hi)+1 {
			merged[n-1].hi = max(merged[n-1].hi, r.hi)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// byteClass prints the sorted, merged byte ranges rs as one escaped byte or
// as a bracketed class.
func byteClass(rs []byteRange) string {
	if len(rs) == 1 && rs[0].lo == rs[0].hi {
		return escapeByte(rs[0].lo)
	}
	return "[" + classBody(rs) + "]"
}

// classBody prints the sorted, merged byte ranges rs as the inside of a
// bracketed class.
func classBody(rs []byteRange) string {
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteString(escapeByte(r.lo))
		switch {
		case r.hi == r.lo:
		case r.hi == r.lo+1:
			sb.WriteString(escapeByte(r.hi))
		default:
			sb.WriteByte('-')
			sb.WriteString(escapeByte(r.hi))
		}
	}
	return sb.String()
}

// escapeByte prints b literally if it is an ASCII letter or digit and as
// \xHH otherwise, so that no byte can act as an RE2 metacharacter.
func escapeByte(b byte) string {
	if '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' {
		return string(rune(b))
	}
	const hex = "0123456789abcdef"
	return string([]byte{'\\', 'x', hex[b>>4], hex[b&15]})
}

// classFrag translates a set of runes, given as (lo, hi) pairs, into a
// byte-level expression. The byte 0xFF is included when the set contains
// U+FFFD. An empty set yields an expression that never matches.
func classFrag(pairs []rune) frag {
	rs := normalizeRanges(pairs)
	var seqs [][]byteRange
	for _, r := range rs {
		seqs = appendSequences(seqs, r.lo, r.hi)
	}
	if containsRune(rs, utf8.RuneError) {
		seqs = append(seqs, []byteRange{{invalidByte, invalidByte}})
	}
	if len(seqs) == 0 {
		return frag{noMatch, precAtom}
	}
	var root trieNode
	for _, s := range seqs {
		root.insert(s)
	}
	text, alts, single := root.render(nil)
	switch {
	case single:
		return frag{text, precAtom}
	case alts == 1:
		return frag{text, precConcat}
	}
	return frag{text, precAlt}
}
