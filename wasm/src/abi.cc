// abi.cc: the C ABI of re2.wasm (its allocator is alloc.cc).
//
// Every wasm instance of the module imports the same shared linear memory,
// and any number of them may run these functions at the same time, so RE2's
// lazy initialisation is made thread-safe here (and the heap in alloc.cc).
//
// Offsets cross the ABI as int32 pairs (begin, end), -1 for a group that did
// not take part in the match. Texts are passed whole, with the position where
// the search starts, so that ^, $ and \b see the bytes around it.

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <mutex>

#include "re2/re2.h"
#include "re2/set.h"
#include "re2/stringpiece.h"
#include "util/held.h"
#include "util/host.h"

// re2w_locks_held, declared in util/held.h, is defined here: a mutable wasm
// global, one per instance, exported so that the host can read it after a
// trap.
__asm__(
    ".globl re2w_locks_held\n"
    "re2w_locks_held:\n");

extern "C" {
// re2w_poisoned is set by the host when a trap left a lock held.
int32_t re2w_poisoned = 0;
}

// libc++ for wasm32-wasi is built without threads, so its std::call_once is
// a plain flag. RE2 uses call_once for lazily built parts of a compiled
// regexp (the DFAs, the reverse program, group names), which goroutines on
// different instances may ask for at once. This definition replaces the
// library's (the macros name libc++'s versioned namespace): the flag goes
// 0 (unset) -> 1 (running) -> ~0 (complete).
_LIBCPP_BEGIN_NAMESPACE_STD
void __call_once(volatile once_flag::_State_type& flag, void* arg,
                 void (*func)(void*)) {
  static_assert(sizeof(once_flag::_State_type) == sizeof(int32_t),
                "wait32 needs a 32-bit flag");
  auto* f = const_cast<once_flag::_State_type*>(&flag);
  for (;;) {
    once_flag::_State_type s = 0;
    if (__atomic_compare_exchange_n(f, &s, 1, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST)) {
      re2w::CountHeld(1);
      func(arg);
      re2w::CountHeld(-1);
      __atomic_store_n(f, ~once_flag::_State_type(0), __ATOMIC_SEQ_CST);
      __builtin_wasm_memory_atomic_notify(reinterpret_cast<int32_t*>(f), ~0u);
      return;
    }
    if (s == ~once_flag::_State_type(0)) return;
    re2w::WaitWhile(reinterpret_cast<int32_t*>(f), 1);
  }
}
_LIBCPP_END_NAMESPACE_STD

// The same holds for function-local statics: libc++abi's guards are plain
// flags. The link wraps them (--wrap). Only the guard's first 32-bit word is
// used (wasm32 guards may be that small): its first byte, which the
// compiler's inline check reads, becomes 1 once initialised; kRunning marks
// an initialisation in progress.
extern "C" {
static const int32_t kRunning = 0x100;

int __wrap___cxa_guard_acquire(int32_t* guard) {
  if (__atomic_load_n(reinterpret_cast<uint8_t*>(guard), __ATOMIC_SEQ_CST))
    return 0;
  for (;;) {
    int32_t s = 0;
    if (__atomic_compare_exchange_n(guard, &s, kRunning, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
      re2w::CountHeld(1);
      return 1;  // the caller initialises, then calls release or abort
    }
    if (s & 1) return 0;
    re2w::WaitWhile(guard, s);
  }
}

void __wrap___cxa_guard_release(int32_t* guard) {
  re2w::CountHeld(-1);
  __atomic_store_n(guard, 1, __ATOMIC_SEQ_CST);
  __builtin_wasm_memory_atomic_notify(guard, ~0u);
}

void __wrap___cxa_guard_abort(int32_t* guard) {
  re2w::CountHeld(-1);
  __atomic_store_n(guard, 0, __ATOMIC_SEQ_CST);
  __builtin_wasm_memory_atomic_notify(guard, ~0u);
}
}  // extern "C"

namespace {

// Compile flags (re2w_compile).
enum : uint32_t {
  kLongest = 1 << 0,  // leftmost-longest instead of leftmost-first
  kLatin1 = 1 << 2,   // pattern and text are Latin-1, not UTF-8
  // The text is UTF-8 (Latin-1 patterns included, when the caller translates
  // its pattern to UTF-8 byte sequences) in which invalid bytes stand alone:
  // match-all advances over an empty match by one character.
  kUTF8Text = 1 << 4,
  // An empty match may be found inside a character (\B holds there); such a
  // match is moved on to the next character boundary, as a rune-by-rune
  // matcher would find it.
  kCheckCharStart = 1 << 5,
};

struct Regex {
  Regex(const re2::StringPiece& pattern, const RE2::Options& options,
        uint32_t f)
      : re(pattern, options), flags(f) {}
  RE2 re;
  uint32_t flags;
};

// dfa_failures counts the searches in which a DFA ran out of its memory
// budget, after which RE2 finishes the search with the NFA or the bit-state
// matcher. It lets the host see that such a fallback happened.
uint32_t dfa_failures = 0;

void CountDFAFailure(const re2::hooks::DFASearchFailure&) {
  __atomic_fetch_add(&dfa_failures, 1, __ATOMIC_SEQ_CST);
}

static_assert(sizeof(re2::StringPiece) == 2 * sizeof(int32_t),
              "offsets are converted in place from StringPieces");

bool IsContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// CharWidth is the width of the character at text[i], decoded as Go decodes:
// an invalid byte is a character of width 1.
size_t CharWidth(const uint8_t* text, size_t len, size_t i) {
  uint8_t b = text[i];
  size_t n;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  if (i + n > len) return 1;
  if (text[i + 1] < lo || text[i + 1] > hi) return 1;
  for (size_t k = 2; k < n; k++)
    if (!IsContinuation(text[i + k])) return 1;
  return n;
}

// Search finds the leftmost match in text[pos:end] and writes ngroups
// offset pairs to offsets; the bytes outside are context (for ^, $, \b).
// It returns whether there was a match.
bool Search(Regex* r, const uint8_t* text, size_t len, size_t pos, size_t end,
            int32_t* offsets, int ngroups) {
  re2::StringPiece all(reinterpret_cast<const char*>(text), len);
  re2::StringPiece first;
  bool check = r->flags & kCheckCharStart;
  re2::StringPiece* sub = reinterpret_cast<re2::StringPiece*>(offsets);
  int n = ngroups;
  if (check && n == 0) {
    sub = &first;
    n = 1;
  }
  for (;;) {
    if (!r->re.Match(all, pos, end, RE2::UNANCHORED, sub, n))
      return false;
    if (!check) break;
    size_t begin = sub[0].data() - all.data();
    if (begin == 0 || begin >= end || !IsContinuation(text[begin])) break;
    // Only an empty match can begin inside a character; go on from the
    // next character boundary.
    pos = begin;
    while (pos < end && IsContinuation(text[pos])) pos++;
  }
  for (int i = 0; i < ngroups; i++) {
    const char* data = sub[i].data();
    size_t size = sub[i].size();
    if (data == NULL) {
      offsets[2 * i] = -1;
      offsets[2 * i + 1] = -1;
    } else {
      int32_t begin = static_cast<int32_t>(data - all.data());
      offsets[2 * i] = begin;
      offsets[2 * i + 1] = begin + static_cast<int32_t>(size);
    }
  }
  return true;
}

}  // namespace

extern "C" {

// re2w_poison_flag is the address of re2w_poisoned (util/held.h).
__attribute__((export_name("re2w_poison_flag"))) int32_t* re2w_poison_flag() {
  return &re2w_poisoned;
}

// re2w_dfa_failures is the number of searches so far in which a DFA ran out
// of memory and RE2 fell back to another matcher.
__attribute__((export_name("re2w_dfa_failures"))) uint32_t
re2w_dfa_failures() {
  return __atomic_load_n(&dfa_failures, __ATOMIC_SEQ_CST);
}

// re2w_compile compiles pattern[0:len] and returns a handle, or 0 with RE2's
// error code in *code (RE2::ErrorCode; ErrorPatternTooLarge means max_mem was
// too small). It never prints.
__attribute__((export_name("re2w_compile"))) Regex* re2w_compile(
    const char* pattern, size_t len, uint32_t flags, int64_t max_mem,
    int32_t* code) {
  // A plain atomic store: no search can run before the first compile.
  re2::hooks::SetDFASearchFailureHook(CountDFAFailure);
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(flags & kLongest);
  options.set_encoding((flags & kLatin1) ? RE2::Options::EncodingLatin1
                                         : RE2::Options::EncodingUTF8);
  if (max_mem > 0) options.set_max_mem(max_mem);
  Regex* r = new Regex(re2::StringPiece(pattern, len), options, flags);
  *code = r->re.error_code();
  if (*code != RE2::NoError) {
    delete r;
    return NULL;
  }
  return r;
}

// re2w_delete frees a handle from re2w_compile.
__attribute__((export_name("re2w_delete"))) void re2w_delete(Regex* r) {
  delete r;
}

// re2w_num_groups is the number of capture groups, not counting the whole
// match.
__attribute__((export_name("re2w_num_groups"))) int re2w_num_groups(Regex* r) {
  return r->re.NumberOfCapturingGroups();
}

// re2w_match searches text[pos:end] for the leftmost match, the rest of
// text[0:len] being context, and writes ngroups pairs of offsets (group 0
// is the whole match) to offsets. It returns 1 on a match, 0 otherwise. It
// allocates nothing of its own.
__attribute__((export_name("re2w_match"))) int re2w_match(
    Regex* r, const uint8_t* text, size_t len, size_t pos, size_t end,
    int32_t* offsets, int ngroups) {
  if (pos > end || end > len) return 0;
  return Search(r, text, len, pos, end, offsets, ngroups);
}

// re2w_match_all finds successive matches in text[0:len] as Go's FindAll
// does: an empty match right after the previous match is not reported, and
// the search moves on by one character (one byte in Latin-1 mode). cursor
// holds {position, end of the previous match}: {0, -1} to begin. It writes
// up to max matches of ngroups (>= 1) offset pairs each to out, updates the
// cursor and returns how many it wrote. The search is over once cursor[0]
// exceeds len; until then, call again to continue.
__attribute__((export_name("re2w_match_all"))) int re2w_match_all(
    Regex* r, const uint8_t* text, size_t len, int32_t* cursor, int32_t* out,
    int ngroups, int max) {
  size_t pos = static_cast<size_t>(cursor[0]);
  int32_t prev_end = cursor[1];
  bool bytes = (r->flags & kLatin1) && !(r->flags & kUTF8Text);
  int count = 0;
  // Each search looks at the host (re2w_stopped) only when it is long: the
  // loop asks too, after kStopSearches searches or kStopStride bytes.
  size_t asked_at = pos;
  int unasked = kStopSearches;
  while (count < max && pos <= len) {
    if (--unasked == 0 || pos - asked_at >= kStopStride) {
      if (re2w_stopped()) break;  // the host throws the results away
      asked_at = pos;
      unasked = kStopSearches;
    }
    int32_t* m = out + static_cast<size_t>(count) * 2 * ngroups;
    if (!Search(r, text, len, pos, len, m, ngroups)) {
      pos = len + 1;
      break;
    }
    bool accept = true;
    if (static_cast<size_t>(m[1]) == pos) {
      // An empty match at pos: skip it if it touches the previous match.
      if (m[0] == prev_end) accept = false;
      if (pos >= len)
        pos = len + 1;
      else
        pos += bytes ? 1 : CharWidth(text, len, pos);
    } else {
      pos = static_cast<size_t>(m[1]);
    }
    prev_end = m[1];
    if (accept) count++;
  }
  cursor[0] = static_cast<int32_t>(pos);
  cursor[1] = prev_end;
  return count;
}

// Sets (RE2::Set). A set is made (re2w_set_new), given its patterns
// (re2w_set_add), compiled once (re2w_set_compile), then matched by any
// number of instances at a time (re2w_set_match) and freed
// (re2w_set_delete). Its patterns take kLatin1 of re2w_compile's flags;
// anchor is 0 (unanchored) or 1 (matches begin at the start of the text).

// re2w_set_new returns an empty set.
__attribute__((export_name("re2w_set_new"))) RE2::Set* re2w_set_new(
    uint32_t flags, int64_t max_mem, int anchor) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding((flags & kLatin1) ? RE2::Options::EncodingLatin1
                                         : RE2::Options::EncodingUTF8);
  if (max_mem > 0) options.set_max_mem(max_mem);
  return new RE2::Set(options, anchor == 1 ? RE2::ANCHOR_START
                                           : RE2::UNANCHORED);
}

// re2w_set_add adds pattern[0:len] and returns its index in the set, or -1
// when RE2 cannot parse it.
__attribute__((export_name("re2w_set_add"))) int re2w_set_add(
    RE2::Set* s, const char* pattern, size_t len) {
  return s->Add(re2::StringPiece(pattern, len), NULL);
}

// re2w_set_compile compiles the set; it returns 0 when the program exceeds
// the memory budget, 1 otherwise.
__attribute__((export_name("re2w_set_compile"))) int re2w_set_compile(
    RE2::Set* s) {
  return s->Compile() ? 1 : 0;
}

// re2w_set_match writes the indices of the patterns that match
// text[0:len] to out, which has room for every pattern of the set, and
// returns how many it wrote. It returns -1 when the set's DFA ran out of
// memory and -2 on any other error of RE2's: then which patterns match is
// not known (never "none").
__attribute__((export_name("re2w_set_match"))) int re2w_set_match(
    RE2::Set* s, const char* text, size_t len, int32_t* out) {
  std::vector<int> matched;
  RE2::Set::ErrorInfo info;
  info.kind = RE2::Set::kNoError;
  bool ok = s->Match(re2::StringPiece(text, len), &matched, &info);
  if (info.kind == RE2::Set::kOutOfMemory) return -1;
  if (info.kind != RE2::Set::kNoError) return -2;
  if (!ok) return 0;
  for (size_t i = 0; i < matched.size(); i++)
    out[i] = static_cast<int32_t>(matched[i]);
  return static_cast<int>(matched.size());
}

// re2w_set_delete frees a set from re2w_set_new.
__attribute__((export_name("re2w_set_delete"))) void re2w_set_delete(
    RE2::Set* s) {
  delete s;
}

}  // extern "C"
