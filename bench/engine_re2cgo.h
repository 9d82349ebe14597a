// The C ABI of engine_re2cgo.cc (built only with cgo and the re2cgo tag).

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// re2cgo_new compiles a pattern; on failure it returns NULL and sets *err to
// a message to free().
void* re2cgo_new(const char* pattern, size_t len, char** err);
void re2cgo_delete(void* re);
int re2cgo_groups(void* re);
// re2cgo_match searches text for the leftmost-first match; with nsub > 0 it
// writes nsub pairs of offsets (-1 when a group is unset) to out.
int re2cgo_match(void* re, const char* text, size_t n, int nsub, int64_t* out);
// re2cgo_match_all writes up to max successive matches (nsub pairs each)
// with Go's rules for empty matches. state is {next position, end of the
// previous match, done}: start with {0, -1, 0} and call again until done.
int re2cgo_match_all(void* re, const char* text, size_t n, int nsub, int64_t* out, int max,
                     int64_t* state);

#ifdef __cplusplus
}
#endif
