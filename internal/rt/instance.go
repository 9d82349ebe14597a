package rt

import "fmt"

// keepScratch is the largest scratch buffer an idle instance keeps; a larger
// one (a huge input) is given back when the instance is released.
const keepScratch = 1 << 20

// An Instance is one instance of re2.wasm, used by one goroutine at a time.
// It shares the linear memory (and so every compiled pattern) with all the
// others, but has its own stack and its own scratch buffer.
type Instance struct {
	m   *machine
	mod *module // the engine's instance

	stackBase  uint32 // this instance's stack block, 0 if it has none
	scratch    uint32 // address of the scratch buffer, 0 if none
	scratchCap uint32
	scratchBig bool        // the scratch buffer is in m.big, not in RE2's heap
	broken     bool        // a call trapped: the instance is never used again
	unwatch    func() bool // ends the AfterFunc of Watch, nil if not watched
	ints       []int       // Go memory of Ints
}

// Acquire returns an instance for the calling goroutine, from the pool or
// new. The first call in a process starts the runtime. Give it back with
// Release.
func Acquire() (*Instance, error) {
	m, err := get()
	if err != nil {
		return nil, err
	}
	inst := m.pool.take()
	if inst == nil {
		if inst, err = m.newInstance(); err != nil {
			return nil, err
		}
		m.pool.count()
	}
	if inst.stackBase == 0 {
		if err := m.giveStack(inst); err != nil {
			m.pool.put(inst)
			return nil, err
		}
	}
	return inst, nil
}

// Release gives the instance back to the pool. It must not be used after.
func (i *Instance) Release() {
	i.Unwatch()
	if !i.broken {
		if i.scratchCap > keepScratch {
			i.freeScratch()
		}
		i.m.maybeTrim(i) // which may trap, like freeScratch
	}
	if i.broken {
		// Its stack may be left anywhere and RE2 stopped halfway: drop it.
		// It is not closed: in wazero v1.12.0 closing an instance frees the
		// shared memory it imports.
		i.m.pool.lose()
		return
	}
	i.m.pool.put(i)
}

// Memory is the whole linear memory. Only what the module allocated may be
// read or written.
func (i *Instance) Memory() []byte { return i.m.memory }

// Call calls an export of re2.wasm with integer arguments and returns its
// result (0 for a function without one). A trap returns an error wrapping
// ErrTrap; the instance is then dropped at Release. Once a trap has left a
// lock held, every call returns an error wrapping ErrUnusable.
func (i *Instance) Call(f Func, args ...uint64) (uint64, error) {
	if err := i.m.unusable.Load(); err != nil {
		return 0, *err
	}
	res, err := i.mod.call(f, args)
	if err != nil {
		i.broken = true
		return 0, i.m.trapped(i, f, err)
	}
	return res, nil
}

// Scratch returns the address of a buffer of at least n bytes that belongs
// to this instance until the next call to Scratch or Release.
func (i *Instance) Scratch(n int) (uint32, error) {
	if uint64(n) <= uint64(i.scratchCap) {
		return i.scratch, nil
	}
	if uint64(n) > i.m.big.size {
		return 0, i.m.tooLarge(n)
	}
	i.freeScratch()
	if n > keepScratch {
		p, size := i.m.big.alloc(uint64(n))
		if p == 0 {
			return 0, fmt.Errorf("re2wasm: out of wasm memory allocating %d bytes", n)
		}
		i.scratch, i.scratchCap, i.scratchBig = uint32(p), uint32(size), true
		return i.scratch, nil
	}
	size := uint64(4096)
	for size < uint64(n) {
		size *= 2
	}
	p, err := i.Call(Malloc, size)
	if err != nil {
		return 0, err
	}
	if p == 0 {
		return 0, fmt.Errorf("re2wasm: out of wasm memory allocating %d bytes", size)
	}
	i.scratch, i.scratchCap = uint32(p), uint32(size)
	return i.scratch, nil
}

// Ints returns a slice of n ints of Go memory that belongs to this
// instance until the next call to Ints or Release: room for the offsets
// of a match, without an allocation per call (a grep calls once a line).
func (i *Instance) Ints(n int) []int {
	if n > cap(i.ints) {
		i.ints = make([]int, n)
	}
	return i.ints[:n]
}

// freeScratch returns the scratch buffer to RE2's heap or to m.big, which
// keep its pages for a while (heap.go, bigbuf.go).
func (i *Instance) freeScratch() {
	if i.scratch == 0 {
		return
	}
	if i.scratchBig {
		start, size := uint64(i.scratch), uint64(i.scratchCap)
		i.m.big.release(start, size)
		i.scratch, i.scratchCap, i.scratchBig = 0, 0, false
		return
	}
	if _, err := i.Call(Free, uint64(i.scratch)); err == nil {
		i.scratch, i.scratchCap = 0, 0
	}
}

// tooLarge is the error for an input that needs a buffer of n bytes (the
// text and room for results), more than any buffer.
func (m *machine) tooLarge(n int) error {
	why := ""
	if m.smaller != "" {
		why = ", smaller than 4 GiB because " + m.smaller
	}
	return fmt.Errorf("re2wasm: an input needing %d bytes exceeds the largest this process can match, %d bytes (half the wasm memory of %d bytes, less 1 MiB%s)",
		n, m.big.size, len(m.memory), why)
}

// newInstance makes one more instance of the module. Its start function
// finds the memory already initialised (but for the first); it gets no
// stack yet.
func (m *machine) newInstance() (*Instance, error) {
	mod, err := m.eng.instantiate()
	if err != nil {
		return nil, err
	}
	return &Instance{m: m, mod: mod}, nil
}

// giveStack lays out a stack for inst in the shared memory, with the help
// of the first instance.
func (m *machine) giveStack(inst *Instance) error {
	m.bootMu.Lock()
	defer m.bootMu.Unlock()
	p, err := m.boot.Call(Malloc, stackSize)
	if err != nil {
		return err
	}
	if p == 0 {
		return fmt.Errorf("re2wasm: out of wasm memory allocating a stack")
	}
	inst.stackBase = uint32(p)
	m.pool.mu.Lock()
	m.pool.stacks++
	m.pool.mu.Unlock()
	inst.mod.setStackPointer(uint32(p + stackSize))
	return nil
}

// takeStack returns the stack of an idle instance to RE2's heap.
func (m *machine) takeStack(inst *Instance) {
	base := inst.stackBase
	inst.stackBase = 0
	m.pool.mu.Lock()
	m.pool.stacks--
	m.pool.mu.Unlock()
	m.bootMu.Lock()
	defer m.bootMu.Unlock()
	m.boot.Call(Free, uint64(base))
}
