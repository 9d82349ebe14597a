package rt

import (
	"fmt"
	"sync"
	"time"
)

// bigBuffers hands out the scratch buffers of huge inputs (larger than
// keepScratch) from a region of the linear memory that is taken from RE2's
// heap once, at start-up. Were they allocated in RE2's heap, a long-lived
// allocation made meanwhile (another instance's stack) would pin the hole
// each one leaves, and RE2's later small allocations would spread over it,
// touching pages that stay resident: 493 MiB of wasm memory after one
// 512 MiB input and 100 000 compiles, with 8 KiB in use.
//
// A buffer given back keeps its pages: the next huge input reuses them
// without faulting them in again (a call on 1 MiB + 64 bytes cost 23 times
// one on 1 MiB - 64 bytes when every call faulted its buffer in). Pages
// kept and not reused for bigIdle go back to the operating system.
type bigBuffers struct {
	mu   sync.Mutex
	free []span // free spans of the region, sorted and coalesced
	kept []span // the parts of free whose pages are resident, sorted and coalesced
	used uint64 // bytes handed out
	size uint64 // bytes in the region
	heap uint64 // bytes of RE2's heap the region takes

	keptBytes uint64
	discard   func(addr, size uint64) // gives pages back to the operating system
	timer     *time.Timer             // runs idle; nil when nothing is kept
	taken     bool                    // a buffer was taken since idle last ran
}

type span struct{ start, end uint64 }

// bigAlign is the granule of the region: a wasm page, a multiple of the
// host's page size, so that freed buffers can be given back to the
// operating system whole.
const bigAlign = pageSize

// bigIdle is how long kept pages wait for a huge input to reuse them.
// Faulting 1 MiB in costs about 0.6 ms here: calls more than a second
// apart lose little by it.
const bigIdle = time.Second

// reserveBig takes nearly half of the linear memory from RE2's heap for
// huge buffers; the first instance must not be in use elsewhere.
func (m *machine) reserveBig() error {
	want := uint64(len(m.memory))/2 - 1<<20
	p, err := m.boot.Call(Malloc, want+bigAlign)
	if err != nil {
		return err
	}
	if p == 0 {
		return fmt.Errorf("re2wasm: out of wasm memory reserving %d bytes for huge inputs", want)
	}
	start := (p + bigAlign - 1) / bigAlign * bigAlign
	m.big = bigBuffers{
		free:    []span{{start, start + want}},
		size:    want,
		heap:    want + bigAlign,
		discard: func(addr, size uint64) { discard(m.memory[addr : addr+size]) },
	}
	return nil
}

// alloc returns the address of n bytes (rounded up to bigAlign), or 0 if
// no free span is large enough. It takes the smallest kept span that
// holds them, else the first free span that does.
func (b *bigBuffers) alloc(n uint64) (addr, size uint64) {
	size = (n + bigAlign - 1) / bigAlign * bigAlign
	b.mu.Lock()
	defer b.mu.Unlock()
	best := -1
	for i, s := range b.kept {
		if s.end-s.start >= size && (best < 0 || s.end-s.start < b.kept[best].end-b.kept[best].start) {
			best = i
		}
	}
	if best >= 0 {
		addr = b.kept[best].start
	} else {
		for _, s := range b.free {
			if s.end-s.start >= size {
				addr = s.start
				break
			}
		}
		if addr == 0 {
			return 0, 0
		}
	}
	r := span{addr, addr + size}
	b.free, _ = cut(b.free, r)
	var k uint64
	b.kept, k = cut(b.kept, r)
	b.keptBytes -= k
	b.used += size
	b.taken = true
	return addr, size
}

// release takes back a buffer from alloc; its pages are kept.
func (b *bigBuffers) release(addr, size uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= size
	s := span{addr, addr + size}
	b.free = join(b.free, s)
	b.kept = join(b.kept, s)
	b.keptBytes += size
	if b.timer == nil {
		b.taken = false
		b.timer = time.AfterFunc(bigIdle, b.idle)
	}
}

// idle gives back the kept pages if no buffer was taken since it last ran,
// and looks again later otherwise.
func (b *bigBuffers) idle() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.taken && b.timer != nil {
		b.taken = false
		b.timer.Reset(bigIdle)
		return
	}
	b.dropKept()
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
}

// dropKept gives back the pages of every kept span (b.mu held): the spans
// are free, so no buffer is in them.
func (b *bigBuffers) dropKept() {
	for _, s := range b.kept {
		b.discard(s.start, s.end-s.start)
	}
	b.kept, b.keptBytes = nil, 0
}

func (b *bigBuffers) inUse() (used, kept uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used, b.keptBytes
}

// join adds s to a sorted, coalesced set of spans that does not overlap it.
func join(set []span, s span) []span {
	i := 0
	for i < len(set) && set[i].start < s.start {
		i++
	}
	set = append(set, span{})
	copy(set[i+1:], set[i:])
	set[i] = s
	// Merge with the next span, then with the previous one.
	if i+1 < len(set) && set[i].end == set[i+1].start {
		set[i].end = set[i+1].end
		set = append(set[:i+1], set[i+2:]...)
	}
	if i > 0 && set[i-1].end == set[i].start {
		set[i-1].end = set[i].end
		set = append(set[:i], set[i+1:]...)
	}
	return set
}

// cut removes r from a sorted set of spans and returns the bytes removed.
func cut(set []span, r span) ([]span, uint64) {
	var out []span
	var removed uint64
	for _, s := range set {
		if s.end <= r.start || s.start >= r.end {
			out = append(out, s)
			continue
		}
		removed += min(s.end, r.end) - max(s.start, r.start)
		if s.start < r.start {
			out = append(out, span{s.start, r.start})
		}
		if s.end > r.end {
			out = append(out, span{r.end, s.end})
		}
	}
	return out, removed
}
