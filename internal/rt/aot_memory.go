//go:build !re2wasm_wazero

package rt

import (
	"sync"
	"sync/atomic"
)

// sharedMemory implements re2go.Memory over the reservation, which never
// moves: every instance reads the same *[]byte, so all of them share one
// linear memory, and slices into it stay valid.
type sharedMemory struct {
	all     []byte       // the reservation
	buf     []byte       // what the module sees: a prefix of all
	pages   atomic.Int64 // len(buf)/pageSize, read lock-free by memory.size
	mu      sync.Mutex   // serialises Grow and guards limit
	limit   int64        // pages it may grow to; see freeze
	waiters sync.Map     // queues of memory.atomic.wait32, keyed by address
}

func newSharedMemory(all []byte, minPages int64) *sharedMemory {
	m := &sharedMemory{all: all, buf: all[:minPages*pageSize], limit: int64(len(all) / pageSize)}
	m.pages.Store(minPages)
	return m
}

// Slice is the slice header every instance reads on each access.
func (m *sharedMemory) Slice() *[]byte { return &m.buf }

// Waiters is shared too, so that a notify in one instance wakes a wait in
// another.
func (m *sharedMemory) Waiters() *sync.Map { return &m.waiters }

// Grow implements memory.size (delta 0) and memory.grow; max is the
// module's maximum in pages, and the reservation caps it further. Growing
// rewrites the slice header that every instance reads without
// synchronisation, so it is only safe while no other instance runs: the
// runtime grows the memory to the whole reservation once, at start-up, and
// any later memory.grow fails without writing.
func (m *sharedMemory) Grow(delta, max int64) int64 {
	if delta == 0 {
		return m.pages.Load()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.pages.Load()
	n := old + delta
	if delta < 0 || n > max || n > m.limit {
		return -1
	}
	m.buf = m.all[:n*pageSize]
	m.pages.Store(n)
	return old
}

// freeze makes every later Grow fail: once instances other than the first
// run, rewriting the slice header under them would be a data race.
func (m *sharedMemory) freeze() {
	m.mu.Lock()
	m.limit = m.pages.Load()
	m.mu.Unlock()
}
