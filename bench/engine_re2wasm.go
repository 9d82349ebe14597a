//go:build !nore2wasm

package bench

import (
	"os"

	regexp "github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/extra"

	"github.com/re2wasm/regexp/bench/harness"
)

// re2wasm: this repository's engine. The engine is chosen per build (the
// default aot engine, or wazero with -tags re2wasm_wazero) and, for wazero,
// per process by RE2WASM_ENGINE, so the same adapter is named re2wasm (aot),
// re2wasm-wazero (wazero's compiler) or re2wasm-interp (wazero's
// interpreter). Build with -tags nore2wasm to leave it out.
func init() {
	name, note := "re2wasm", "github.com/re2wasm/regexp, aot (wasm2go)"
	if re2wasmWazero {
		name, note = "re2wasm-wazero", "github.com/re2wasm/regexp, wazero compiler"
		if os.Getenv("RE2WASM_ENGINE") == "interpreter" {
			name, note = "re2wasm-interp", "github.com/re2wasm/regexp, wazero interpreter"
		}
	}
	harness.Register(harness.Engine{
		Name:   name,
		Strict: true,
		Note:   note,
		Compile: func(p string) (harness.Regexp, error) {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, err
			}
			return re, nil
		},
		CompileSet: func(patterns []string) (harness.Set, error) {
			set, err := extra.CompileSet(patterns)
			if err != nil {
				return nil, err
			}
			return set, nil
		},
	})
}
