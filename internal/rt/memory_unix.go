//go:build unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le)

package rt

import (
	"golang.org/x/sys/unix"
)

// reserveLimit is the most address space the shared memory reserves: all
// that wasm32 can address.
const reserveLimit = 4 << 30

// reserve maps size bytes of address space outside the Go heap. Pages cost
// nothing until they are touched, the mapping never moves (as a shared
// memory requires) and the garbage collector never scans it.
func reserve(size uint64) ([]byte, error) {
	return unix.Mmap(-1, 0, int(size), unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
}

// discard gives the pages of b back to the operating system; they read as
// zero afterwards.
func discard(b []byte) {
	_ = unix.Madvise(b, unix.MADV_DONTNEED)
}
