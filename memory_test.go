//go:build linux

package regexp

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Memory comes back: a child process compiles patterns (those of bench's
// Memory family), uses each once on a 64 KiB text or not, drops them,
// collects and frees what it can, and reports its resident size at the
// start, while holding them and after dropping them; other children do
// the same with the standard library. After dropping, the resident size
// must be within 8 MiB of the start (before alloc.cc, 10,000 patterns kept
// 97 MiB); while holding patterns only compiled, at most 1.5 times the
// standard library's. 1,000 patterns by default, 10,000 with -soak
// (`make soak`). The race detector's shadow memory would blur the figures,
// so a race-enabled run builds the test binary again without it.
func TestMemoryGivenBack(t *testing.T) {
	if kind := os.Getenv("RE2WASM_TEST_MEMORY"); kind != "" {
		memoryChild(t, kind)
		return
	}
	n := 1000
	if *soak {
		n = 10000
	}
	if testing.Short() {
		n = 300
	}
	exe := os.Args[0]
	if raceEnabled {
		exe = buildWithoutRace(t)
	}
	// The standard library takes 5 ms to match each pattern once on 64 KiB:
	// that child only runs with -soak.
	children := []string{"re2wasm,compile", "stdlib,compile", "re2wasm,use"}
	if *soak {
		children = append(children, "stdlib,use")
	}
	figures := map[string][3]float64{}
	for _, child := range children {
		cmd := exec.Command(exe, "-test.run=^TestMemoryGivenBack$", "-test.v")
		cmd.Env = append(os.Environ(), "RE2WASM_TEST_MEMORY="+child+","+strconv.Itoa(n))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s child: %v\n%s", child, err, out)
		}
		var f [3]float64
		if i := strings.Index(string(out), "MEMORY "); i < 0 {
			t.Fatalf("%s child printed no figures:\n%s", child, out)
		} else if _, err := fmt.Sscanf(string(out[i:]), "MEMORY %f %f %f", &f[0], &f[1], &f[2]); err != nil {
			t.Fatalf("%s child: %v:\n%s", child, err, out)
		}
		figures[child] = f
	}
	for _, use := range []string{"compile", "use"} {
		what := "compiled"
		if use == "use" {
			what = "compiled and used once on 64 KiB"
		}
		ours := figures["re2wasm,"+use]
		line := fmt.Sprintf("%d patterns %s: resident MiB at the start, holding, after dropping: re2wasm %.1f, %.1f (+%.1f), %.1f (+%.1f)",
			n, what, ours[0], ours[1], ours[1]-ours[0], ours[2], ours[2]-ours[0])
		if std, ok := figures["stdlib,"+use]; ok {
			line += fmt.Sprintf("; standard library %.1f, %.1f (+%.1f), %.1f (+%.1f); holding %.2fx the standard library's",
				std[0], std[1], std[1]-std[0], std[2], std[2]-std[0], ours[1]/std[1])
			// Patterns only compiled (bench's Memory family): before
			// alloc.cc and onepass-needs-groups.patch, 2.5x.
			// Growth over each child's start: wazero's runtime alone makes
			// the start 9 MiB larger (1 MiB of slack for page granularity).
			if grown, stdGrown := ours[1]-ours[0], std[1]-std[0]; use == "compile" && grown > 1.5*stdGrown+1 {
				t.Errorf("%d patterns compiled: resident grew by %.1f MiB, more than 1.5 times the standard library's %.1f", n, grown, stdGrown)
			}
		}
		t.Log(line)
		if grown := ours[2] - ours[0]; grown > 8 {
			t.Errorf("%d patterns %s and dropped: %.1f MiB resident over the start, want at most 8", n, what, grown)
		}
	}
}

// memoryChild is the child's side of TestMemoryGivenBack: kind is
// "re2wasm" or "stdlib", then "compile" or "use", then the pattern count.
func memoryChild(t *testing.T, kind string) {
	f := strings.Split(kind, ",")
	n, _ := strconv.Atoi(f[2])
	text := strings.Repeat("the quick brown fox jumps over the lazy dog 0123456789 user-5@example.org\n", 64<<10/75)
	compile := func(p string) interface{ MatchString(string) bool } { return MustCompile(p) }
	if f[0] == "stdlib" {
		compile = func(p string) interface{ MatchString(string) bool } { return regexp.MustCompile(p) }
	}
	compile("warm (up)").MatchString(text)
	settle := func() float64 {
		// Cleanups free compiled patterns on a goroutine of their own, a
		// wasm call each: 10,000 of them can take a second on a loaded
		// machine. Wait until RE2's heap in use holds still.
		var last uint64
		for round, still := 0, 0; round < 5 || f[0] == "re2wasm" && still < 3 && round < 500; round++ {
			runtime.GC()
			time.Sleep(20 * time.Millisecond)
			if f[0] == "re2wasm" {
				if h := readStats(t).HeapBytes; h == last {
					still++
				} else {
					last, still = h, 0
				}
			}
		}
		debug.FreeOSMemory()
		return float64(residentBytes()) / (1 << 20)
	}
	start := settle()
	held := make([]interface{ MatchString(string) bool }, n)
	for i := range held {
		held[i] = compile(memoryPattern(i))
		if f[1] == "use" {
			held[i].MatchString(text)
		}
	}
	holding := settle()
	runtime.KeepAlive(held)
	held = nil
	after := settle()
	st := readStats(t)
	t.Logf("runtime after dropping: %+v", st)
	fmt.Printf("MEMORY %.2f %.2f %.2f\n", start, holding, after)
}

// memoryPattern is the i-th pattern of bench's Memory family.
func memoryPattern(i int) string {
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}
	return fmt.Sprintf(`(?i)\b%s%d[a-z]*\b|id=%d[0-9a-f]{8}|user-%d@(?:example|corp)\.com`, words[i%len(words)], i, i, i%97)
}
