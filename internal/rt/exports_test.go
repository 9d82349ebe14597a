package rt

import (
	"context"
	"slices"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/re2wasm/regexp/wasm"
)

// The functions re2.wasm exports (those marked export_name in
// wasm/src/abi.cc and alloc.cc, and the reactor's _initialize) are exactly
// those funcNames calls by number: an export that lost its Go name, or a
// name whose export is gone, fails here rather than at a call.
func TestExportsAreFuncNames(t *testing.T) {
	compiled := readModule(t)
	var exported []string
	for name := range compiled.ExportedFunctions() {
		if name != "_initialize" {
			exported = append(exported, name)
		}
	}
	slices.Sort(exported)
	named := slices.Sorted(slices.Values(funcNames[:]))
	if !slices.Equal(exported, named) {
		t.Errorf("re2.wasm exports %q;\nfuncNames has %q", exported, named)
	}
}

// readModule is wasm/re2.wasm as wazero reads it, for tests of what the
// module declares (under the aot engine, wazero only reads it).
func readModule(t *testing.T) wazero.CompiledModule {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().
		WithCoreFeatures(api.CoreFeaturesV2|experimental.CoreFeaturesThreads))
	t.Cleanup(func() { r.Close(ctx) })
	compiled, err := r.CompileModule(ctx, wasm.Binary)
	if err != nil {
		t.Fatal(err)
	}
	return compiled
}
