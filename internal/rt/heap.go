package rt

import (
	"sync/atomic"
	"unsafe"
)

// Giving RE2's free memory back to the operating system. The allocator
// (wasm/src/alloc.cc) keeps free memory as spans of whole pages and counts
// the bytes of those whose pages may still be resident; it cannot make
// system calls, so the host discards them: re2w_trim_begin takes such spans
// out of the free lists and lists them, the host discards their pages, and
// re2w_trim_end files them again as free spans whose pages read as zero.
// The allocator lock is not held meanwhile.
//
// The trigger is cheap, since every call checks it when it gives its
// instance back: one atomic load of the allocator's counter.

const (
	// trimAbove is how many free bytes of RE2's heap may stay resident
	// before a trim: freeing and allocating again below it costs no page
	// faults.
	trimAbove = 4 << 20
	// trimKeep is what a trim leaves resident: the smallest free spans, the
	// likeliest to be reused soon (the allocator discards the largest first).
	trimKeep = 1 << 20
	// trimBatch is how many spans one re2w_trim_begin lists at most.
	trimBatch = 1024
)

// Offsets of the fields of HeapStats (alloc.cc), five uint32.
const (
	statInUse        = 0
	statFreeResident = 4
	statFreeReturned = 8
	statTrims        = 16
)

// heapStat reads a field of the allocator's HeapStats without its lock.
func (m *machine) heapStat(offset uint64) uint64 {
	return uint64(atomic.LoadUint32((*uint32)(unsafe.Pointer(&m.memory[m.heapStats+offset]))))
}

// maybeTrim trims RE2's heap with inst if more than trimAbove free bytes
// may be resident and no other goroutine is trimming it.
func (m *machine) maybeTrim(inst *Instance) {
	if !canDiscard || m.heapStat(statFreeResident) <= trimAbove || !m.trimming.CompareAndSwap(false, true) {
		return
	}
	defer m.trimming.Store(false)
	m.trimHeap(inst, trimKeep)
}

// trimHeap discards the pages of free spans of RE2's heap, with inst, until
// at most keep free bytes may be resident. The caller holds m.trimming.
func (m *machine) trimHeap(inst *Instance, keep uint64) error {
	for {
		n, err := inst.Call(TrimBegin, m.trimList, trimBatch, keep)
		if err != nil {
			return err
		}
		list := m.memory[m.trimList : m.trimList+8*n]
		for k := uint64(0); k < n; k++ {
			addr, size := uint64(le32(list[8*k:])), uint64(le32(list[8*k+4:]))
			discard(m.memory[addr : addr+size])
		}
		if _, err := inst.Call(TrimEnd, m.trimList, n); err != nil {
			return err
		}
		if n < trimBatch {
			return nil
		}
	}
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
