// Package rt runs re2.wasm on wazero: one runtime per process, made on first
// use, one shared linear memory, and a pool of light instances of the module
// (one per goroutine in flight), each with its own stack in that memory.
//
// Nothing of wazero leaks out of this package: callers get an *Instance,
// call the module's exports by number with integer arguments, and read and
// write the linear memory as a []byte.
//
// Environment:
//
//	RE2WASM_ENGINE=interpreter   use wazero's interpreter instead of its compiler
//	RE2WASM_NO_CACHE=1           do not keep compiled code in the user cache directory
package rt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/re2wasm/regexp/wasm"
)

// Func names an export of re2.wasm (see wasm/abi.cc).
type Func int

const (
	Malloc Func = iota
	Free
	HeapInUse
	Compile
	Delete
	NumGroups
	GroupNames
	Match
	MatchAll
	numFuncs
)

var funcNames = [numFuncs]string{
	Malloc:     "re2w_malloc",
	Free:       "re2w_free",
	HeapInUse:  "re2w_heap_in_use",
	Compile:    "re2w_compile",
	Delete:     "re2w_delete",
	NumGroups:  "re2w_num_groups",
	GroupNames: "re2w_group_names",
	Match:      "re2w_match",
	MatchAll:   "re2w_match_all",
}

func (f Func) String() string { return funcNames[f] }

// stackSize is the wasm stack of every instance but the first, which uses
// the one the linker laid out. RE2 walks patterns with explicit stacks, so
// its own recursion is shallow.
const stackSize = 1 << 20

// pageSize is the size of a wasm page.
const pageSize = 64 << 10

// machine is the process-wide wazero runtime with re2.wasm compiled in it.
type machine struct {
	runtime  wazero.Runtime
	compiled wazero.CompiledModule
	engine   string
	memory   []byte // the whole reservation; the module sees a prefix of it

	// boot is the first instance. It ran _initialize and owns the stack the
	// linker laid out; it is kept out of the pool and, under bootMu, lays out
	// and frees the stacks of the other instances.
	bootMu sync.Mutex
	boot   *Instance

	pool pool
}

var get = sync.OnceValues(start)

// start builds the machine. It runs once per process, on first use.
func start() (*machine, error) {
	ctx := context.Background()
	m := &machine{engine: engineName()}
	m.pool.maxWarm = runtime.GOMAXPROCS(0)
	compiled, err := m.compile(ctx, cacheDir())
	if err != nil {
		// A broken or read-only cache must not break the package.
		compiled, err = m.compile(ctx, "")
	}
	if err != nil {
		return nil, fmt.Errorf("re2wasm: compiling re2.wasm: %w", err)
	}
	m.compiled = compiled

	if err := m.instantiateEnvironment(ctx); err != nil {
		return nil, err
	}
	boot, err := m.newInstance(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := boot.mod.ExportedFunction("_initialize").Call(ctx); err != nil {
		return nil, fmt.Errorf("re2wasm: initializing re2.wasm: %w", err)
	}
	m.boot = boot
	if err := m.growMemory(); err != nil {
		return nil, err
	}
	return m, nil
}

// growMemory grows the shared memory to all of the reservation, once, after
// the allocator has taken the initial heap: from then on the memory's length
// never changes under a running instance (wazero's interpreter reads it
// unsynchronised), and abi.cc's sbrk hands out pages that already exist.
// Untouched pages cost nothing.
func (m *machine) growMemory() error {
	p, err := m.boot.Call(Malloc, 16) // initialises the allocator
	if err != nil {
		return err
	}
	if _, err := m.boot.Call(Free, p); err != nil {
		return err
	}
	mem := m.boot.mod.Memory()
	// One page short of 4 GiB: wazero reports sizes as uint32.
	pages := uint32(uint64(len(m.memory))/pageSize) - 1 - mem.Size()/pageSize
	if _, ok := mem.Grow(pages); !ok {
		return fmt.Errorf("re2wasm: growing the shared memory by %d pages failed", pages)
	}
	return nil
}

func engineName() string {
	if os.Getenv("RE2WASM_ENGINE") == "interpreter" {
		return "interpreter"
	}
	return "compiler"
}

// cacheDir is where compiled code is kept between processes, or "" for no
// cache.
func cacheDir() string {
	if os.Getenv("RE2WASM_NO_CACHE") != "" {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "re2wasm")
}

// compile makes the runtime and compiles the module in it, with a
// compilation cache in dir unless dir is "". On failure the runtime is
// closed, so that the caller can try again without the cache.
func (m *machine) compile(ctx context.Context, dir string) (wazero.CompiledModule, error) {
	var config wazero.RuntimeConfig
	if m.engine == "interpreter" {
		config = wazero.NewRuntimeConfigInterpreter()
	} else {
		config = wazero.NewRuntimeConfig() // the compiler where wazero has one
	}
	config = config.WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesThreads)
	if dir != "" {
		cache, err := wazero.NewCompilationCacheWithDir(dir)
		if err != nil {
			return nil, err
		}
		config = config.WithCompilationCache(cache)
	}
	r := wazero.NewRuntimeWithConfig(ctx, config)
	ctx = experimental.WithCompilationWorkers(ctx, runtime.GOMAXPROCS(0))
	compiled, err := r.CompileModule(ctx, wasm.Binary)
	if err != nil {
		r.Close(ctx)
		return nil, err
	}
	m.runtime = r
	return compiled, nil
}

// instantiateEnvironment provides what re2.wasm imports: the shared memory
// ("env") and the three WASI calls that libc links in but RE2 never makes.
func (m *machine) instantiateEnvironment(ctx context.Context) error {
	memory, err := reserve(reserveLimit)
	if err != nil {
		return fmt.Errorf("re2wasm: reserving %d bytes of address space: %w", uint64(reserveLimit), err)
	}
	m.memory = memory
	alloc := experimental.MemoryAllocatorFunc(func(_, max uint64) experimental.LinearMemory {
		return &linearMemory{buf: memory[:max]}
	})
	minPages := uint32(0)
	for _, imp := range m.compiled.ImportedMemories() {
		minPages = imp.Min()
	}
	env, err := m.runtime.CompileModule(ctx, memoryModule(minPages, reserveLimit/pageSize))
	if err != nil {
		return fmt.Errorf("re2wasm: shared memory: %w", err)
	}
	if _, err := m.runtime.InstantiateModule(experimental.WithMemoryAllocator(ctx, alloc), env,
		wazero.NewModuleConfig().WithName("env")); err != nil {
		return fmt.Errorf("re2wasm: shared memory: %w", err)
	}
	noSys := api.GoModuleFunc(func(_ context.Context, _ api.Module, stack []uint64) {
		stack[0] = 52 // ENOSYS
	})
	i32 := api.ValueTypeI32
	_, err = m.runtime.NewHostModuleBuilder("wasi_snapshot_preview1").
		NewFunctionBuilder().WithGoModuleFunction(noSys, []api.ValueType{i32}, []api.ValueType{i32}).Export("fd_close").
		NewFunctionBuilder().WithGoModuleFunction(noSys, []api.ValueType{i32, api.ValueTypeI64, i32, i32}, []api.ValueType{i32}).Export("fd_seek").
		NewFunctionBuilder().WithGoModuleFunction(noSys, []api.ValueType{i32, i32, i32, i32}, []api.ValueType{i32}).Export("fd_write").
		Instantiate(ctx)
	if err != nil {
		return fmt.Errorf("re2wasm: WASI stubs: %w", err)
	}
	return nil
}

// linearMemory hands wazero the reservation; growing only lengthens the
// slice, so the memory never moves.
type linearMemory struct{ buf []byte }

func (l *linearMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(l.buf)) {
		return nil
	}
	return l.buf[:size]
}

// Free does nothing: the reservation lives as long as the process, since
// instances that import it are never closed.
func (l *linearMemory) Free() {}

// memoryModule is a wasm module that defines and exports a shared memory of
// min to max pages (the binary format, written out by hand).
func memoryModule(min, max uint32) []byte {
	b := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}
	limits := append([]byte{0x03}, leb128(min)...) // 0x03: shared, with a maximum
	limits = append(limits, leb128(max)...)
	memSection := append([]byte{0x01}, limits...)
	b = append(b, 0x05)
	b = append(b, leb128(uint32(len(memSection)))...)
	b = append(b, memSection...)
	export := []byte{0x01, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00}
	b = append(b, 0x07)
	b = append(b, leb128(uint32(len(export)))...)
	return append(b, export...)
}

func leb128(v uint32) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

// Engine says which wazero engine runs the module: "compiler" or
// "interpreter".
func Engine() (string, error) {
	m, err := get()
	if err != nil {
		return "", err
	}
	return m.engine, nil
}

// Stats describes the memory the runtime holds.
type Stats struct {
	LinearBytes   uint64 // size of the wasm linear memory (touched or not); it never shrinks
	HeapBytes     uint64 // bytes allocated in it and not yet freed
	StackBytes    uint64 // of which instances' stacks
	ReservedBytes uint64 // address space reserved for it
	Instances     int    // instances made so far, including the first
	Idle          int    // instances in the pool now
	InUse         int    // instances handed out now
	Lost          int    // instances dropped after a trap
}

// ReadStats reports the runtime's memory and instances.
func ReadStats() (Stats, error) {
	m, err := get()
	if err != nil {
		return Stats{}, err
	}
	s := m.pool.stats()
	s.LinearBytes = uint64(m.boot.mod.Memory().Size())
	m.bootMu.Lock()
	defer m.bootMu.Unlock()
	if s.HeapBytes, err = m.boot.Call(HeapInUse); err != nil {
		return Stats{}, err
	}
	s.ReservedBytes = uint64(len(m.memory))
	return s, nil
}

// ErrTrap is wrapped by the error of a call that trapped inside wasm.
var ErrTrap = errors.New("re2wasm: wasm trap")
