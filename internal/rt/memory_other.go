//go:build !(unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le))

package rt

// reserve allocates the memory in the Go heap, which never moves it. Unlike
// an mmap reservation it is counted by the garbage collector, which is why
// reserveLimit is smaller on these targets.
func reserve(size uint64) ([]byte, error) {
	return make([]byte, size), nil
}

// canDiscard: the memory is a Go byte slice, which cannot give pages back;
// RE2's heap reuses what it freed, and stops growing at its peak.
const canDiscard = false

// addressSpaceLimit: a slice of the Go heap is not limited apart from it.
func addressSpaceLimit() uint64 { return 0 }

// discard does nothing: nothing relies on discarded memory reading as zero,
// and clearing it would gain nothing (and a long clear of a huge buffer
// cannot be preempted).
func discard(b []byte) {}
