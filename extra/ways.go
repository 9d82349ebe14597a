package extra

import (
	"math/bits"
	"math/rand/v2"
	"sync/atomic"
	"time"
)

// Which way a call goes. RE2's set is one pass, but its DFA builds a state
// for each combination of pattern positions a text leads it to, and keeps
// them for the texts that follow. On the Core Rule Set's 291 patterns a
// 10 KB body it has matched before takes it 0.9 ms, the patterns one by
// one 3.5 ms; a body it has not seen (the same body rotated) takes it
// 0.3-0.7 s. So each core times its calls and goes the way measured
// cheaper, in ns per byte, and tries the other way now and then, at a
// rate that keeps the trials' cost near a hundredth of the calls' (at
// most one call in exploreEvery): a trial of the set on a new text is a
// call a hundred times as slow, so trials are rare where it loses.
type ways struct {
	set, alone atomic.Int64 // ns per KiB of text, averaged as calls come; 0 until measured
	// A call went through the set, or one by one: the first of each is
	// not timed. The first one by one compiles each pattern; the first
	// through the set builds the DFA's first states, which any text
	// needs (on the Core Rule Set and a 10 KB body: 1 s, where a body
	// new to a set that has run once takes 0.3-0.5 s, and one it has
	// seen 1.4 ms).
	setSeen, aloneSeen atomic.Bool
}

const (
	exploreEvery = 64
	perCall      = 256 // bytes a call counts for beyond its text (its fixed costs)
)

// waysBySize keeps ways for texts of each size: under 256 bytes, then
// up to each next power of 4, from 256 KiB on. What a call costs, per
// byte, by the set and one by one differs with the size (fixed costs; the
// engines each pattern compiles for texts of its size), and texts of one
// size are those a set meets again: a body of 10 KB is not judged by
// what 16-byte ones cost.
type waysBySize [7]ways

// of returns the ways of texts of n bytes.
func (w *waysBySize) of(n int) *ways {
	return &w[min(max(bits.Len(uint(n))-7, 0)/2, len(w)-1)]
}

// forceWay, set by tests only, sends every call one way: "set" or "alone".
var forceWay string

// useSet reports whether a call goes through RE2's set rather than one
// pattern at a time. The first two calls go through the set, the next
// two one by one, so that both are measured.
func (w *ways) useSet() bool {
	switch forceWay {
	case "set":
		return true
	case "alone":
		return false
	}
	set, alone := w.set.Load(), w.alone.Load()
	switch {
	case set == 0:
		return true
	case alone == 0:
		return false
	}
	best, other, bestIsSet := set, alone, true
	if alone < set {
		best, other, bestIsSet = alone, set, false
	}
	// Try the other way with probability best/(100 other), at most
	// 1/exploreEvery.
	if rand.Int64N(100*other) < min(best, 100*other/exploreEvery) {
		return !bestIsSet
	}
	return bestIsSet
}

// observe averages in what a call of n bytes took by the set (viaSet) or
// one by one: a cheaper call at once (a set that meets texts it knows
// again, tried once, wins them back), a dearer one a quarter of the way to
// it (a way turns slower within a few calls, not on one call caught by the
// collector).
func (w *ways) observe(viaSet bool, n int, took time.Duration) {
	f, first := &w.alone, &w.aloneSeen
	if viaSet {
		f, first = &w.set, &w.setSeen
	}
	if !first.Swap(true) {
		return // not what a call costs (see ways)
	}
	seen := max(took.Nanoseconds()*1024/int64(n+perCall), 1)
	old := f.Load()
	if old == 0 {
		f.Store(seen)
		return
	}
	if seen < old {
		f.Store(seen)
		return
	}
	f.Store(old + (seen-old)/4)
}
