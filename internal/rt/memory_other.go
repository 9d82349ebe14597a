//go:build !(unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le))

package rt

// reserveLimit keeps the shared memory small where address space is scarce
// (32-bit targets, js/wasm) or where no mapping outside the heap is used.
const reserveLimit = 1 << 30

// reserve allocates the memory in the Go heap, which never moves it.
func reserve(size uint64) ([]byte, error) {
	return make([]byte, size), nil
}

// discard zeroes b: the memory stays allocated, but reads as fresh.
func discard(b []byte) {
	clear(b)
}
