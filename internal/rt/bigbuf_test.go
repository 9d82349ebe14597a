package rt

import (
	"slices"
	"testing"
)

// testBig is a region of size bytes at bigAlign that records what it
// gives back.
func testBig(size uint64, discarded *[]span) *bigBuffers {
	return &bigBuffers{
		free:    []span{{bigAlign, bigAlign + size}},
		size:    size,
		discard: func(addr, size uint64) { *discarded = append(*discarded, span{addr, addr + size}) },
	}
}

// Buffers released in any order coalesce: the whole region can be had in
// one piece again.
func TestBigBuffersCoalesce(t *testing.T) {
	const size = 16 * bigAlign
	var discarded []span
	b := testBig(size, &discarded)
	defer func() { b.timer.Stop() }()
	type buf struct{ addr, size uint64 }
	var bufs []buf
	for _, n := range []uint64{1, bigAlign, bigAlign + 1, 3 * bigAlign, 1} {
		addr, got := b.alloc(n)
		if addr == 0 || got < n || got%bigAlign != 0 {
			t.Fatalf("alloc(%d) = %d, %d", n, addr, got)
		}
		bufs = append(bufs, buf{addr, got})
	}
	if addr, _ := b.alloc(size); addr != 0 {
		used, _ := b.inUse()
		t.Fatalf("alloc of the whole region succeeded with %d bytes in use", used)
	}
	for _, i := range []int{1, 3, 0, 4, 2} {
		b.release(bufs[i].addr, bufs[i].size)
	}
	if used, _ := b.inUse(); used != 0 || len(b.free) != 1 {
		t.Fatalf("after releasing everything: %d bytes in use, free spans %v", used, b.free)
	}
	if addr, got := b.alloc(size); addr != bigAlign || got != size {
		t.Errorf("alloc of the whole region = %d, %d; want %d, %d", addr, got, bigAlign, size)
	}
}

// A buffer given back keeps its pages for the next one of its size, which
// takes it rather than lower free memory; once idle, the pages go back.
func TestBigBuffersKeepPages(t *testing.T) {
	var discarded []span
	b := testBig(64*bigAlign, &discarded)
	a1, s1 := b.alloc(4 * bigAlign)
	a2, s2 := b.alloc(8 * bigAlign)
	b.release(a1, s1) // free and lowest, never kept again below
	b.release(a2, s2)
	b.timer.Stop()
	if _, kept := b.inUse(); kept != s1+s2 {
		t.Fatalf("%d bytes kept after releasing %d, want all", kept, s1+s2)
	}
	// 6 pages: the kept span of 4 is too small, so the first kept span that
	// holds them is taken (the 4 and the 8 coalesced: at a1).
	if a, _ := b.alloc(6 * bigAlign); a != a1 {
		t.Errorf("alloc of 6 pages at %#x, want the kept span at %#x", a, a1)
	} else {
		b.release(a, 6*bigAlign)
	}
	b.idle() // a buffer was taken since: look again later
	if len(discarded) != 0 {
		t.Fatalf("pages given back while in use: %v", discarded)
	}
	b.timer.Stop()
	b.idle()
	if _, kept := b.inUse(); kept != 0 || b.timer != nil {
		t.Errorf("after an idle period: %d bytes kept, timer %v", kept, b.timer)
	}
	if want := []span{{a1, a2 + s2}}; !slices.Equal(discarded, want) {
		t.Errorf("given back %v, want %v", discarded, want)
	}
	// Kept pages are preferred to lower free ones.
	lo, _ := b.alloc(2 * bigAlign) // lowest free
	hi, _ := b.alloc(2 * bigAlign)
	b.release(lo, 2*bigAlign)
	b.dropKept() // lo free but not kept
	b.release(hi, 2*bigAlign)
	b.timer.Stop()
	if a, _ := b.alloc(2 * bigAlign); a != hi {
		t.Errorf("alloc at %#x, want the kept buffer at %#x rather than free memory at %#x", a, hi, lo)
	}
}
