// Replacement for RE2's util/logging.h, found first on the include path.
//
// RE2 logs through iostreams to stderr. Inside the sandbox nothing may print,
// and iostreams would pull locales into the module, so every log statement
// compiles to nothing. A fatal check traps, which the Go side turns into an
// error.

#ifndef UTIL_LOGGING_H_
#define UTIL_LOGGING_H_

#include "util/util.h"

namespace re2_logging {

// NullStream swallows whatever is streamed into it.
struct NullStream {
  template <typename T>
  NullStream& operator<<(const T&) { return *this; }
};

// FatalStream traps once the statement that streams into it ends.
struct FatalStream : NullStream {
  ATTRIBUTE_NORETURN ~FatalStream() { __builtin_trap(); }
};

}  // namespace re2_logging

#define DCHECK(condition) while (false) re2_logging::NullStream()
#define DCHECK_EQ(a, b) DCHECK((a) == (b))
#define DCHECK_NE(a, b) DCHECK((a) != (b))
#define DCHECK_LE(a, b) DCHECK((a) <= (b))
#define DCHECK_LT(a, b) DCHECK((a) < (b))
#define DCHECK_GE(a, b) DCHECK((a) >= (b))
#define DCHECK_GT(a, b) DCHECK((a) > (b))

#define CHECK(x) if (x) {} else re2_logging::FatalStream()
#define CHECK_LT(x, y) CHECK((x) < (y))
#define CHECK_GT(x, y) CHECK((x) > (y))
#define CHECK_LE(x, y) CHECK((x) <= (y))
#define CHECK_GE(x, y) CHECK((x) >= (y))
#define CHECK_EQ(x, y) CHECK((x) == (y))
#define CHECK_NE(x, y) CHECK((x) != (y))

#define LOG_INFO re2_logging::NullStream()
#define LOG_WARNING re2_logging::NullStream()
#define LOG_ERROR re2_logging::NullStream()
#define LOG_DFATAL re2_logging::NullStream()
#define LOG_FATAL re2_logging::FatalStream()
#define LOG_QFATAL LOG_FATAL

#define LOG(severity) LOG_##severity
#define VLOG(x) while (false) re2_logging::NullStream()

#endif  // UTIL_LOGGING_H_
