package rt

import (
	"fmt"
	"sync"
)

// bigBuffers hands out the scratch buffers of huge inputs (larger than
// keepScratch) from a region of the linear memory that is taken from RE2's
// heap once, at start-up. Were they allocated in RE2's heap, a long-lived
// allocation made meanwhile (another instance's stack) would pin the hole
// each one leaves, and RE2's later small allocations would spread over it,
// touching pages that stay resident: 493 MiB of wasm memory after one
// 512 MiB input and 100 000 compiles, with 8 KiB in use.
type bigBuffers struct {
	mu   sync.Mutex
	free []span // free spans of the region, sorted and coalesced
	used uint64 // bytes handed out
	size uint64 // bytes in the region
	heap uint64 // bytes of RE2's heap the region takes
}

type span struct{ start, end uint64 }

// bigAlign is the granule of the region: a wasm page, a multiple of the
// host's page size, so that freed buffers can be given back to the
// operating system whole.
const bigAlign = pageSize

// reserveBig takes nearly half of the linear memory from RE2's heap for
// huge buffers (dlmalloc refuses a request of 2 GiB or more); the first
// instance must not be in use elsewhere.
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
		free: []span{{start, start + want}},
		size: want,
		heap: want + bigAlign,
	}
	return nil
}

// alloc returns the address of n bytes (rounded up to bigAlign), or 0 if
// no free span is large enough.
func (b *bigBuffers) alloc(n uint64) (addr, size uint64) {
	size = (n + bigAlign - 1) / bigAlign * bigAlign
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, s := range b.free {
		if s.end-s.start >= size {
			b.free[i].start += size
			if b.free[i].start == s.end {
				b.free = append(b.free[:i], b.free[i+1:]...)
			}
			b.used += size
			return s.start, size
		}
	}
	return 0, 0
}

// release takes back a buffer from alloc, whose pages the caller has
// already given back to the operating system.
func (b *bigBuffers) release(addr, size uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= size
	s := span{addr, addr + size}
	i := 0
	for i < len(b.free) && b.free[i].start < s.start {
		i++
	}
	b.free = append(b.free, span{})
	copy(b.free[i+1:], b.free[i:])
	b.free[i] = s
	// Merge with the next span, then with the previous one.
	if i+1 < len(b.free) && b.free[i].end == b.free[i+1].start {
		b.free[i].end = b.free[i+1].end
		b.free = append(b.free[:i+1], b.free[i+2:]...)
	}
	if i > 0 && b.free[i-1].end == b.free[i].start {
		b.free[i-1].end = b.free[i].end
		b.free = append(b.free[:i], b.free[i+1:]...)
	}
}

func (b *bigBuffers) inUse() uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}
