package rt

// The seam between the shared runtime and an engine. Each engine is one
// file with a build tag (engine_aot.go, engine_wazero.go) that defines the
// concrete types engine and module and the function newEngine:
//
//	func newEngine(memory []byte) (*engine, error)
//
// memory is the whole reservation; the engine makes the module see a prefix
// of it, initially the size re2.wasm asks for, that grows in place and never
// moves.
//
// The types are concrete rather than interface values so that calls are
// direct: the arguments of Instance.Call then do not escape, and matching
// allocates nothing in Go. The interfaces below only state the contract and
// check it at compile time.

// engineAPI is the process-wide part of an engine: re2.wasm loaded, the
// shared memory imported.
type engineAPI interface {
	// name is "aot", "compiler" or "interpreter".
	name() string
	// instantiate makes one more instance over the shared memory. The
	// module's start function initialises the memory only the first time.
	instantiate() (*module, error)
	// memoryPages is the size of the shared memory in wasm pages.
	memoryPages() uint64
	// growMemory grows the shared memory by pages. It is called once, at
	// start-up, while only the first instance exists.
	growMemory(pages uint64) error
}

// moduleAPI is one instance of re2.wasm.
type moduleAPI interface {
	// initialize runs _initialize; only on the first instance.
	initialize() error
	// call calls an export; a trap is returned as an error (the caller
	// wraps ErrTrap around it).
	call(f Func, args []uint64) (uint64, error)
	// setStackPointer sets __stack_pointer, the top of the instance's stack.
	setStackPointer(sp uint32)
	// locksHeld is re2w_locks_held: how many locks of the shared memory
	// the instance holds (see wasm/src/include/util/held.h).
	locksHeld() int32
}

var (
	_ engineAPI = (*engine)(nil)
	_ moduleAPI = (*module)(nil)
)
