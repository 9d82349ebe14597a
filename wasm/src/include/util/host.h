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

// re2w_stopped reports whether the host wants the call under way to end
// (its context is done): then its result is thrown away, and RE2's
// search loops, which ask every kStopStride bytes of text (kStopStrideNFA
// for the NFA, which is slower per byte), end it as soon as they can.
__attribute__((import_module("re2w"), import_name("re2w_stopped"))) int32_t
re2w_stopped();

}  // extern "C"

// About 50 microseconds of the DFA's and the one-pass matcher's work; of
// the NFA's, for a few states.
constexpr size_t kStopStride = 64 << 10;
constexpr size_t kStopStrideNFA = 4 << 10;

// Searches in a row of re2w_match_all between two looks at the host: short
// searches cost about 0.2 microseconds each.
constexpr int kStopSearches = 256;

#endif  // RE2WASM_UTIL_HOST_H_
