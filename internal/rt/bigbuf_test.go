package rt

import "testing"

// Buffers released in any order coalesce: the whole region can be had in
// one piece again.
func TestBigBuffersCoalesce(t *testing.T) {
	const size = 16 * bigAlign
	b := bigBuffers{free: []span{{bigAlign, bigAlign + size}}, size: size}
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
		t.Fatalf("alloc of the whole region succeeded with %d bytes in use", b.inUse())
	}
	for _, i := range []int{1, 3, 0, 4, 2} {
		b.release(bufs[i].addr, bufs[i].size)
	}
	if b.inUse() != 0 || len(b.free) != 1 {
		t.Fatalf("after releasing everything: %d bytes in use, free spans %v", b.inUse(), b.free)
	}
	if addr, got := b.alloc(size); addr != bigAlign || got != size {
		t.Errorf("alloc of the whole region = %d, %d; want %d, %d", addr, got, bigAlign, size)
	}
}
