package plan

import (
	"sync/atomic"
	"time"
	_ "unsafe" // go:linkname
)

// cheaprand is the runtime's per-thread random source, about 1 ns (the
// runtime keeps it reachable for packages outside it); math/rand/v2's
// ChaCha8 cost 15 ns a call, a tenth of a short call's work.
//
//go:linkname cheaprand runtime.cheaprand
func cheaprand() uint32

// Calibration. The cost model (cost.go) is one formula for every pattern
// and machine, and it errs by a factor of two to five on some: the
// standard library's backtracker where the model assumes its one-pass
// matcher (`^[a-z.]+@[a-z.]+\.[a-z]{2,}$` on 16 bytes: 0.9 µs, estimated
// 0.25), or RE2 extracting 13 groups through a program of Unicode classes
// (7 µs a match, estimated 3.5). So each matcher times a sample of the
// calls that the model decides (one in sampleEvery), and scales each
// engine's estimates by what it measured: a factor per engine, the
// ratio of measured to estimated time, averaged as it comes. A sampled
// call runs, now and then (one in exploreEvery), the engine the model did
// not pick, when that engine is compiled, so that both factors are
// measured and an engine once misjudged slower gets its chance again.
//
// Timing costs two clock readings (about 40 ns) on a sampled call only,
// and the factors change only which exact engine runs, never a result.
const (
	sampleEvery  = 64
	exploreEvery = 16
	unit         = 1024      // a factor of 1
	maxFactor    = 16 * unit // bounds on a factor
	minFactor    = unit / 16
)

// calibrating is false in tests of the nominal model.
var calibrating = true

// calibration holds a matcher's factor for each engine, in units; zero
// until measured, which stands for 1.
type calibration struct {
	std, re2 atomic.Int32
}

func (c *calibration) factor(e Strategy) int {
	f := &c.re2
	if e == Std {
		f = &c.std
	}
	if v := int(f.Load()); v > 0 {
		return v
	}
	return unit
}

// scale applies the factors to the model's estimates.
func (c *calibration) scale(std, re2 int) (int, int) {
	fs, fr := int(c.std.Load()), int(c.re2.Load())
	if fs <= 0 {
		fs = unit
	}
	if fr <= 0 {
		fr = unit
	}
	return std * fs / unit, re2 * fr / unit
}

// observe moves engine e's factor an eighth of the way to what a call
// estimated at estimate ns and measured at took says, one call counting
// for at most twice or half the factor (a call preempted or caught by
// the collector is not the engine's speed, and one engine's first call
// after many of the other's finds its memory out of the caches).
func (c *calibration) observe(e Strategy, estimate int, took time.Duration) {
	f := &c.re2
	if e == Std {
		f = &c.std
	}
	old := c.factor(e)
	seen := int(min(took.Nanoseconds()*unit/int64(max(estimate, 1)), maxFactor))
	seen = min(max(seen, old/2), 2*old)
	f.Store(int32(min(max(old+(seen-old)/8, minFactor), maxFactor)))
}

// sample decides whether a call that the model decided is timed, and if
// so whether it runs the other engine.
func sample() (timed, explore bool) {
	r := cheaprand()
	return calibrating && r%sampleEvery == 0, r/sampleEvery%exploreEvery == 0
}
