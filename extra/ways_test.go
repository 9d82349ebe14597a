package extra

import (
	"testing"
	"time"
)

// The first call goes through the set and the next two one by one (the
// first of which, compiling every pattern, is not counted); then the
// way measured cheaper, trying the other at a rate near best/(100 other),
// at most one call in exploreEvery; a way that turns cheaper wins at once,
// one that turns dearer (new texts) loses within a few calls.
func TestWaysChoice(t *testing.T) {
	var w ways
	for _, call := range []string{"first", "second"} {
		if !w.useSet() {
			t.Fatalf("%s call: one by one, want the set", call)
		}
		w.observe(true, 10000, time.Second) // a body new to the set's DFA
	}
	for _, call := range []string{"third", "fourth"} {
		if w.useSet() {
			t.Fatalf("%s call: the set, want one by one", call)
		}
		w.observe(false, 10000, 10*time.Millisecond)
	}
	trials := func() (viaSet int) {
		for range 100000 {
			if w.useSet() {
				viaSet++
			}
		}
		return viaSet
	}
	// 10 ms against 1 s: the set is tried with probability 1/10000.
	if n := trials(); n < 2 || n > 40 {
		t.Errorf("set measured 100 times slower: %d of 100000 calls through it, want about 10", n)
	}
	w.observe(true, 10000, 4*time.Millisecond) // a body it has seen
	// 4 ms against 10 ms: one by one is tried with probability 1/250.
	if n := 100000 - trials(); n < 250 || n > 600 {
		t.Errorf("set measured 2.5 times faster: %d of 100000 calls one by one, want about 400", n)
	}
	for range 5 {
		w.observe(true, 10000, time.Second) // new bodies again
	}
	if n := trials(); n > 100 {
		t.Errorf("after 5 slow calls through the set: %d of 100000 calls through it", n)
	}
}

// Calls one by one give the standard library's answers too, are counted,
// and a set left to choose uses both ways.
func TestSetOneByOne(t *testing.T) {
	patterns := append([]string{`alpha\d`, `\bbeta\b`, `x\By`}, nonASCIIPatterns...)
	o := newOracle(t, patterns)
	texts := []string{"", "alpha1 beta", "é\xffè", "x beta y", "xy"}
	forceWay = "alone"
	s := MustCompileSet(patterns)
	for _, text := range texts {
		compareSet(t, s, o, text)
	}
	forceWay = ""
	st := s.Stats()
	if st.OneByOne == 0 || st.Fallbacks != 0 {
		t.Errorf("forced one by one: %+v", st)
	}
	s = MustCompileSet(patterns)
	for range 4 {
		for _, text := range texts {
			compareSet(t, s, o, text)
		}
	}
	if st := s.Stats(); st.OneByOne == 0 || st.OneByOne == 8*4*int64(len(texts)) {
		t.Errorf("left to choose, %d of %d calls one by one, want some", st.OneByOne, 8*4*len(texts))
	}
}

// A set whose first call builds its DFA's first states (1 s) and whose
// next calls find them (1.4 ms) goes through the set, where one by one
// takes 4 ms: the first call is not held against it.
func TestWaysColdFirstCall(t *testing.T) {
	var w ways
	viaSet, setCalls := 0, 0
	for i := range 1000 {
		took := 4 * time.Millisecond
		set := w.useSet()
		if set {
			took = 1400 * time.Microsecond
			if setCalls++; setCalls == 1 {
				took = time.Second
			}
			if i >= 100 {
				viaSet++
			}
		}
		w.observe(set, 10000, took)
	}
	if viaSet < 850 {
		t.Errorf("%d of the last 900 calls through the set, want nearly all", viaSet)
	}
}
