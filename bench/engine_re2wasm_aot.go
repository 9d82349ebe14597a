//go:build !nore2wasm && !re2wasm_wazero

package bench

// re2wasmWazero says whether the library was built with its wazero engine
// (-tags re2wasm_wazero) instead of the default aot engine.
const re2wasmWazero = false
