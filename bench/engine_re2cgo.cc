//go:build cgo && re2cgo

// A small C ABI over native RE2 (Debian's libre2-dev) for engine_re2cgo.go.

#include <re2/re2.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "engine_re2cgo.h"

namespace {

const char kEmpty[1] = {0};

// runeWidth is the width of the UTF-8 sequence at s[0], 1 for an invalid
// byte, as Go counts it when it steps over an empty match.
size_t runeWidth(const char* s, size_t n) {
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t w = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (w > n) w = 1;
  for (size_t i = 1; i < w; i++) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 1;
  }
  return w;
}

}  // namespace

extern "C" {

void* re2cgo_new(const char* pattern, size_t len, char** err) {
  RE2::Options opts;
  opts.set_log_errors(false);
  // go-re2's budget: RE2's default (8 MiB) starves the DFA of large
  // alternations and repeated Unicode classes, and this engine is the
  // measure of what native RE2 can do.
  opts.set_max_mem(int64_t{128} << 20);
  RE2* re = new RE2(re2::StringPiece(pattern, len), opts);
  if (!re->ok()) {
    *err = strdup(re->error().c_str());
    delete re;
    return nullptr;
  }
  *err = nullptr;
  return re;
}

void re2cgo_delete(void* re) { delete static_cast<RE2*>(re); }

int re2cgo_groups(void* re) { return static_cast<RE2*>(re)->NumberOfCapturingGroups(); }

int re2cgo_match(void* rp, const char* text, size_t n, int nsub, int64_t* out) {
  RE2* re = static_cast<RE2*>(rp);
  if (text == nullptr) text = kEmpty;
  re2::StringPiece t(text, n);
  if (nsub == 0) return re->Match(t, 0, n, RE2::UNANCHORED, nullptr, 0);
  std::vector<re2::StringPiece> sub(nsub);
  if (!re->Match(t, 0, n, RE2::UNANCHORED, sub.data(), nsub)) return 0;
  for (int i = 0; i < nsub; i++) {
    if (sub[i].data() == nullptr) {
      out[2 * i] = out[2 * i + 1] = -1;
    } else {
      out[2 * i] = sub[i].data() - text;
      out[2 * i + 1] = sub[i].data() - text + sub[i].size();
    }
  }
  return 1;
}

int re2cgo_match_all(void* rp, const char* text, size_t n, int nsub, int64_t* out, int max,
                     int64_t* state) {
  RE2* re = static_cast<RE2*>(rp);
  if (text == nullptr) text = kEmpty;
  re2::StringPiece t(text, n);
  std::vector<re2::StringPiece> sub(nsub);
  int64_t pos = state[0], prevEnd = state[1];
  int count = 0;
  while (count < max) {
    if (pos > static_cast<int64_t>(n) ||
        !re->Match(t, pos, n, RE2::UNANCHORED, sub.data(), nsub)) {
      state[2] = 1;  // done
      break;
    }
    int64_t start = sub[0].data() - text, end = start + sub[0].size();
    bool accept = true;
    if (end == pos) {
      // An empty match: not right after the previous match, and the next
      // search starts one rune further.
      if (start == prevEnd) accept = false;
      pos += pos < static_cast<int64_t>(n) ? runeWidth(text + pos, n - pos) : 1;
    } else {
      pos = end;
    }
    prevEnd = end;
    if (!accept) continue;
    int64_t* m = out + static_cast<size_t>(count) * 2 * nsub;
    for (int i = 0; i < nsub; i++) {
      if (sub[i].data() == nullptr) {
        m[2 * i] = m[2 * i + 1] = -1;
      } else {
        m[2 * i] = sub[i].data() - text;
        m[2 * i + 1] = sub[i].data() - text + sub[i].size();
      }
    }
    count++;
  }
  state[0] = pos;
  state[1] = prevEnd;
  return count;
}

}  // extern "C"
