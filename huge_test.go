package regexp

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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
// standard library does, and the wasm memory it took is kept for reuse,
// then given back once idle.
func TestHugeInput(t *testing.T) {
	size := 8 << 20
	if *soak {
		size = 512 << 20
	}
	if testing.Short() {
		size = 1 << 20
	}
	before := readStats(t)
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
	// The buffer's pages are kept for the next huge input a while (how
	// long after its last use is a matter of timing: internal/rt's tests
	// prove the keeping), then given back.
	kept := readStats(t)
	after, waited := kept, time.Duration(0)
	for ; after.KeptBytes > 4<<20 && waited < 20*time.Second; waited += 50 * time.Millisecond {
		time.Sleep(50 * time.Millisecond)
		after = readStats(t)
	}
	t.Logf("%d MiB: wasm heap in use %d bytes before, %d after (stacks %d); wasm resident %.1f MiB before, %.1f MiB with %.1f MiB kept for reuse, %.1f MiB %v later; process resident %.1f MiB after",
		size>>20, before.HeapBytes, after.HeapBytes, after.StackBytes, mib(before.ResidentBytes), mib(kept.ResidentBytes),
		mib(kept.KeptBytes), mib(after.ResidentBytes), waited, mib(uint64(residentBytes())))
	// Other tests' instances may have taken stacks meanwhile; the scratch
	// that held the input must be gone.
	if grown := int64(after.HeapBytes-after.StackBytes) - int64(before.HeapBytes-before.StackBytes); grown > 1<<20 {
		t.Errorf("wasm heap in use grew by %d bytes after a %d-byte input", grown, size)
	}
	// The pages that held the input went back to the operating system
	// once idle.
	if grown := int64(after.ResidentBytes) - int64(before.ResidentBytes); grown > 4<<20 {
		t.Errorf("wasm resident memory grew by %d bytes after a %d-byte input", grown, size)
	}
}

// The cost of a call by input size, around the 1 MiB where inputs move
// from a buffer in RE2's heap to one of the region for huge inputs: per
// byte (MB/s), 1 MiB + 64 bytes should cost about what 1 MiB - 64 bytes
// does. `(a+)+$` on a text that ends in b costs RE2 next to nothing (its
// reverse DFA stops at the last byte): what is measured is the runtime,
// mostly the copy of the text into wasm memory.
func BenchmarkInputSizes(b *testing.B) {
	re := MustCompile(`(a+)+$`)
	for _, n := range []int{1<<20 - 64, 1<<20 + 64, 4 << 20, 16 << 20} {
		text := strings.Repeat("a", n-1) + "b"
		b.Run(fmt.Sprintf("bytes=%d", n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				if re.MatchString(text) {
					b.Fatal("match")
				}
			}
		})
	}
}

// While one goroutine matches a huge text (256 MiB with -soak), collections
// in another wait for it to stop only briefly: the copy into wasm memory is
// made in pieces that can be preempted, and RE2's search (Go code on the
// aot engine) can be preempted anywhere. The figures are logged (a timing
// assertion would fail on a loaded machine): the longest wait to stop the
// world and the longest stop-the-world pause of the collections made
// during the match, from runtime/metrics, and how long runtime.GC took
// (it also waits for the goroutine to stop while it scans its stack).
func TestGCDuringHugeMatch(t *testing.T) {
	size := 32 << 20
	if *soak {
		size = 256 << 20
	}
	if testing.Short() || raceEnabled {
		size = 8 << 20 // the figures mean little under the race detector
	}
	text := strings.Repeat("0123456789abcdef", size/16-1) + "xyz y42z!x"
	ours, std := MustCompile(`[x-z][0-9]{2}[x-z]!`), regexp.MustCompile(`[x-z][0-9]{2}[x-z]!`)
	if ours.MatchString(text[:1<<20]) || std.MatchString(text[:1<<20]) {
		t.Fatal("a match in the first MiB")
	}
	engines := []struct {
		name  string
		match func(string) bool
	}{{"re2wasm", ours.MatchString}, {"re2wasm", ours.MatchString}}
	if *soak {
		// For comparison: the same collections beside the standard library.
		engines = append(engines, struct {
			name  string
			match func(string) bool
		}{"standard library", std.MatchString})
	}
	// The first round faults the wasm pages in, the second reuses them.
	for round, e := range engines {
		before := gcPauses()
		done := make(chan bool)
		start := time.Now()
		go func() { done <- e.match(text) }()
		var gcs []time.Duration
		for matched := false; !matched; {
			t0 := time.Now()
			runtime.GC()
			gcs = append(gcs, time.Since(t0))
			select {
			case got := <-done:
				if !got {
					t.Errorf("%s: no match in %d bytes", e.name, size)
				}
				matched = true
			case <-time.After(time.Millisecond):
			}
		}
		elapsed := time.Since(start)
		stopping, total := gcPauses().since(before)
		slices.Sort(gcs)
		over := len(gcs) - sort.Search(len(gcs), func(i int) bool { return gcs[i] > 10*time.Millisecond })
		t.Logf("%d MiB, round %d, %s: match %v; %d runtime.GC meanwhile: median %v, longest %v, %d over 10 ms; longest wait to stop the world %v, longest pause %v",
			size>>20, round+1, e.name, elapsed.Round(time.Millisecond), len(gcs), gcs[len(gcs)/2].Round(time.Microsecond),
			gcs[len(gcs)-1].Round(time.Microsecond), over, stopping, total)
	}
}

// pauses is a snapshot of the collector's stop-the-world histograms.
type pauses struct{ stopping, total *metrics.Float64Histogram }

func gcPauses() pauses {
	s := []metrics.Sample{{Name: "/sched/pauses/stopping/gc:seconds"}, {Name: "/sched/pauses/total/gc:seconds"}}
	metrics.Read(s)
	return pauses{s[0].Value.Float64Histogram(), s[1].Value.Float64Histogram()}
}

// since returns upper bounds of the longest wait to stop and the longest
// pause recorded after p0.
func (p pauses) since(p0 pauses) (stopping, total time.Duration) {
	longest := func(h, h0 *metrics.Float64Histogram) time.Duration {
		for i := len(h.Counts) - 1; i >= 0; i-- {
			if h.Counts[i] > h0.Counts[i] {
				return time.Duration(h.Buckets[i+1] * float64(time.Second))
			}
		}
		return 0
	}
	return longest(p.stopping, p0.stopping), longest(p.total, p0.total)
}
