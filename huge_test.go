package regexp

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/re2wasm/regexp/internal/rt"
)

// hugeText is n bytes of log-like lines with a few needles (one of them
// right at the end) and a few invalid UTF-8 bytes.
func hugeText(n int) string {
	var b strings.Builder
	b.Grow(n)
	line := "2026-11-25 INFO request served in 12ms \xff path=/index.html\n"
	for b.Len()+len(line) <= n-32 {
		if b.Len()%(n/4+1) < len(line) {
			b.WriteString("ERROR id=7 disk\n")
		}
		b.WriteString(line)
	}
	const last = "ERROR id=424242"
	for b.Len() < n-len(last) {
		b.WriteByte('.')
	}
	b.WriteString(last)
	return b.String()
}

// A huge input (512 MiB with -soak) is matched, found and replaced as the
// standard library does, and the wasm memory it took is given back.
func TestHugeInput(t *testing.T) {
	size := 8 << 20
	if *soak {
		size = 512 << 20
	}
	if testing.Short() {
		size = 1 << 20
	}
	before, err := rt.ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	text := hugeText(size)
	ours, std := MustCompile(`ERROR id=(\d+)$`), regexp.MustCompile(`ERROR id=(\d+)$`)
	if got, want := ours.MatchString(text), std.MatchString(text); got != want {
		t.Errorf("MatchString over %d bytes = %v, want %v", size, got, want)
	}
	if diff := cmp.Diff(std.FindStringSubmatchIndex(text), ours.FindStringSubmatchIndex(text)); diff != "" {
		t.Errorf("FindStringSubmatchIndex over %d bytes (-want +got):\n%s", size, diff)
	}
	all, stdAll := MustCompile(`ERROR id=(\d+)`), regexp.MustCompile(`ERROR id=(\d+)`)
	if got, want := all.ReplaceAllString(text, "E$1"), stdAll.ReplaceAllString(text, "E$1"); got != want {
		t.Errorf("ReplaceAllString over %d bytes differs (lengths %d and %d)", size, len(got), len(want))
	}
	text = ""
	runtime.GC()
	debug.FreeOSMemory()
	after, err := rt.ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d MiB: wasm heap in use %d bytes before, %d after (stacks %d); wasm resident %.1f MiB before, %.1f MiB after; process resident %.1f MiB after",
		size>>20, before.HeapBytes, after.HeapBytes, after.StackBytes, float64(before.ResidentBytes)/(1<<20),
		float64(after.ResidentBytes)/(1<<20), float64(residentBytes())/(1<<20))
	// Other tests' instances may have taken stacks meanwhile; the scratch
	// that held the input must be gone.
	if grown := int64(after.HeapBytes-after.StackBytes) - int64(before.HeapBytes-before.StackBytes); grown > 1<<20 {
		t.Errorf("wasm heap in use grew by %d bytes after a %d-byte input", grown, size)
	}
	// The pages that held the input went back to the operating system.
	if grown := int64(after.ResidentBytes) - int64(before.ResidentBytes); grown > 4<<20 {
		t.Errorf("wasm resident memory grew by %d bytes after a %d-byte input", grown, size)
	}
}
