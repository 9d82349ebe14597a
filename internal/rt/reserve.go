package rt

import "fmt"

// reserveFloor is the smallest memory worth starting with: it holds RE2's
// heap of a few hundred patterns and inputs up to 31 MiB.
const reserveFloor = 64 << 20

// reservation is the memory the runtime got, and why it is smaller than
// reserveLimit if it is.
type reservation struct {
	memory []byte
	why    string // "" for a full reservation
}

// reserveMemory reserves the shared memory: reserveLimit bytes, or, where
// that would take more than half of what the process's limit on address
// space (see addressSpaceLimit) leaves beyond the mapped bytes, or where
// the system refuses it, the largest power of two that fits, down to
// reserveFloor. The other half is left to the program: its own heap holds
// the texts it matches. try reserves n bytes.
func reserveMemory(limit, mapped uint64, try func(n uint64) ([]byte, error)) (reservation, error) {
	size := uint64(reserveLimit)
	why := ""
	if limit > 0 {
		left := limit - min(mapped, limit)
		if size > left/2 {
			for size > reserveFloor && size > left/2 {
				size /= 2
			}
			why = fmt.Sprintf("the process may map %d bytes (ulimit -v or -d), %d of them mapped already", limit, mapped)
		}
	}
	var first error
	for ; size >= reserveFloor; size /= 2 {
		memory, err := try(size)
		if err == nil {
			return reservation{memory, why}, nil
		}
		if first == nil {
			first = err
			if why == "" {
				why = fmt.Sprintf("reserving %d bytes failed: %v", size, err)
			}
		}
	}
	return reservation{}, fmt.Errorf("re2wasm: reserving address space for the wasm memory: %w (%s; tried down to %d bytes)", first, why, uint64(reserveFloor))
}
