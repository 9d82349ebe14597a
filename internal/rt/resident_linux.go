//go:build linux

package rt

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// resident is how many bytes of b are in physical memory (mincore(2)).
func resident(b []byte) (uint64, error) {
	if len(b) == 0 {
		return 0, nil
	}
	page := os.Getpagesize()
	vec := make([]byte, (len(b)+page-1)/page)
	_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0])))
	if errno != 0 {
		return 0, errno
	}
	var pages uint64
	for _, v := range vec {
		pages += uint64(v & 1)
	}
	return pages * uint64(page), nil
}
