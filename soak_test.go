package regexp

// Long-running checks, short by default; `make soak` runs them, and
// TestHugeInput (huge_test.go), at full length with -soak.

import (
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/re2wasm/regexp/internal/rt"
)

// loadPatterns are n distinct patterns of varied shapes.
func loadPatterns(n int) []string {
	shapes := []string{`w%d[a-z]+`, `(\d+)-%d`, `(?i)key%d=(\w*)`, `^line%d.*$`, `(a|b)+%d`, `x%d\b`, `[^,]*,%d`, `(?m)^%d$`}
	patterns := make([]string, n)
	for i := range patterns {
		patterns[i] = fmt.Sprintf(shapes[i%len(shapes)], i)
	}
	return patterns
}

// 64 goroutines share 200 compiled patterns; every answer is checked
// against the standard library. The pool must not grow beyond what is in
// flight.
func TestSoakLoad(t *testing.T) {
	duration, goroutines := 2*time.Second, 64
	if *soak {
		duration = 60 * time.Second
	}
	if testing.Short() {
		duration, goroutines = 300*time.Millisecond, 16
	}
	before := readStats(t)
	patterns := loadPatterns(200)
	ours := make([]*Regexp, len(patterns))
	std := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		ours[i], std[i] = MustCompile(p), regexp.MustCompile(p)
	}
	inputs := []string{"w12abc", "7-9 and 15-9", "KEY18=v1 key18=", "line3 end", "abab5", "x21 y", "a,b,c,30", "\n31\n", "\xffw44z\xfe"}
	var calls atomic.Int64
	var failed atomic.Bool
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; time.Now().Before(deadline) && !failed.Load(); i++ {
				p := i % len(patterns)
				s := inputs[i%len(inputs)] + strconv.Itoa(i%50)
				got := fmt.Sprint(ours[p].FindAllStringSubmatchIndex(s, -1), ours[p].ReplaceAllString(s, "<$0>"))
				want := fmt.Sprint(std[p].FindAllStringSubmatchIndex(s, -1), std[p].ReplaceAllString(s, "<$0>"))
				if got != want {
					t.Errorf("%q on %q: got %s, want %s", patterns[p], s, got, want)
					failed.Store(true)
				}
				calls.Add(1)
			}
		}()
	}
	wg.Wait()
	st := idleStats(t)
	t.Logf("%d goroutines, %v: %d checked calls; runtime %+v", goroutines, duration, calls.Load(), st)
	// At most one per goroutine, and the cleanup goroutine's; fewer if
	// earlier tests left idle ones.
	if made := st.Instances - before.Instances; made > goroutines+1 || st.InUse != 0 {
		t.Errorf("%d instances made, %d still in use a minute later, for %d goroutines", made, st.InUse, goroutines)
	}
}

// Compile and drop patterns in a loop with periodic collections: the wasm
// heap in use and the resident memory stay flat (the curve is logged).
func TestSoakLifetimes(t *testing.T) {
	const gcEvery = 250
	cycles, every := 20000, 5000
	if *soak {
		cycles, every = 1000000, 100000
	}
	if testing.Short() {
		cycles, every = 2000, 1000
	}
	// settle collects garbage until the wasm heap in use holds still for
	// three rounds: cleanups run on a goroutine of their own, late under
	// the race detector on a loaded machine.
	settle := func() rt.Stats {
		var st rt.Stats
		for round, still := 0, 0; round < 200 && still < 3; round++ {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
			last := st
			st = readStats(t)
			if st.HeapBytes-st.StackBytes == last.HeapBytes-last.StackBytes {
				still++
			} else {
				still = 0
			}
		}
		return st
	}
	base := settle()
	var first, last rt.Stats
	for i := 1; i <= cycles; i++ {
		re := MustCompile(`(\w+)@` + strconv.Itoa(i) + `\.(com|org)`)
		if !re.MatchString("me@" + strconv.Itoa(i) + ".org") {
			t.Fatalf("cycle %d: no match", i)
		}
		// Periodic collections bound the patterns awaiting cleanup, and so
		// the peak of RE2's heap: without them that peak follows the
		// collector's pacing (late under -race), and the resident pages
		// with it.
		if i%gcEvery == 0 {
			runtime.GC()
		}
		if i%every == 0 {
			last = settle()
			if i == every {
				first = last
			}
			t.Logf("cycle %7d: wasm heap %8d bytes (stacks %d), heap top %#x, wasm resident %6.1f MiB, process resident %6.1f MiB", i,
				last.HeapBytes, last.StackBytes, last.HeapTop, float64(last.ResidentBytes)/(1<<20), float64(residentBytes())/(1<<20))
		}
	}
	grown := int64(last.HeapBytes-last.StackBytes) - int64(base.HeapBytes-base.StackBytes)
	if grown > 1<<20 {
		t.Errorf("wasm heap in use grew by %d bytes over %d cycles", grown, cycles)
	}
	// Freed memory must be reused: the heap's top holds still.
	if grown := int64(last.HeapTop) - int64(first.HeapTop); grown > 4<<20 {
		t.Errorf("RE2's heap top grew by %d bytes from cycle %d to %d", grown, every, cycles)
	}
	// Pages once touched stay resident (RE2's heap does not give them
	// back), so their number holds still too, but only in a process of its
	// own (`make soak`): after other tests, the heap has holes whose pages
	// were given back, and reusing them makes those pages resident again.
	if grown := int64(last.ResidentBytes) - int64(first.ResidentBytes); *soak && grown > 4<<20 {
		t.Errorf("wasm resident memory grew by %d bytes from cycle %d to %d", grown, every, cycles)
	}
}

// A Regexp and its Copy share the compiled pattern: dropping either, in
// either order, leaves the other working.
func TestCopyOutlivesOriginal(t *testing.T) {
	for _, dropOriginal := range []bool{true, false} {
		re := MustCompile(`(a+)(b)`)
		c := re.Copy()
		keep := c
		if !dropOriginal {
			keep = re
		}
		re, c = nil, nil
		for range 3 {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
		}
		if got := keep.FindStringSubmatch("xaab"); fmt.Sprint(got) != "[aab aa b]" {
			t.Errorf("dropOriginal %v: got %q", dropOriginal, got)
		}
		_ = re
		_ = c
	}
}
