//go:build linux

package regexp

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/plan"
	"github.com/re2wasm/regexp/internal/rt"
)

// Under a limit on address space (ulimit -v: sandboxes, CI runners, small
// servers) the runtime reserves less than 4 GiB and works with what it
// got: compile, match, and a large input that fits; an input that does not
// fit panics with a message that names the limit. Each limit runs in a
// child process started by sh with `ulimit -v` (`make soak` makes the
// input that fits as large as it can be, up to 128 MiB). The race detector cannot
// run under such limits, so a race-enabled run builds the test binary
// again without it.
func TestAddressSpaceLimit(t *testing.T) {
	if kib := os.Getenv("RE2WASM_TEST_LIMIT"); kib != "" {
		limitChild(t, kib)
		return
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to set a limit with")
	}
	exe := os.Args[0]
	if raceEnabled {
		exe = buildWithoutRace(t)
	}
	// KiB: the 2.4 GiB, less, and more; the smallest also tries an
	// input one byte too large (the child's own heap must hold it). A
	// program built with wazero maps about 1.5 GB before the runtime
	// starts, the default engine about 1.2 GB.
	limits := []int{1_000_000, 2_500_000, 6_000_000}
	if engine, _ := rt.Engine(); engine != "aot" {
		limits[0] = 2_000_000
	}
	if testing.Short() {
		limits = []int{2_500_000}
	}
	for _, kib := range limits {
		cmd := exec.Command(sh, "-c", fmt.Sprintf(`ulimit -v %d && exec "$0" "$@"`, kib), exe,
			"-test.run=^TestAddressSpaceLimit$", "-test.v", fmt.Sprintf("-soak=%v", *soak))
		cmd.Env = append(os.Environ(), "RE2WASM_TEST_LIMIT="+strconv.Itoa(kib))
		if kib == limits[0] && len(limits) > 1 {
			cmd.Env = append(cmd.Env, "RE2WASM_TEST_LIMIT_OVERSIZE=1")
		}
		out, err := cmd.CombinedOutput()
		t.Logf("ulimit -v %d:\n%s", kib, out)
		if err != nil {
			t.Errorf("child under ulimit -v %d: %v", kib, err)
		}
	}
}

// buildWithoutRace builds this package's test binary without the race
// detector, for the same engine.
func buildWithoutRace(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	exe := filepath.Join(t.TempDir(), "limits.test")
	args := []string{"test", "-c", "-o", exe}
	if engine, _ := rt.Engine(); engine != "aot" {
		args = append(args, "-tags", "re2wasm_wazero")
	}
	cmd := exec.Command(gobin, append(args, ".")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("building the test binary without the race detector: %v\n%s", err, out)
	}
	return exe
}

// limitChild is the child's side of TestAddressSpaceLimit.
func limitChild(t *testing.T, kib string) {
	st, err := rt.ReadStats()
	if err != nil {
		t.Fatalf("the runtime did not start under ulimit -v %s: %v", kib, err)
	}
	t.Logf("reserved %d MiB of address space; largest input %d bytes", st.ReservedBytes>>20, st.MaxInput)
	re := MustCompile(`(\w+)@(\w+)\.com`)
	if got := re.FindStringSubmatch("mail me@example.com"); fmt.Sprint(got) != "[me@example.com me example]" {
		t.Errorf("FindStringSubmatch = %q", got)
	}
	// RE2 on the whole text: the planner would find no "@" in it and
	// answer without copying it into wasm memory.
	forceStrategy(t, plan.RE2)
	if os.Getenv("RE2WASM_TEST_LIMIT_OVERSIZE") != "" {
		msg := func() (msg string) {
			defer func() { msg = fmt.Sprint(recover()) }()
			re.MatchString(strings.Repeat("-", int(st.MaxInput)+1))
			return "no panic"
		}()
		t.Logf("an input of %d bytes: %s", st.MaxInput+1, msg)
		if !strings.HasPrefix(msg, "regexp: matching `(\\w+)@(\\w+)\\.com`: re2wasm: an input needing") || !strings.Contains(msg, "ulimit -v") {
			t.Errorf("an input one byte too large: panic %q, want one that names the limit", msg)
		}
		runtime.GC()
	}
	// A large input that fits: with -soak, the largest one up to 128 MiB.
	size := min(int(st.MaxInput), 16<<20)
	if *soak {
		size = min(int(st.MaxInput)-64, 128<<20)
	}
	text := strings.Repeat("-", size-14) + "me@example.com"
	if got, want := fmt.Sprint(re.FindStringSubmatchIndex(text)), fmt.Sprint([]int{size - 14, size, size - 14, size - 12, size - 11, size - 4}); got != want {
		t.Errorf("FindStringSubmatchIndex over %d bytes = %s, want %s", size, got, want)
	}
}
