//go:build !(unix && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64 || mips64 || mips64le)) && !(386 || arm || mips || mipsle || wasm)

package rt

// reserveLimit is the size of the shared memory on 64-bit targets without
// the mmap reservation (Windows, Plan 9, ...): it lives in the Go heap.
const reserveLimit = 1 << 30
