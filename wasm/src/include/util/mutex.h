// Replacement for RE2's util/mutex.h, found first on the include path.
//
// All wasm instances share one linear memory and may run RE2 code at the same
// time, so RE2 needs real locks. wasi-libc has no pthreads; this reader-writer
// lock is built on wasm atomics (memory.atomic.wait32 and notify).

#ifndef UTIL_MUTEX_H_
#define UTIL_MUTEX_H_

#include <stdint.h>

#include "util/held.h"

namespace re2 {

class Mutex {
 public:
  Mutex() : state_(0) {}
  ~Mutex() {}

  // Lock blocks until no reader or writer holds the lock, then holds it
  // exclusively. A waiting writer keeps new readers out, so a stream of
  // overlapping searches cannot starve a cache reset.
  void Lock() {
    for (;;) {
      int32_t s = __atomic_load_n(&state_, __ATOMIC_SEQ_CST);
      if ((s & ~kWriterWaiting) == 0) {
        if (Swap(s, kWriterHeld)) {
          re2w::CountHeld(1);
          return;
        }
        continue;
      }
      if ((s & kWriterWaiting) == 0) {
        Swap(s, s | kWriterWaiting);
        continue;
      }
      Wait(s);
    }
  }

  void Unlock() {
    re2w::CountHeld(-1);
    __atomic_store_n(&state_, 0, __ATOMIC_SEQ_CST);
    Wake();
  }

  void ReaderLock() {
    for (;;) {
      int32_t s = __atomic_load_n(&state_, __ATOMIC_SEQ_CST);
      if ((s & (kWriterHeld | kWriterWaiting)) == 0) {
        if (Swap(s, s + 1)) {
          re2w::CountHeld(1);
          return;
        }
        continue;
      }
      Wait(s);
    }
  }

  void ReaderUnlock() {
    re2w::CountHeld(-1);
    int32_t s = __atomic_sub_fetch(&state_, 1, __ATOMIC_SEQ_CST);
    if ((s & kReaders) == 0 && (s & kWriterWaiting) != 0) Wake();
  }

  void WriterLock() { Lock(); }
  void WriterUnlock() { Unlock(); }

 private:
  static const int32_t kWriterHeld = 1 << 30;
  static const int32_t kWriterWaiting = 1 << 29;
  static const int32_t kReaders = kWriterWaiting - 1;

  bool Swap(int32_t from, int32_t to) {
    return __atomic_compare_exchange_n(&state_, &from, to, false,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  }
  // Wait sleeps while the state still equals s, for kPollNanos at most
  // (see held.h).
  void Wait(int32_t s) { re2w::WaitWhile(&state_, s); }
  void Wake() { __builtin_wasm_memory_atomic_notify(&state_, ~0u); }

  int32_t state_;

  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;
};

class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }

 private:
  Mutex* const mu_;
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;
};

class ReaderMutexLock {
 public:
  explicit ReaderMutexLock(Mutex* mu) : mu_(mu) { mu_->ReaderLock(); }
  ~ReaderMutexLock() { mu_->ReaderUnlock(); }

 private:
  Mutex* const mu_;
  ReaderMutexLock(const ReaderMutexLock&) = delete;
  ReaderMutexLock& operator=(const ReaderMutexLock&) = delete;
};

class WriterMutexLock {
 public:
  explicit WriterMutexLock(Mutex* mu) : mu_(mu) { mu_->WriterLock(); }
  ~WriterMutexLock() { mu_->WriterUnlock(); }

 private:
  Mutex* const mu_;
  WriterMutexLock(const WriterMutexLock&) = delete;
  WriterMutexLock& operator=(const WriterMutexLock&) = delete;
};

}  // namespace re2

#endif  // UTIL_MUTEX_H_
