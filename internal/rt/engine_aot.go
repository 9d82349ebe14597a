//go:build !re2wasm_wazero

package rt

import (
	"fmt"

	"github.com/re2wasm/regexp/internal/rt/re2go"
)

// engine runs re2.wasm as Go code translated ahead of time (package re2go):
// nothing to compile at start-up. Every instance imports the same
// sharedMemory.
type engine struct {
	mem *sharedMemory
}

// minPages is the initial size of the memory re2.wasm imports (its import
// section says 17 pages; TestAOTMinPages checks it against wasm/re2.wasm).
// The translation does not carry it: the importer provides the memory.
const minPages = 17

func newEngine(memory []byte) (*engine, error) {
	if uint64(len(memory)) < minPages*pageSize {
		return nil, fmt.Errorf("re2wasm: a reservation of %d bytes is smaller than re2.wasm's memory", len(memory))
	}
	return &engine{mem: newSharedMemory(memory, minPages)}, nil
}

func (e *engine) name() string { return "aot" }

func (e *engine) memoryPages() uint64 { return uint64(e.mem.Grow(0, 0)) }

// growMemory grows the memory once and for all: see sharedMemory.freeze.
func (e *engine) growMemory(pages uint64) error {
	defer e.mem.freeze()
	if e.mem.Grow(int64(pages), int64(len(e.mem.all)/pageSize)) < 0 {
		return fmt.Errorf("beyond the reservation")
	}
	return nil
}

// module is one instance of the translated module.
type module struct {
	mod *re2go.Module
	watcher
}

// instantiate makes an instance. re2go.New runs the start function, which
// initialises the data segments only the first time (it takes a flag in the
// shared memory with an atomic compare-and-swap).
func (e *engine) instantiate() (m *module, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("re2wasm: instantiating re2.wasm: %v", r)
		}
	}()
	m = new(module)
	m.mod = re2go.New(imports{e.mem, &m.watcher})
	return m, nil
}

// imports is what re2.wasm imports and the translation did not provide
// (see re2go/provided.go): the shared memory; and, for re2go's
// re2w_stopped, the instance's watcher (its Stopped method).
type imports struct {
	mem *sharedMemory
	*watcher
}

func (i imports) Xmemory() re2go.Memory { return i.mem }

func (m *module) initialize() (err error) {
	defer catchTrap(&err)
	m.mod.X_initialize()
	return nil
}

// call calls an export. Traps are Go panics in the translated code
// (an index out of range, unreachable, a division by zero): recovered here,
// they become the call's error, as wazero returns them.
func (m *module) call(f Func, args []uint64) (res uint64, err error) {
	defer catchTrap(&err)
	a := func(k int) int32 { return int32(uint32(args[k])) }
	switch f {
	case Malloc:
		return uint64(uint32(m.mod.Xre2w_malloc(a(0)))), nil
	case Free:
		m.mod.Xre2w_free(a(0))
		return 0, nil
	case HeapInUse:
		return uint64(uint32(m.mod.Xre2w_heap_in_use())), nil
	case HeapTop:
		return uint64(uint32(m.mod.Xre2w_heap_top())), nil
	case HeapStats:
		return uint64(uint32(m.mod.Xre2w_heap_stats())), nil
	case TrimBegin:
		return uint64(uint32(m.mod.Xre2w_trim_begin(a(0), a(1), a(2)))), nil
	case TrimEnd:
		m.mod.Xre2w_trim_end(a(0), a(1))
		return 0, nil
	case PoisonFlag:
		return uint64(uint32(m.mod.Xre2w_poison_flag())), nil
	case DFAFailures:
		return uint64(uint32(m.mod.Xre2w_dfa_failures())), nil
	case Compile:
		return uint64(uint32(m.mod.Xre2w_compile(a(0), a(1), a(2), int64(args[3]), a(4)))), nil
	case Delete:
		m.mod.Xre2w_delete(a(0))
		return 0, nil
	case NumGroups:
		return uint64(uint32(m.mod.Xre2w_num_groups(a(0)))), nil
	case Match:
		return uint64(uint32(m.mod.Xre2w_match(a(0), a(1), a(2), a(3), a(4), a(5), a(6)))), nil
	case MatchAll:
		return uint64(uint32(m.mod.Xre2w_match_all(a(0), a(1), a(2), a(3), a(4), a(5), a(6)))), nil
	case SetNew:
		return uint64(uint32(m.mod.Xre2w_set_new(a(0), int64(args[1]), a(2)))), nil
	case SetAdd:
		return uint64(uint32(m.mod.Xre2w_set_add(a(0), a(1), a(2)))), nil
	case SetCompile:
		return uint64(uint32(m.mod.Xre2w_set_compile(a(0)))), nil
	case SetMatch:
		return uint64(uint32(m.mod.Xre2w_set_match(a(0), a(1), a(2), a(3)))), nil
	case SetDelete:
		m.mod.Xre2w_set_delete(a(0))
		return 0, nil
	}
	return 0, fmt.Errorf("no export numbered %d", f)
}

// catchTrap turns a panic of the translated code into *err. Deferred
// directly, so that recover sees the panic.
func catchTrap(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%v", r)
	}
}

func (m *module) setStackPointer(sp uint32) { *m.mod.X__stack_pointer() = int32(sp) }

func (m *module) locksHeld() int32 { return *m.mod.Xre2w_locks_held() }
