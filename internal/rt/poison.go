package rt

import (
	"errors"
	"fmt"
	"sync/atomic"
	"unsafe"
)

// ErrUnusable is wrapped by the error of every call made after a trap that
// left a lock of the shared memory held (RE2's allocator, a compiled
// pattern's DFA cache, a lazily built part of it). What that lock guards may
// be half-updated and it can never be released, so the runtime refuses to
// run anything more rather than give wrong answers or wait for ever. A trap
// that holds no lock (a bad handle, an input the host rejected) does not
// make the runtime unusable.
var ErrUnusable = errors.New("re2wasm: the runtime is unusable")

// trapped turns the trap of instance i in a call to f into the call's
// error, and makes the runtime unusable if i held a lock when it trapped
// (see wasm/src/include/util/held.h).
func (m *machine) trapped(i *Instance, f Func, cause error) error {
	err := fmt.Errorf("%w in %s: %v", ErrTrap, f, cause)
	if prev := m.unusable.Load(); prev != nil {
		// Most likely an instance that was waiting for the lock and
		// trapped on seeing the flag.
		return *prev
	}
	if i.mod.locksHeld() == 0 {
		return err
	}
	unusable := fmt.Errorf("%w: a trap left a lock of RE2's shared memory held: %w", ErrUnusable, err)
	m.unusable.CompareAndSwap(nil, &unusable)
	// Instances waiting for that lock see the flag within
	// re2w::kPollNanos and trap in turn.
	atomic.StoreInt32((*int32)(unsafe.Pointer(&m.memory[m.poisonFlag])), 1)
	return *m.unusable.Load()
}
