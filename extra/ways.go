package extra

import (
	"math/rand/v2"
	"sync/atomic"
	"time"
)

// Which way a call goes. RE2's set is one pass, but its DFA builds a state
// for each combination of pattern positions a text leads it to, and keeps
// them for the texts that follow. On the Core Rule Set's 291 patterns a
// 10 KB body it has matched before takes it 4 ms, the patterns one by one
// 6 ms; a body it has not seen (the same body rotated) takes it 1 s, one
// by one 10-25 ms. So each core times its calls and goes the way measured
// cheaper, in ns per byte, and tries the other way now and then, at a
// rate that keeps the trials' cost near a hundredth of the calls' (at
// most one call in exploreEvery): a trial of the set on a new text is a
// call a hundred times as slow, so trials are rare where it loses.
type ways struct {
	set, alone atomic.Int64 // ns per KiB of text, averaged as calls come; 0 until measured
	aloneSeen  atomic.Bool  // a call went one by one (the first compiles each pattern: not timed)
}

const (
	exploreEvery = 64
	perCall      = 256 // bytes a call counts for beyond its text (its fixed costs)
)

// forceWay, set by tests only, sends every call one way: "set" or "alone".
var forceWay string

// useSet reports whether a call goes through RE2's set rather than one
// pattern at a time. The first call goes through the set, the next two
// one by one, so that both are measured.
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
	f := &w.alone
	if viaSet {
		f = &w.set
	} else if !w.aloneSeen.Swap(true) {
		return // RE2 compiled every pattern: not what a call costs
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
