//go:build !(unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le))

package rt

// reserve allocates the memory in the Go heap, which never moves it. Unlike
// an mmap reservation it is counted by the garbage collector, which is why
// reserveLimit is smaller on these targets.
func reserve(size uint64) ([]byte, error) {
	return make([]byte, size), nil
}

// discard zeroes b: the memory stays allocated, but reads as fresh.
func discard(b []byte) {
	clear(b)
}
