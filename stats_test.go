package regexp

// Test access to the runtime's statistics (internal/rt), in one place.

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/re2wasm/regexp/internal/rt"
)

// readStats reads the runtime's statistics; the runtime not starting fails
// the test.
func readStats(t testing.TB) rt.Stats {
	t.Helper()
	st, err := rt.ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// idleStats reads the runtime's stats once no instance is in use, or after
// a minute. Callers that gave back their instances wait only for the
// cleanup goroutine, which may still be freeing patterns that earlier
// tests dropped, one instance at a time.
func idleStats(t testing.TB) rt.Stats {
	t.Helper()
	for wait := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		st := readStats(t)
		if st.InUse == 0 || time.Now().After(wait) {
			return st
		}
	}
}

// dfaFailures is the number of RE2 searches so far whose DFA ran out of
// memory.
func dfaFailures(t *testing.T) uint64 {
	t.Helper()
	return readStats(t).DFAFailures
}

// residentBytes is the process's resident set size, or 0 where /proc is
// missing.
func residentBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(b))
	if len(fields) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(fields[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// mib is n bytes in MiB.
func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// interpreterShort reports a -short run on wazero's interpreter, which is
// two orders of magnitude slower: RE2's other matchers over 256 KiB after
// its DFA gives up took minutes there under the race detector. The other
// engines run those cases in every run.
func interpreterShort() bool {
	engine, _ := rt.Engine()
	return testing.Short() && engine == "interpreter"
}
