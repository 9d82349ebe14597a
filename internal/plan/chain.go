package plan

import (
	"math/bits"
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// A chain is an expression that is a sequence of characters, each of one
// set, each taken once, optionally, or repeated (`[A-Z]{5}\d`,
// `\d+\.\d+\.\d+\.\d+`, `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`),
// and of choices between such sequences, optional ones included
// (`(?i)(api|secret)[_-]?key`, `BEGIN (?:RSA |EC )?PRIVATE`), with groups
// (which Match ignores) and \A and \z at its ends. Whether a
// text holds a match does not depend on how a matcher chooses between
// ways, so Match needs no shape (shape.go): the chain runs all ways at
// once, one bit of a word per place in the sequence (the extended
// Shift-And of bit-parallel string matching), a few word operations per
// byte, in Go, where the standard library's matcher would be compiled
// and cross 50 ns to 2 us of backtracking, and RE2 a crossing into wasm.
//
// As for shapes, each character of an ASCII byte is that byte; a byte
// beyond ASCII matches no set that holds only ASCII characters (a
// character beyond ASCII, or U+FFFD for an invalid byte, is not in it),
// and leaves the call undecided if some set may hold one (wide).
type chain struct {
	// Bit 0 is the empty prefix of the sequence, bit k its first k
	// places; sets[kinds[b]] has bit k where the set of place k holds
	// ASCII byte b. Bytes that all places treat alike share a kind, so
	// that a chain takes a few hundred bytes, not a word per byte; kind
	// 0, in no set, is also that of a byte beyond ASCII.
	kinds [beyondASCII + 1]uint8
	sets  []uint64
	// repeats has the bits of the places that repeat; skips those that
	// may match empty (?, *, a repeat from 0), and skipFrom, skipTo the
	// first and last bits of each run of them, less one and as is: a
	// prefix that reaches the bit before a run reaches every bit of it.
	repeats, skips   uint64
	skipFrom, skipTo uint64
	last             uint64 // the bit of the whole sequence
	wide             bool   // some set may hold a character beyond ASCII
	firstWidth       int    // how many ASCII characters the first place's set holds
	// choices are the alternations, each laid out as its alternatives'
	// places in turn, with a place that no character takes (a spacer)
	// before each alternative but the first and after the last.
	choices         []choice
	choiceBits      uint64 // the choices' entries and ends
	anchored, atEnd bool   // \A first, \z last
}

// choice is an alternation of a chain: a prefix that reaches entry
// reaches the spacers before its alternatives (starts), and one that
// reaches the end of an alternative (ends) reaches the spacer after it
// (exit).
type choice struct{ entry, starts, ends, exit uint64 }

// beyondASCII indexes a chain's sets for a byte beyond ASCII.
const beyondASCII = utf8.RuneSelf

// maxChainPlaces bounds a chain's places: one word holds them.
const maxChainPlaces = 63

// newChain returns the chain of a parsed expression, or nil if it is not
// one.
func newChain(re *syntax.Regexp) *chain {
	var b chainBuilder
	if !b.add(re) || b.n == 0 {
		return nil
	}
	c := b.c
	c.sets = byKind(&c.kinds, b.sets[:b.nsets])
	c.last = 1 << b.n
	return &c
}

// chainBuilder walks a tree into a chain.
type chainBuilder struct {
	c     chain
	n     int                      // places so far
	depth int                      // of the choices walked into
	sets  [maxChainPlaces]placeSet // the distinct sets of the places
	nsets int
}

// placeSet is a set and the bits of the places that have it.
type placeSet struct {
	set    charSet
	places uint64
}

// place adds a place.
func (b *chainBuilder) place(set charSet, optional, repeats bool) bool {
	c := &b.c
	if b.n == maxChainPlaces || c.atEnd {
		return false
	}
	b.n++
	bit := uint64(1) << b.n
	if set.ascii != [2]uint64{} {
		i := slices.IndexFunc(b.sets[:b.nsets], func(p placeSet) bool { return p.set.ascii == set.ascii })
		if i < 0 {
			i = b.nsets
			b.sets[i].set = set
			b.nsets++
		}
		b.sets[i].places |= bit
	}
	c.wide = c.wide || set.wide
	if b.n == 1 {
		c.firstWidth = bits.OnesCount64(set.ascii[0]) + bits.OnesCount64(set.ascii[1])
	}
	if optional {
		if c.skips&(bit>>1) == 0 {
			c.skipFrom |= bit >> 1
		} else {
			c.skipTo &^= bit >> 1
		}
		c.skips |= bit
		c.skipTo |= bit
	}
	if repeats {
		c.repeats |= bit
	}
	return true
}

// add adds re's places, reporting false where re is not of a chain.
func (b *chainBuilder) add(re *syntax.Regexp) bool {
	c := &b.c
	switch re.Op {
	case syntax.OpEmptyMatch:
		return true
	case syntax.OpBeginText:
		if b.n > 0 || c.anchored || b.depth > 0 {
			return false // \A in one alternative only
		}
		c.anchored = true
		return true
	case syntax.OpEndText:
		c.atEnd = true
		return true
	case syntax.OpLiteral:
		if b.n+len(re.Rune) > maxChainPlaces {
			return false
		}
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				return false // meant for text beyond ASCII (chainSet)
			}
			if !b.place(literalSet(r, re.Flags), false, false) {
				return false
			}
		}
		return true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set, ok := chainSet(re)
		return ok && b.place(set, false, false)
	case syntax.OpCapture:
		return b.add(re.Sub[0])
	case syntax.OpAlternate:
		return b.choose(re.Sub)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !b.add(sub) {
				return false
			}
		}
		return true
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		sub := re.Sub[0]
		for sub.Op == syntax.OpCapture {
			sub = sub.Sub[0]
		}
		set, ok := chainSet(sub)
		if !ok {
			// An optional sequence is a choice between it and nothing.
			return re.Op == syntax.OpQuest && b.choose([]*syntax.Regexp{sub, {Op: syntax.OpEmptyMatch}})
		}
		lo, hi := repeats(re)
		if b.n+max(lo, hi) > maxChainPlaces {
			return false // before the work of adding its places
		}
		for range lo {
			if !b.place(set, false, false) {
				return false
			}
		}
		switch {
		case hi < 0 && lo > 0: // the last required place repeats
			c.repeats |= 1 << b.n
		case hi < 0:
			return b.place(set, true, true)
		}
		for range hi - lo {
			if !b.place(set, true, false) {
				return false
			}
		}
		return true
	}
	return false // an alternation of more than characters, a line or word assertion
}

// choose adds an alternation of alts (choice).
func (b *chainBuilder) choose(alts []*syntax.Regexp) bool {
	ch := choice{entry: 1 << b.n}
	b.depth++
	defer func() { b.depth-- }()
	for i, alt := range alts {
		if i > 0 {
			if !b.place(charSet{}, false, false) { // a spacer
				return false
			}
			ch.starts |= 1 << b.n
		}
		if !b.add(alt) {
			return false
		}
		ch.ends |= 1 << b.n // an empty alternative ends where it starts
	}
	if !b.place(charSet{}, false, false) {
		return false
	}
	ch.exit = 1 << b.n
	b.c.choices = append(b.c.choices, ch)
	b.c.choiceBits |= ch.entry | ch.ends
	return true
}

// chainSet returns the set of an expression that is one character, but
// not of a class of many ranges (`\pL`, `[^\p{Han}]`) nor of one with no
// ASCII character (`[а-я]`): such an expression is meant for text beyond
// ASCII, where a chain is undecided, and reading its ranges would cost
// Compile more than the chain gains.
func chainSet(re *syntax.Regexp) (charSet, bool) {
	if re.Op == syntax.OpCharClass && len(re.Rune) > 2*maxChainRanges {
		return charSet{}, false
	}
	set, ok := oneChar(re)
	return set, ok && (set.ascii != [2]uint64{} || !set.wide)
}

// maxChainRanges bounds the ranges of a class in a chain.
const maxChainRanges = 8

// byKind sets kinds to each ASCII byte's kind and returns the kinds'
// words (see chain), the first 0, from the places' sets. It looks at the
// runs of bytes that every set holds or lacks alike, which the sets'
// edges bound: a few dozen, where a byte at a time would be 128.
func byKind(kinds *[beyondASCII + 1]uint8, sets []placeSet) []uint64 {
	var edges [2]uint64 // the bytes where a run begins
	edges[0] = 1
	for _, p := range sets {
		a := p.set.ascii
		edges[0] |= a[0] ^ a[0]<<1
		edges[1] |= a[1] ^ (a[1]<<1 | a[0]>>63)
	}
	words := make([]uint64, 1, 8)
	start, kind := 0, uint8(0) // the run being filled
	for w := range edges {
		for x := edges[w]; x != 0; x &= x - 1 {
			next := 64*w + bits.TrailingZeros64(x)
			for b := start; b < next; b++ {
				kinds[b] = kind
			}
			var word uint64
			for _, p := range sets {
				if p.set.has(byte(next)) {
					word |= p.places
				}
			}
			k := slices.Index(words, word)
			if k < 0 {
				k = len(words)
				words = append(words, word)
			}
			start, kind = next, uint8(k) // at most 128 kinds
		}
	}
	for b := start; b < beyondASCII; b++ {
		kinds[b] = kind
	}
	return slices.Clip(words)
}

// closure adds to prefixes d those that skipping places and the choices
// reach, until none is added; closed are prefixes whose own are in d
// already (a search's start, in every step).
func (c *chain) closure(d, closed uint64) uint64 {
	d = reach(d, c.skips, c.skipFrom, c.skipTo)
	for d&^closed&c.choiceBits != 0 {
		e := d
		for _, ch := range c.choices {
			if e&ch.entry != 0 {
				e |= ch.starts
			}
			if e&ch.ends != 0 {
				e |= ch.exit
			}
		}
		if e == d {
			break
		}
		d = reach(e, c.skips, c.skipFrom, c.skipTo)
	}
	return d
}

// reach adds to prefixes d those that skipping places reaches: in each
// run of skippable places, the bits from the lowest one set (the bit
// before the run included) to the last of the run, which the
// subtraction carries through.
func reach(d, skips, skipFrom, skipTo uint64) uint64 {
	from := d & (skipTo - skipFrom) // each run's bits less its last, the bit before it included
	return d | (skipTo-from|from)<<1&skips
}

// match reports whether s holds a match, and whether it decided: a byte
// beyond ASCII where some set may hold a character beyond ASCII leaves it
// undecided.
func (c *chain) match(s string) (matched, decided bool) {
	kinds, sets, repeats, last := &c.kinds, c.sets, c.repeats, c.last
	skips, skipFrom, skipTo := c.skips, c.skipFrom, c.skipTo
	inject := c.closure(1, 0) // the prefixes a match may begin with
	d := inject
	if c.anchored {
		inject = 0
	}
	for i := 0; i < len(s); i++ {
		if d&last != 0 && !c.atEnd {
			return true, true
		}
		b := int(s[i])
		if b >= utf8.RuneSelf {
			if c.wide {
				return false, false
			}
			b = beyondASCII
		}
		d = (d<<1|d&repeats)&sets[kinds[b]] | inject
		if d == 0 {
			return false, true // anchored, and no prefix left
		}
		switch {
		case c.choices != nil:
			d = c.closure(d, inject)
		case skips != 0:
			d = reach(d, skips, skipFrom, skipTo)
		}
	}
	return d&last != 0, true
}
