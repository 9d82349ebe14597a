// What every lock of re2.wasm shares: alloc.cc's heap lock, call_once and
// static-local guards, and RE2's Mutex (util/mutex.h).
//
// A trap stops an instance wherever it is. Were it holding a lock, the lock
// would stay held and every later caller would wait for ever; the state the
// lock guards may also be half-updated. So each instance counts the locks it
// holds in a wasm global of its own, re2w_locks_held, which the host reads
// after a trap: if it is not zero, the host sets re2w_poisoned and refuses
// any further call, and an instance already waiting for a lock traps at its
// next wake-up instead of waiting for ever. Waits therefore wake up every
// kPollNanos to look at the flag.

#ifndef UTIL_HELD_H_
#define UTIL_HELD_H_

#include <stdint.h>

// The global is defined in abi.cc; every file that counts declares it.
__asm__(".globaltype re2w_locks_held, i32\n");

extern "C" int32_t re2w_poisoned;  // set by the host, in the shared memory

namespace re2w {

// CountHeld adds n (1 or -1) to the calling instance's re2w_locks_held.
inline void CountHeld(int32_t n) {
  __asm__ volatile(
      "global.get re2w_locks_held\n\t"
      "local.get %0\n\t"
      "i32.add\n\t"
      "global.set re2w_locks_held" ::"r"(n));
}

const int64_t kPollNanos = 50 * 1000 * 1000;

// WaitWhile sleeps while *addr == value, or until a notify or kPollNanos
// have passed; callers look at the lock again when it returns. If the host
// has declared the shared state broken, it traps.
inline void WaitWhile(int32_t* addr, int32_t value) {
  __builtin_wasm_memory_atomic_wait32(addr, value, kPollNanos);
  if (__atomic_load_n(&re2w_poisoned, __ATOMIC_SEQ_CST)) __builtin_trap();
}

}  // namespace re2w

#endif  // UTIL_HELD_H_
