// Package harness holds the benchmark suites that compare regular
// expression engines side by side, and the registry of those engines.
//
// It is its own module and imports no engine but the standard library, so
// that each peer can be linked into a test binary of its own (go-re2 v1.12
// and v1.13 cannot share one go.mod). Engines register themselves from
// small adapter files (see ../engine_*.go); the test binaries call Bench
// for each family of benchmarks and Smoke from a test.
//
// Benchmarks are named Family/case.../engine=NAME, so that
//
//	benchstat -col /engine results.txt
//
// puts the engines side by side.
package harness

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Regexp is the part of the standard library's *regexp.Regexp that the
// suites use. Every engine that mirrors the standard API satisfies it as is.
type Regexp interface {
	Match(b []byte) bool
	MatchString(s string) bool
	FindIndex(b []byte) []int
	FindAllIndex(b []byte, n int) [][]int
	FindSubmatchIndex(b []byte) []int
	FindStringSubmatch(s string) []string
	FindAllSubmatchIndex(b []byte, n int) [][]int
	ReplaceAll(src, repl []byte) []byte
}

// Engine is one regular expression engine.
type Engine struct {
	// Name is the value of the engine= key in benchmark names.
	Name string
	// Compile compiles a pattern of Go's syntax.
	Compile func(pattern string) (Regexp, error)
	// Strict engines must return the standard library's results: Smoke
	// fails on a difference. Other engines (another syntax or semantics,
	// such as native RE2) only have differences logged.
	Strict bool
	// Note is shown in logs (version, build tag, ...).
	Note string
	// CompileSet, for engines that have pattern sets, compiles patterns
	// as one set (the Set family); others match a set pattern by pattern.
	CompileSet func(patterns []string) (Set, error)
}

// Order is the canonical order of the engines in tables and charts.
var Order = []string{"stdlib", "re2wasm", "re2wasm-wazero", "re2wasm-interp", "go-re2", "go-re2-wazero", "re2-cgo"}

var (
	registryMu sync.Mutex
	registry   []*Engine
)

// Register adds an engine. Adapter files call it from init.
func Register(e Engine) {
	registryMu.Lock()
	defer registryMu.Unlock()
	for _, old := range registry {
		if old.Name == e.Name {
			panic("harness: engine registered twice: " + e.Name)
		}
	}
	registry = append(registry, &e)
}

// Rank is an engine's place in Order; engines not in it come last.
func Rank(name string) int {
	if i := slices.Index(Order, name); i >= 0 {
		return i
	}
	return len(Order)
}

// All returns every registered engine, in canonical order.
func All() []*Engine {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := slices.Clone(registry)
	slices.SortStableFunc(out, func(a, b *Engine) int { return Rank(a.Name) - Rank(b.Name) })
	return out
}

// Engines returns the engines to run: all registered ones, or those named in
// the comma-separated environment variable BENCH_ENGINES.
func Engines() []*Engine {
	all := All()
	sel := strings.TrimSpace(os.Getenv("BENCH_ENGINES"))
	if sel == "" {
		return all
	}
	var out []*Engine
	for _, e := range all {
		for _, name := range strings.Split(sel, ",") {
			if strings.TrimSpace(name) == e.Name {
				out = append(out, e)
			}
		}
	}
	return out
}

// Lookup returns the registered engine of that name, or nil.
func Lookup(name string) *Engine {
	if name == reference.Name {
		return reference
	}
	for _, e := range All() {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// reference is the standard library, used to check every engine's results
// whatever engines a binary registers.
var reference = &Engine{
	Name: "reference",
	Compile: func(p string) (Regexp, error) {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		return re, nil
	},
	Strict: true,
}

// mustCompile compiles p with e or panics with the engine's name.
func mustCompile(e *Engine, p string) Regexp {
	re, err := e.Compile(p)
	if err != nil {
		panic(fmt.Sprintf("%s: compiling %q: %v", e.Name, p, err))
	}
	return re
}
