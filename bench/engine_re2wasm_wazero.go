//go:build !nore2wasm && re2wasm_wazero

package bench

// re2wasmWazero: built with -tags re2wasm_wazero, the library runs on wazero.
const re2wasmWazero = true
