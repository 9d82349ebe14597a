// Package wasm holds re2.wasm, RE2 compiled to WebAssembly by `make wasm`
// from Debian's sources and abi.cc. It exists for this module's runtime; its
// contents are not a stable API.
package wasm

import _ "embed"

// Binary is the committed re2.wasm.
//
//go:embed re2.wasm
var Binary []byte
