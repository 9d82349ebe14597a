// Package re2wasm is the typed Go face of re2.wasm's C ABI (wasm/src/abi.cc):
// compile, match, match-all, sets. It knows the layout of arguments
// and results in linear memory; the runtime (internal/rt) knows the engines.
//
// A compiled pattern lives in the shared linear memory and is freed when its
// *Regexp becomes unreachable; there is no Close.
package re2wasm

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/re2wasm/regexp/internal/rt"
)

// Flags select RE2 options and how the text is read (see abi.cc).
//
// Without Latin1, RE2 runs in UTF-8 mode (re2syntax.TranslateUTF8 writes
// its patterns): texts are copied into wasm memory as they are, neither
// checked nor sanitised, so the caller passes only valid UTF-8 (on which
// RE2's byte program reads the characters Go reads), or any text when
// re2syntax.NeedsValidUTF8 says the pattern's matches are Go's on any
// text; match-all moves over an empty match by one character, decoded as
// Go decodes.
type Flags uint32

const (
	Longest Flags = 1 << 0 // leftmost-longest instead of leftmost-first
	Latin1  Flags = 1 << 2 // pattern and text are Latin-1 bytes (else UTF-8)
	// UTF8Text: the text is UTF-8 even if the pattern is Latin-1. Invalid
	// bytes of the text are replaced by 0xFF in the copy RE2 sees, empty
	// matches advance by a character, and no match begins inside one.
	UTF8Text Flags = 1 << 4
	// CheckCharStart: the pattern can match empty inside a character (\B);
	// such matches are moved to the next character boundary.
	CheckCharStart Flags = 1 << 5
)

// Options say how CompileWith compiles a pattern: RE2's flags, which cross
// the ABI, and what this package alone acts on.
type Options struct {
	Flags Flags
	// TextAsIs: under UTF8Text, texts are copied as they are, neither
	// checked nor sanitised. For a pattern that matches nothing but ASCII
	// bytes and whole UTF-8 encodings of given characters, never a byte of
	// an invalid sequence, whose matches invalid bytes cannot change.
	TextAsIs bool
	// Budgets are the memory budgets tried in turn (nil: MemoryBudgets).
	Budgets []int64
}

// ErrorCode is RE2's error code (RE2::ErrorCode).
type ErrorCode int

var errorTexts = [...]string{
	"no error", "unexpected error", "invalid escape sequence",
	"invalid character class", "invalid character class range",
	"missing ]", "missing )", "unexpected )", "trailing \\",
	"no argument for repetition operator", "invalid repetition size",
	"bad repetition operator", "invalid perl operator", "invalid UTF-8",
	"invalid named capture group", "pattern too large - compile failed",
}

// RE2's codes that callers act on.
const (
	ErrRepeatSize      ErrorCode = 10 // a counted repetition too large, or nested too deep
	ErrPatternTooLarge ErrorCode = 15 // the program exceeds the memory budget
)

func (c ErrorCode) String() string {
	if c >= 0 && int(c) < len(errorTexts) {
		return errorTexts[c]
	}
	return fmt.Sprintf("error %d", int(c))
}

// Error is a pattern that RE2 refused.
type Error struct {
	Code    ErrorCode
	Pattern string
}

func (e *Error) Error() string {
	return fmt.Sprintf("re2: %s: %q", e.Code, e.Pattern)
}

// Regexp is a pattern compiled by RE2 inside the wasm memory. It is safe for
// concurrent use.
type Regexp struct {
	addr      uint32 // the Regex* handle in linear memory
	flags     Flags
	sanitize  bool // invalid UTF-8 in texts is replaced (UTF8Text, not TextAsIs)
	numGroups int
}

// Compile compiles pattern with RE2. maxMem is RE2's memory budget in bytes
// (0 for RE2's default of 8 MiB); a pattern beyond it fails with
// ErrPatternTooLarge.
func Compile(pattern string, flags Flags, maxMem int64) (*Regexp, error) {
	return compile(pattern, Options{Flags: flags}, maxMem)
}

func compile(pattern string, opts Options, maxMem int64) (*Regexp, error) {
	flags := opts.Flags
	inst, err := rt.Acquire()
	if err != nil {
		return nil, err
	}
	defer inst.Release()
	n := len(pattern)
	buf, err := inst.Scratch(n + 4)
	if err != nil {
		return nil, err
	}
	mem := inst.Memory()
	codeAddr := buf
	patAddr := buf + 4
	copy(mem[patAddr:], pattern)
	h, err := inst.Call(rt.Compile, uint64(patAddr), uint64(n), uint64(flags), uint64(re2Budget(maxMem)), uint64(codeAddr))
	if err != nil {
		return nil, err
	}
	if h == 0 {
		return nil, &Error{Code: ErrorCode(le32(mem[codeAddr:])), Pattern: pattern}
	}
	groups, err := inst.Call(rt.NumGroups, h)
	if err != nil {
		inst.Call(rt.Delete, h)
		return nil, err
	}
	re := &Regexp{addr: uint32(h), flags: flags, numGroups: int(int32(groups)),
		sanitize: flags&UTF8Text != 0 && !opts.TextAsIs}
	runtime.AddCleanup(re, deleteHandle, re.addr)
	return re, nil
}

// re2Budget is maxMem as RE2 should read it. RE2 gives a pattern's
// program two thirds of its budget and the reverse program a third, and
// takes a share of 0 for no limit at all: a budget under 3 bytes would
// lift the cap it asks for.
func re2Budget(maxMem int64) int64 {
	if maxMem > 0 {
		return max(maxMem, 3)
	}
	return maxMem
}

// ErrUnusable is wrapped by the error of every call once a trap has left
// a lock of the shared memory held (see internal/rt).
var ErrUnusable = rt.ErrUnusable

// MemoryBudgets are the memory budgets CompileWith tries in turn, so
// that every pattern Go accepts compiles. A budget caps what RE2 may
// allocate (two thirds for the program and its DFAs' caches, the rest for
// the reverse program); it allocates nothing by itself, and a DFA's cache
// only grows with the states a text makes it build. RE2's default of
// 8 MiB starved the DFA of large alternations, which then flushed its
// cache over and over and fell back to the NFA: 2,663 words of 15 letters
// over 61 KB of subtitles took 60 ms, 6 ms at 16 MiB and 4 ms at 128 MiB
// (go-re2's default); 10,000 small patterns hold as much resident memory
// with either. Tests may change it.
var MemoryBudgets = []int64{128 << 20, 512 << 20, 2 << 30}

// CompileWith compiles pattern with the smallest of opts.Budgets that
// holds its program, tried in increasing order.
func CompileWith(pattern string, opts Options) (*Regexp, error) {
	budgets := opts.Budgets
	if budgets == nil {
		budgets = MemoryBudgets
	}
	var err error
	for i, budget := range budgets {
		if budget < 64*int64(len(pattern)) && i < len(budgets)-1 {
			continue // surely too small: spare RE2 a failed compilation
		}
		var prog *Regexp
		prog, err = compile(pattern, opts, budget)
		if ErrorCodeOf(err) != ErrPatternTooLarge {
			return prog, err
		}
	}
	return nil, err
}

// ErrorCodeOf is RE2's error code in err, or 0.
func ErrorCodeOf(err error) ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// deleteHandle frees a compiled pattern whose Regexp is gone.
func deleteHandle(addr uint32) {
	inst, err := rt.Acquire()
	if err != nil {
		return
	}
	defer inst.Release()
	inst.Call(rt.Delete, uint64(addr))
}

// UTF8 reports whether re was compiled in UTF-8 mode, whose texts are
// copied unchecked.
func (re *Regexp) UTF8() bool { return re.flags&Latin1 == 0 }

// NumGroups is the number of capture groups, not counting the whole match.
func (re *Regexp) NumGroups() int { return re.numGroups }

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func putLE32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}
