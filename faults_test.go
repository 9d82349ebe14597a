package regexp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/rt"
)

// When the wasm memory runs out during a call, that call panics in its own
// goroutine with a message that names the pattern and the cause; once memory
// is free again, the same Regexp works.
func TestOutOfWasmMemory(t *testing.T) {
	re := MustCompile(`b+`)
	text := strings.Repeat("a", 1<<20) + "b" // needs a huge-input buffer
	var hogs []*rt.Instance
	defer func() {
		for _, h := range hogs {
			h.Release()
		}
	}()
	acquire := func() *rt.Instance {
		inst, err := rt.Acquire()
		if err != nil {
			t.Fatal(err)
		}
		hogs = append(hogs, inst)
		return inst
	}
	heapHog := acquire()
	// Take every huge-input buffer there is, one instance each...
	for size := len(heapHog.Memory()) / 2; size > 1<<20; size /= 2 {
		for size > 1<<20 {
			if _, err := acquire().Scratch(size); err != nil {
				break
			}
		}
	}
	// ...leave an idle instance, so that the failing call gets as far as
	// copying its input...
	if !re.MatchString("b") {
		t.Fatal("no match on a small input")
	}
	// ...and take RE2's heap, down to 1 MiB chunks (driving malloc into the
	// very last bytes of memory makes it trap under wazero v1.12.0's
	// interpreter, which is another matter).
	var held []uint64
	for size := uint64(1 << 30); size >= 1<<20; {
		p, err := heapHog.Call(rt.Malloc, size)
		if err != nil {
			t.Fatal(err)
		}
		if p == 0 {
			size /= 2
			continue
		}
		held = append(held, p)
	}
	before, _ := rt.ReadStats()

	msg := make(chan string)
	go func() {
		defer func() { msg <- fmt.Sprint(recover()) }()
		re.MatchString(text)
	}()
	got := <-msg

	for _, p := range held {
		if _, err := heapHog.Call(rt.Free, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range hogs {
		h.Release()
	}
	hogs = nil
	t.Logf("with %d MiB of the wasm memory held: %s", before.HeapBytes>>20, got)
	if !strings.HasPrefix(got, "regexp: matching `b+`: ") || !strings.Contains(got, "out of wasm memory") {
		t.Errorf("the call with no memory left panicked with %q, want the pattern and the cause", got)
	}
	if !re.MatchString(text) {
		t.Error("no match once memory was freed")
	}
	if after, _ := rt.ReadStats(); after.Lost != before.Lost {
		t.Errorf("instances lost: %d -> %d; running out of memory is not a trap", before.Lost, after.Lost)
	}
}
