package regexp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/re2wasm/regexp/internal/plan"
	"github.com/re2wasm/regexp/internal/rt"
)

// When the wasm memory runs out during a call, that call panics in its own
// goroutine with a message that names the pattern and the cause; once memory
// is free again, the same Regexp works.
func TestOutOfWasmMemory(t *testing.T) {
	forceStrategy(t, plan.RE2) // the planner would copy two bytes only
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
	before := readStats(t)

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
	if after := readStats(t); after.Lost != before.Lost {
		t.Errorf("instances lost: %d -> %d; running out of memory is not a trap", before.Lost, after.Lost)
	}
}

// A trap while RE2's allocator holds its lock (here, free given a pointer
// beyond the memory) leaves that lock held for ever: the runtime becomes
// unusable, and every call, including those already waiting for the lock
// inside wasm, fails with a clear error instead of waiting for ever. It
// runs in a child process, since the runtime cannot be used after.
func TestTrapHoldingLock(t *testing.T) {
	if os.Getenv("RE2WASM_TEST_TRAP_HOLDING_LOCK") == "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestTrapHoldingLock$", "-test.v")
		cmd.Env = append(os.Environ(), "RE2WASM_TEST_TRAP_HOLDING_LOCK=1")
		out, err := cmd.CombinedOutput()
		t.Logf("child process:\n%s", out)
		if err != nil {
			t.Fatalf("child process: %v", err)
		}
		return
	}

	re := MustCompile(`(a+)b`)
	if !re.MatchString("xaab") {
		t.Fatal("no match before the trap")
	}
	// Goroutines that take and give back the allocator's lock in a loop,
	// so that some are likely waiting for it inside wasm when it is lost.
	const workers = 4
	errs := make(chan error, workers)
	var started sync.WaitGroup
	for range workers {
		started.Add(1)
		go func() {
			inst, err := rt.Acquire()
			if err != nil {
				errs <- err
				return
			}
			defer inst.Release()
			started.Done()
			for {
				p, err := inst.Call(rt.Malloc, 64)
				if err == nil {
					_, err = inst.Call(rt.Free, p)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	started.Wait()
	inst, err := rt.Acquire()
	if err != nil {
		t.Fatal(err)
	}
	_, err = inst.Call(rt.Free, 0xfffffff8)
	inst.Release()
	t.Logf("the trap: %v", err)
	if !errors.Is(err, rt.ErrUnusable) || !errors.Is(err, rt.ErrTrap) {
		t.Fatalf("free of a wild pointer: %v, want an error wrapping ErrUnusable and ErrTrap", err)
	}
	for range workers {
		select {
		case err := <-errs:
			if !errors.Is(err, rt.ErrUnusable) {
				t.Errorf("a goroutine using the allocator: %v, want ErrUnusable", err)
			}
		case <-time.After(time.Minute):
			t.Fatal("a goroutine using the allocator is still waiting a minute after the trap")
		}
	}
	st, _ := rt.ReadStats() // the counts, beside the error that says the runtime is unusable
	t.Logf("instances dropped after a trap: %d (the one that trapped, and those woken inside wasm)", st.Lost)

	// RE2 cannot run any more: calls run the standard library's matcher,
	// for patterns RE2 had compiled and for new ones.
	forceStrategy(t, plan.RE2)
	for _, re := range []*Regexp{re, MustCompile(`c+`)} {
		msg := func() (msg string) {
			defer func() {
				if r := recover(); r != nil {
					msg = fmt.Sprint("panic: ", r)
				}
			}()
			return fmt.Sprint(re.FindAllStringIndex("xaabcc", -1), re.MatchString("xaabcc"))
		}()
		want := fmt.Sprint(regexp.MustCompile(re.String()).FindAllStringIndex("xaabcc", -1), true)
		if msg != want {
			t.Errorf("%s after the trap: %s, want %s", re, msg, want)
		}
	}
}
