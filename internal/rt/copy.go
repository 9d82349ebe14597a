package rt

// copyPiece bounds one copy into the linear memory. A copy is one call of
// the runtime's memmove, which cannot be preempted: a garbage collection
// that must stop the world waits for all of it (107-264 ms for a 256 MiB
// input copied into pages faulted in as it goes). Pieces of 256 KiB take
// tens of microseconds. They also keep memmove off its path for 1 MiB and
// more, whose non-temporal stores (amd64) made a 1 MiB copy 1.7 times as
// slow when the text is in the cache.
const copyPiece = 256 << 10

// CopyIn copies src to dst as the built-in copy does, in pieces between
// which the goroutine can be preempted, and returns the bytes copied.
func CopyIn[T ~string | ~[]byte](dst []byte, src T) int {
	n := min(len(dst), len(src))
	for i := 0; i < n; i += copyPiece {
		end := min(i+copyPiece, n)
		copyPieceAt(dst[i:end], src[i:end])
	}
	return n
}

// copyPieceAt is not inlined: its prologue checks for a pending preemption
// (memmove, which it calls, has no such check, and a signal that lands in
// memmove cannot preempt it).
//
//go:noinline
func copyPieceAt[T ~string | ~[]byte](dst []byte, src T) {
	copy(dst, src)
}
