package re2wasm

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"

	"github.com/re2wasm/regexp/internal/rt"
)

// Set is an RE2::Set compiled inside the wasm memory: patterns matched in
// one pass, reporting which of them match. In UTF-8 mode its patterns are
// RE2's UTF-8 pattern text (re2syntax.TranslateUTF8) and its texts are
// copied as they are, as for a Regexp without Latin1; otherwise they are
// RE2 Latin-1 pattern text over UTF-8 byte sequences (re2syntax.Translate),
// and its texts are copied with invalid UTF-8 replaced by 0xFF, as
// UTF8Text does for a Regexp. It is safe for concurrent use.
type Set struct {
	addr     uint32 // the RE2::Set* handle in linear memory
	n        int    // patterns
	sanitize bool   // Latin-1 mode: invalid UTF-8 in texts is replaced
}

// ErrSetOutOfMemory is returned by SetMatch when the set's DFA ran out of
// its memory budget: which patterns match is then unknown.
var ErrSetOutOfMemory = errors.New("re2wasm: the set's DFA ran out of memory")

// ErrSetTooLarge is returned by CompileSet when the set's program exceeds
// the memory budget.
var ErrSetTooLarge = errors.New("re2wasm: the set exceeds its memory budget")

// SetAddError is a pattern of a set that RE2 could not parse (a counted
// repetition beyond its limits, say).
type SetAddError struct {
	Index   int
	Pattern string
}

func (e *SetAddError) Error() string {
	return fmt.Sprintf("re2: the set cannot hold pattern %d: %q", e.Index, e.Pattern)
}

// CompileSet compiles patterns (RE2 pattern text of the mode, see Set) into
// one set, unanchored or with every match beginning at the start of the
// text.
// maxMem is RE2's memory budget (0 for its default of 8 MiB), shared by
// the program and its DFA. A pattern RE2 cannot parse fails with a
// *SetAddError; a program beyond the budget with ErrSetTooLarge.
func CompileSet(patterns []string, utf8, anchored bool, maxMem int64) (*Set, error) {
	inst, err := rt.Acquire()
	if err != nil {
		return nil, err
	}
	defer inst.Release()
	anchor := uint64(0)
	if anchored {
		anchor = 1
	}
	flags := Latin1
	if utf8 {
		flags = 0
	}
	h, err := inst.Call(rt.SetNew, uint64(flags), uint64(re2Budget(maxMem)), anchor)
	if err != nil {
		return nil, err
	}
	if h == 0 {
		return nil, errors.New("re2wasm: cannot allocate a set")
	}
	fail := func(err error) (*Set, error) {
		inst.Call(rt.SetDelete, h)
		return nil, err
	}
	for i, p := range patterns {
		buf, err := inst.Scratch(len(p))
		if err != nil {
			return fail(err)
		}
		copy(inst.Memory()[buf:], p)
		idx, err := inst.Call(rt.SetAdd, h, uint64(buf), uint64(len(p)))
		if err != nil {
			return fail(err)
		}
		if int(int32(idx)) != i {
			return fail(&SetAddError{Index: i, Pattern: p})
		}
	}
	ok, err := inst.Call(rt.SetCompile, h)
	if err != nil {
		return fail(err)
	}
	if ok == 0 {
		return fail(ErrSetTooLarge)
	}
	s := &Set{addr: uint32(h), n: len(patterns), sanitize: !utf8}
	runtime.AddCleanup(s, deleteSet, s.addr)
	return s, nil
}

func deleteSet(addr uint32) {
	inst, err := rt.Acquire()
	if err != nil {
		return
	}
	defer inst.Release()
	inst.Call(rt.SetDelete, uint64(addr))
}

// SetMatch appends to dst the indices of the set's patterns that match
// text, in the order RE2 reports them (not sorted), and returns dst. When
// the set's DFA runs out of memory it returns ErrSetOutOfMemory: never a
// partial answer. Once ctx is done the search ends early and returns
// ctx.Err().
func SetMatch[T Text](ctx context.Context, s *Set, text T, dst []int) ([]int, error) {
	inst, err := acquire(ctx)
	if err != nil {
		return dst, err
	}
	defer inst.Release()
	defer runtime.KeepAlive(s)
	textAddr, outAddr, err := loadText(inst, text, s.sanitize, 4*s.n)
	if err != nil {
		return dst, loadErr(ctx, err)
	}
	got, err := inst.Call(rt.SetMatch, uint64(s.addr), uint64(textAddr), uint64(len(text)), uint64(outAddr))
	if err == nil {
		err = stopped(ctx, inst)
	}
	if err != nil {
		return dst, err
	}
	switch n := int(int32(got)); {
	case n == -1:
		return dst, ErrSetOutOfMemory
	case n < 0 || n > s.n:
		return dst, fmt.Errorf("re2wasm: the set's match failed (%d)", n)
	default:
		mem := inst.Memory()
		dst = slices.Grow(dst, n)
		for i := range n {
			dst = append(dst, int(int32(le32(mem[int(outAddr)+4*i:]))))
		}
	}
	return dst, nil
}
