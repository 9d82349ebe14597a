// util/host.h: functions that the host (internal/rt) provides to
// re2.wasm, imported from the module "re2w". They run Go code where Go is
// faster than wasm: the aot engine calls them as plain Go methods
// (internal/rt/re2go/provided.go), wazero as host functions.

#ifndef RE2WASM_UTIL_HOST_H_
#define RE2WASM_UTIL_HOST_H_

#include <stddef.h>
#include <stdint.h>

extern "C" {

// re2w_index returns the offset of the first occurrence of needle[0:n] in
// text[0:size], or -1.
__attribute__((import_module("re2w"), import_name("re2w_index"))) int32_t
re2w_index(const void* text, size_t size, const void* needle, size_t n);

}  // extern "C"

#endif  // RE2WASM_UTIL_HOST_H_
