//go:build unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le)

package rt

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// reserveLimit is the most address space the shared memory reserves: all
// that wasm32 can address.
const reserveLimit = 4 << 30

// addressSpaceLimit is the most address space the process may map, or 0
// for no limit: RLIMIT_AS (ulimit -v), and RLIMIT_DATA (ulimit -d), which
// Linux applies to private writable mappings such as the reservation.
func addressSpaceLimit() uint64 {
	var limit uint64
	for _, resource := range []int{unix.RLIMIT_AS, unix.RLIMIT_DATA} {
		var r unix.Rlimit
		if unix.Getrlimit(resource, &r) == nil && r.Cur != unix.RLIM_INFINITY && (limit == 0 || uint64(r.Cur) < limit) {
			limit = uint64(r.Cur)
		}
	}
	return limit
}

// reserve maps size bytes of address space outside the Go heap. Pages cost
// nothing until they are touched, the mapping never moves (as a shared
// memory requires) and the garbage collector never scans it.
func reserve(size uint64) ([]byte, error) {
	return unix.Mmap(-1, 0, int(size), unix.PROT_READ|unix.PROT_WRITE,
		unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
}

// canDiscard: discard gives pages back.
const canDiscard = true

// hostPage is the operating system's page size.
var hostPage = uint64(os.Getpagesize())

// discard gives the whole pages inside b back to the operating system; they
// read as zero afterwards.
func discard(b []byte) {
	base := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	lo := (base + hostPage - 1) &^ (hostPage - 1)
	hi := (base + uint64(len(b))) &^ (hostPage - 1)
	if hi > lo {
		_ = unix.Madvise(b[lo-base:hi-base], unix.MADV_DONTNEED)
	}
}
