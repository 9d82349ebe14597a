// Package rt runs re2.wasm: one shared linear memory per process, made on
// first use, and a pool of light instances of the module (one per goroutine
// in flight), each with its own stack in that memory.
//
// Two engines run the module; exactly one is linked, chosen at build time:
//
//   - aot (the default): re2.wasm translated ahead of time into Go by
//     wasm2go (package re2go). No compile step at start-up, and the Go
//     scheduler can preempt it.
//   - wazero, with the build tag re2wasm_wazero: wazero's compiler, or its
//     interpreter with RE2WASM_ENGINE=interpreter.
//
// Everything else (the memory reservation, the first instance, stacks, the
// pool, scratch buffers, statistics) is shared and lives in this file,
// instance.go and pool.go; engine.go describes the seam between them and the
// engines.
//
// Nothing of either engine leaks out of this package: callers get an
// *Instance, call the module's exports by number with integer arguments, and
// read and write the linear memory as a []byte.
//
// Environment (wazero engine only):
//
//	RE2WASM_ENGINE=interpreter   use wazero's interpreter instead of its compiler
//	RE2WASM_NO_CACHE=1           do not keep compiled code in the user cache directory
package rt

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Func names an export of re2.wasm (see wasm/src/abi.cc and alloc.cc).
type Func int

const (
	Malloc Func = iota
	Free
	HeapInUse
	HeapTop
	HeapStats
	TrimBegin
	TrimEnd
	PoisonFlag
	DFAFailures
	Compile
	Delete
	NumGroups
	Match
	MatchAll
	SetNew
	SetAdd
	SetCompile
	SetMatch
	SetDelete
	numFuncs
)

var funcNames = [numFuncs]string{
	Malloc:      "re2w_malloc",
	Free:        "re2w_free",
	HeapInUse:   "re2w_heap_in_use",
	HeapTop:     "re2w_heap_top",
	HeapStats:   "re2w_heap_stats",
	TrimBegin:   "re2w_trim_begin",
	TrimEnd:     "re2w_trim_end",
	PoisonFlag:  "re2w_poison_flag",
	DFAFailures: "re2w_dfa_failures",
	Compile:     "re2w_compile",
	Delete:      "re2w_delete",
	NumGroups:   "re2w_num_groups",
	Match:       "re2w_match",
	MatchAll:    "re2w_match_all",
	SetNew:      "re2w_set_new",
	SetAdd:      "re2w_set_add",
	SetCompile:  "re2w_set_compile",
	SetMatch:    "re2w_set_match",
	SetDelete:   "re2w_set_delete",
}

func (f Func) String() string { return funcNames[f] }

// stackSize is the wasm stack of every instance but the first, which uses
// the one the linker laid out. RE2 walks patterns with explicit stacks, so
// its own recursion is shallow.
const stackSize = 1 << 20

// pageSize is the size of a wasm page.
const pageSize = 64 << 10

// machine is the process-wide state: the engine with the module loaded, the
// shared memory, the first instance and the pool.
type machine struct {
	eng    *engine
	memory []byte // the whole reservation; the module sees a prefix of it
	// smaller says why the reservation is smaller than reserveLimit, or "".
	smaller string

	// boot is the first instance. It ran _initialize and owns the stack the
	// linker laid out; it is kept out of the pool and, under bootMu, lays out
	// and frees the stacks of the other instances.
	bootMu sync.Mutex
	boot   *Instance

	pool pool
	big  bigBuffers // the scratch buffers of huge inputs

	poisonFlag uint64                // address of re2w_poisoned (poison.go)
	unusable   atomic.Pointer[error] // set when a trap left a lock held

	heapStats uint64      // address of the allocator's HeapStats (heap.go)
	trimList  uint64      // address of a buffer of trimBatch spans
	trimming  atomic.Bool // a goroutine is trimming RE2's heap
}

var get = sync.OnceValues(start)

// start builds the machine. It runs once per process, on first use.
func start() (*machine, error) {
	res, err := reserveMemory(addressSpaceLimit(), mapped(), reserve)
	if err != nil {
		return nil, err
	}
	eng, err := newEngine(res.memory)
	if err != nil {
		return nil, err
	}
	m := &machine{eng: eng, memory: res.memory, smaller: res.why}
	m.pool.maxWarm = runtime.GOMAXPROCS(0)
	boot, err := m.newInstance()
	if err != nil {
		return nil, err
	}
	if err := boot.mod.initialize(); err != nil {
		return nil, fmt.Errorf("re2wasm: initializing re2.wasm: %w", err)
	}
	m.boot = boot
	if m.poisonFlag, err = boot.Call(PoisonFlag); err != nil {
		return nil, err
	}
	if m.heapStats, err = boot.Call(HeapStats); err != nil {
		return nil, err
	}
	if err := m.growMemory(); err != nil {
		return nil, err
	}
	if err := m.reserveBig(); err != nil {
		return nil, err
	}
	if m.trimList, err = boot.Call(Malloc, 8*trimBatch); err != nil || m.trimList == 0 {
		return nil, fmt.Errorf("re2wasm: out of wasm memory at start-up (%v)", err)
	}
	return m, nil
}

// growMemory grows the shared memory to all of the reservation, once, after
// the allocator has laid out its page map: from then on the memory's length
// never changes under a running instance (wazero's interpreter and the
// translated code read it unsynchronised), and alloc.cc hands out pages
// that already exist. Untouched pages cost nothing.
func (m *machine) growMemory() error {
	p, err := m.boot.Call(Malloc, 16) // initialises the allocator
	if err != nil {
		return err
	}
	if _, err := m.boot.Call(Free, p); err != nil {
		return err
	}
	// One page short of the reservation: with 4 GiB, wazero reports sizes
	// as uint32.
	pages := uint64(len(m.memory))/pageSize - 1 - m.eng.memoryPages()
	if err := m.eng.growMemory(pages); err != nil {
		return fmt.Errorf("re2wasm: growing the shared memory by %d pages: %w", pages, err)
	}
	return nil
}

// Engine says which engine runs the module: "aot", or wazero's "compiler"
// or "interpreter".
func Engine() (string, error) {
	m, err := get()
	if err != nil {
		return "", err
	}
	return m.eng.name(), nil
}

// Stats describes the memory the runtime holds.
type Stats struct {
	LinearBytes   uint64 // size of the wasm linear memory (touched or not); it never shrinks
	HeapBytes     uint64 // bytes allocated in it and not yet freed, huge inputs' buffers included
	StackBytes    uint64 // of which instances' stacks
	HeapTop       uint64 // end of RE2's heap: the memory below it is carved, in use or free; it only grows
	KeptBytes     uint64 // free, but its pages kept resident for reuse (given back when idle or past a bound)
	ReservedBytes uint64 // address space reserved for it
	ResidentBytes uint64 // of which in physical memory (0 where unknown)
	MaxInput      uint64 // the largest input a call can take, with room for its results: half the reservation less 1 MiB
	Instances     int    // instances made so far, including the first
	Idle          int    // instances in the pool now
	InUse         int    // instances handed out now
	Lost          int    // instances dropped after a trap
	DFAFailures   uint64 // searches whose DFA ran out of memory, finished by another RE2 matcher
}

// ReadStats reports the runtime's memory and instances. Once the runtime is
// unusable, it reports only the instances, with the error.
func ReadStats() (Stats, error) {
	m, err := get()
	if err != nil {
		return Stats{}, err
	}
	s := m.pool.stats()
	s.LinearBytes = m.eng.memoryPages() * pageSize
	m.bootMu.Lock()
	defer m.bootMu.Unlock()
	if s.HeapBytes, err = m.boot.Call(HeapInUse); err != nil {
		return s, err
	}
	bigUsed, bigKept := m.big.inUse()
	s.HeapBytes = s.HeapBytes - m.big.heap + bigUsed
	s.KeptBytes = bigKept + m.heapStat(statFreeResident)
	if s.HeapTop, err = m.boot.Call(HeapTop); err != nil {
		return Stats{}, err
	}
	if s.DFAFailures, err = m.boot.Call(DFAFailures); err != nil {
		return Stats{}, err
	}
	s.ReservedBytes = uint64(len(m.memory))
	s.MaxInput = m.big.size
	if s.ResidentBytes, err = resident(m.memory); err != nil {
		return Stats{}, fmt.Errorf("re2wasm: measuring resident memory: %w", err)
	}
	return s, nil
}

// ErrTrap is wrapped by the error of a call that trapped inside wasm.
var ErrTrap = errors.New("re2wasm: wasm trap")
