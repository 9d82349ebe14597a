//go:build 386 || arm || mips || mipsle || wasm

package rt

// reserveLimit keeps the shared memory small where address space is scarce:
// 32-bit targets, and js/wasm and wasip1/wasm, whose whole process lives in
// one wasm memory of at most 4 GiB. A larger reservation would make the
// first use fail there, or starve the rest of the program.
const reserveLimit = 256 << 20
