package regexp

import (
	"testing"

	"github.com/re2wasm/regexp/internal/rt"
)

// Matching copies the input into wasm memory and reads results back
// without allocating in Go; only results the API returns are allocated.
func TestMatchDoesNotAllocate(t *testing.T) {
	if engine, _ := rt.Engine(); engine == "interpreter" {
		t.Skip("wazero's interpreter allocates its call frames; this holds for the compiler")
	}
	eachStrategy(t, strategies, func(t *testing.T) {
		re := MustCompile(`(\w+)@(\w+)\.com`)
		text := "write to bob@example.com or alice@example.com"
		b := []byte(text)
		for range 1000 { // past the first calls, which compile the engines
			re.MatchString(text)
			re.FindStringSubmatchIndex(text)
		}
		if n := testing.AllocsPerRun(100, func() { re.MatchString(text) }); n != 0 {
			t.Errorf("MatchString allocates %v times per call", n)
		}
		if n := testing.AllocsPerRun(100, func() { re.Match(b) }); n != 0 {
			t.Errorf("Match allocates %v times per call", n)
		}
		// One allocation: the offsets returned.
		if n := testing.AllocsPerRun(100, func() { re.FindStringSubmatchIndex(text) }); n != 1 {
			t.Errorf("FindStringSubmatchIndex allocates %v times per call, want 1", n)
		}
	})
}
