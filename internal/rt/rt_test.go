package rt

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func acquire(t testing.TB) *Instance {
	t.Helper()
	inst, err := Acquire()
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestEngineFollowsEnvironment(t *testing.T) {
	got, err := Engine()
	if err != nil {
		t.Fatal(err)
	}
	if want := wantEngine(); got != want {
		t.Errorf("Engine() = %q, want %q", got, want)
	}
}

func TestMallocAndMemory(t *testing.T) {
	inst := acquire(t)
	defer inst.Release()
	p, err := inst.Call(Malloc, 100)
	if err != nil || p == 0 {
		t.Fatalf("malloc: %d, %v", p, err)
	}
	mem := inst.Memory()
	copy(mem[p:], "hello")
	if string(mem[p:p+5]) != "hello" {
		t.Errorf("memory does not keep what was written")
	}
	if _, err := inst.Call(Free, p); err != nil {
		t.Fatal(err)
	}
}

// A trap (here, reading far outside the memory) is an error of that call;
// the instance is dropped and the next instance works.
func TestTrapBecomesError(t *testing.T) {
	before, _ := ReadStats()
	inst := acquire(t)
	// re2w_match on a handle far beyond the memory's end.
	_, err := inst.Call(Match, 0xfffffff0, 0, 0, 0, 0, 0, 0)
	inst.Release()
	if !errors.Is(err, ErrTrap) {
		t.Fatalf("call with a wild pointer: err = %v, want ErrTrap", err)
	}
	t.Logf("trap: %v", err)
	after, _ := ReadStats()
	if after.Lost != before.Lost+1 {
		t.Errorf("instances lost: %d -> %d, want one more", before.Lost, after.Lost)
	}
	inst = acquire(t)
	defer inst.Release()
	if p, err := inst.Call(Malloc, 16); err != nil || p == 0 {
		t.Errorf("malloc after a trap: %d, %v", p, err)
	}
}

// A huge scratch buffer is given back to the heap when its instance is
// released.
func TestHugeScratchIsGivenBack(t *testing.T) {
	size := 256 << 20
	if testing.Short() {
		size = 16 << 20
	}
	before, err := ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	inst := acquire(t)
	p, err := inst.Scratch(size)
	if err != nil {
		t.Fatal(err)
	}
	mem := inst.Memory()
	for i := 0; i < size; i += 4096 {
		mem[int(p)+i] = 1 // touch every page
	}
	during, _ := ReadStats()
	inst.Release()
	after, _ := ReadStats()
	t.Logf("heap in use: %d before, %d with the scratch, %d after", before.HeapBytes, during.HeapBytes, after.HeapBytes)
	if during.HeapBytes < before.HeapBytes+uint64(size) {
		t.Errorf("heap in use with a %d-byte scratch: %d, before %d", size, during.HeapBytes, before.HeapBytes)
	}
	// Stacks may have come and gone meanwhile; allow for one.
	if after.HeapBytes > before.HeapBytes+stackSize+keepScratch {
		t.Errorf("heap in use after release: %d, before %d", after.HeapBytes, before.HeapBytes)
	}
}

func TestScratchTooLarge(t *testing.T) {
	inst := acquire(t)
	defer inst.Release()
	// Larger than half the reservation, whatever its size on this target.
	if _, err := inst.Scratch(len(inst.Memory())/2 + 1); err == nil {
		t.Error("a scratch buffer of half the memory did not fail")
	}
}

// Allocating until nothing is left, down to the smallest blocks, ends with
// malloc returning 0 (not a trap, not a loop) and the heap one page short
// of the memory's end; once freed, the memory is allocated again.
func TestHeapExhaustion(t *testing.T) {
	inst := acquire(t)
	defer inst.Release()
	var held []uint64
	done := make(chan error, 1)
	go func() {
		for size := uint64(1 << 30); size >= 8; {
			p, err := inst.Call(Malloc, size)
			if err != nil {
				done <- fmt.Errorf("malloc(%d) after %d blocks: %w", size, len(held), err)
				return
			}
			if p == 0 {
				size /= 2
				continue
			}
			held = append(held, p)
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("malloc did not return with the memory nearly full")
	}
	st, err := ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d blocks; heap top %#x of %#x", len(held), st.HeapTop, len(inst.Memory()))
	if limit := uint64(len(inst.Memory())) - pageSize; st.HeapTop > limit {
		t.Errorf("heap top %#x beyond %#x", st.HeapTop, limit)
	}
	for _, p := range held {
		if _, err := inst.Call(Free, p); err != nil {
			t.Fatal(err)
		}
	}
	if p, err := inst.Call(Malloc, 1<<20); err != nil || p == 0 {
		t.Errorf("malloc after freeing: %d, %v", p, err)
	} else if _, err := inst.Call(Free, p); err != nil {
		t.Fatal(err)
	}
}

// The scratch buffer of a huge input keeps its pages after the call, so
// that the next one reuses them without faulting them in; once idle, they
// go back to the operating system.
func TestHugeScratchKeptForReuse(t *testing.T) {
	if !canDiscard {
		t.Skip("the memory is a Go slice: nothing goes back")
	}
	const size = 4 << 20
	inst := acquire(t)
	p, err := inst.Scratch(size)
	if err != nil {
		t.Fatal(err)
	}
	buf := inst.Memory()[p : p+size]
	for i := 0; i < size; i += 4096 {
		buf[i] = 1
	}
	inst.Release()
	kept, _ := resident(buf)
	inst = acquire(t)
	q, err := inst.Scratch(size)
	inst.Release()
	if err != nil {
		t.Fatal(err)
	}
	m := inst.m
	m.big.idle() // a buffer was taken since the last look: not yet
	m.big.idle()
	after, _ := resident(buf)
	t.Logf("%d MiB buffer: %.1f MiB resident after the call, %.1f MiB once idle; the next buffer at %#x, the first at %#x", size>>20, mib(kept), mib(after), q, p)
	if kept < size {
		t.Errorf("%d of %d bytes resident after the call: not kept", kept, size)
	}
	if q != p {
		t.Errorf("the next buffer of the same size is at %#x, not at %#x whose pages were kept", q, p)
	}
	if after != 0 {
		t.Errorf("%d bytes still resident once idle", after)
	}
}
