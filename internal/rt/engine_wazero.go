//go:build re2wasm_wazero

package rt

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/re2wasm/regexp/internal/preempt"
	"github.com/re2wasm/regexp/wasm"
)

// engine runs re2.wasm on wazero: one runtime per process, the module
// compiled once in it (with a compilation cache on disk), and an "env"
// module that exports the shared memory every instance imports.
type engine struct {
	runtime  wazero.Runtime
	compiled wazero.CompiledModule
	env      api.Module // defines the shared memory
	engine   string     // "compiler" or "interpreter"
	modules  sync.Map   // each api.Module of re2.wasm → its *module
}

// newEngine compiles re2.wasm and provides its imports over memory.
func newEngine(memory []byte) (*engine, error) {
	ctx := context.Background()
	e := &engine{engine: wazeroEngine()}
	compiled, err := e.compile(ctx, cacheDir())
	if err != nil {
		// A broken or read-only cache must not break the package.
		compiled, err = e.compile(ctx, "")
	}
	if err != nil {
		return nil, fmt.Errorf("re2wasm: compiling re2.wasm: %w", err)
	}
	e.compiled = compiled
	if err := e.instantiateEnvironment(ctx, memory); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *engine) name() string { return e.engine }

func (e *engine) memoryPages() uint64 { return uint64(e.env.Memory().Size()) / pageSize }

func (e *engine) growMemory(pages uint64) error {
	if _, ok := e.env.Memory().Grow(uint32(pages)); !ok {
		return fmt.Errorf("wazero refused")
	}
	return nil
}

// wazeroEngine is "interpreter" if RE2WASM_ENGINE asks for it, else
// "compiler".
func wazeroEngine() string {
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
func (e *engine) compile(ctx context.Context, dir string) (wazero.CompiledModule, error) {
	var config wazero.RuntimeConfig
	if e.engine == "interpreter" {
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
	e.runtime = r
	return compiled, nil
}

// instantiateEnvironment provides what re2.wasm imports: the shared memory
// ("env"), the three WASI calls that libc links in but RE2 never makes,
// and our host functions ("re2w").
func (e *engine) instantiateEnvironment(ctx context.Context, memory []byte) error {
	alloc := experimental.MemoryAllocatorFunc(func(_, max uint64) experimental.LinearMemory {
		return &linearMemory{buf: memory[:max]}
	})
	minPages := uint32(0)
	for _, imp := range e.compiled.ImportedMemories() {
		minPages = imp.Min()
	}
	envCompiled, err := e.runtime.CompileModule(ctx, memoryModule(minPages, uint32(uint64(len(memory))/pageSize)))
	if err != nil {
		return fmt.Errorf("re2wasm: shared memory: %w", err)
	}
	if e.env, err = e.runtime.InstantiateModule(experimental.WithMemoryAllocator(ctx, alloc), envCompiled,
		wazero.NewModuleConfig().WithName("env")); err != nil {
		return fmt.Errorf("re2wasm: shared memory: %w", err)
	}
	noSys := api.GoModuleFunc(func(_ context.Context, _ api.Module, stack []uint64) {
		stack[0] = 52 // ENOSYS
	})
	i32 := api.ValueTypeI32
	_, err = e.runtime.NewHostModuleBuilder("wasi_snapshot_preview1").
		NewFunctionBuilder().WithGoModuleFunction(noSys, []api.ValueType{i32}, []api.ValueType{i32}).Export("fd_close").
		NewFunctionBuilder().WithGoModuleFunction(noSys, []api.ValueType{i32, api.ValueTypeI64, i32, i32}, []api.ValueType{i32}).Export("fd_seek").
		NewFunctionBuilder().WithGoModuleFunction(noSys, []api.ValueType{i32, i32, i32, i32}, []api.ValueType{i32}).Export("fd_write").
		Instantiate(ctx)
	if err != nil {
		return fmt.Errorf("re2wasm: WASI stubs: %w", err)
	}
	// wasm/src/include/util/host.h. The api.Module they get is the
	// calling instance of re2.wasm.
	index := api.GoModuleFunc(func(_ context.Context, caller api.Module, stack []uint64) {
		t, n, p, m := uint32(stack[0]), uint32(stack[1]), uint32(stack[2]), uint32(stack[3])
		stack[0] = uint64(uint32(int32(preempt.Index(memory[t:t+n], memory[p:p+m], e.watcherOf(caller)))))
	})
	stopped := api.GoModuleFunc(func(_ context.Context, caller api.Module, stack []uint64) {
		stack[0] = 0
		if e.watcherOf(caller).Stopped() {
			stack[0] = 1
		}
	})
	_, err = e.runtime.NewHostModuleBuilder("re2w").
		NewFunctionBuilder().WithGoModuleFunction(index, []api.ValueType{i32, i32, i32, i32}, []api.ValueType{i32}).Export("re2w_index").
		NewFunctionBuilder().WithGoModuleFunction(stopped, nil, []api.ValueType{i32}).Export("re2w_stopped").
		Instantiate(ctx)
	if err != nil {
		return fmt.Errorf("re2wasm: host functions: %w", err)
	}
	return nil
}

// watcherOf is the watcher of the instance caller of re2.wasm.
func (e *engine) watcherOf(caller api.Module) *watcher {
	m, ok := e.modules.Load(caller)
	if !ok {
		return nil // the start function, before instantiate returns
	}
	return &m.(*module).watcher
}

// module is one wazero instance of re2.wasm, with its exports looked up
// once: ExportedFunction builds a call engine every time.
type module struct {
	mod   api.Module
	fns   [numFuncs]api.Function
	stack []uint64 // arguments and results of call, reused
	watcher
}

// instantiate instantiates the module once more. Its start function finds
// the memory already initialised, except the first time.
func (e *engine) instantiate() (*module, error) {
	mod, err := e.runtime.InstantiateModule(context.Background(), e.compiled,
		wazero.NewModuleConfig().WithName("").WithStartFunctions())
	if err != nil {
		return nil, fmt.Errorf("re2wasm: instantiating re2.wasm: %w", err)
	}
	m := &module{mod: mod, stack: make([]uint64, 8)}
	for f := range numFuncs {
		m.fns[f] = mod.ExportedFunction(funcNames[f])
		if m.fns[f] == nil {
			return nil, fmt.Errorf("re2wasm: re2.wasm does not export %s", funcNames[f])
		}
	}
	e.modules.Store(mod, m)
	return m, nil
}

func (m *module) initialize() error {
	_, err := m.mod.ExportedFunction("_initialize").Call(context.Background())
	return err
}

// call passes context.Background(): every call looks up context values.
func (m *module) call(f Func, args []uint64) (uint64, error) {
	copy(m.stack, args)
	if err := m.fns[f].CallWithStack(context.Background(), m.stack); err != nil {
		return 0, err
	}
	return m.stack[0], nil
}

func (m *module) setStackPointer(sp uint32) {
	m.mod.ExportedGlobal("__stack_pointer").(api.MutableGlobal).Set(uint64(sp))
}

func (m *module) locksHeld() int32 {
	return int32(uint32(m.mod.ExportedGlobal("re2w_locks_held").Get()))
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
// instances that import it are never closed (in wazero v1.12.0, closing any
// module frees an allocator-backed memory it only imports).
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
