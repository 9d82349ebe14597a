package re2wasm

import (
	"context"
	"errors"
	"runtime"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/re2syntax"
	"github.com/re2wasm/regexp/internal/rt"
)

// Text is what a pattern matches against.
type Text interface{ ~string | ~[]byte }

// batchBytes bounds the offsets one match-all call writes before it returns
// to Go.
const batchBytes = 64 << 10

// Match searches text[pos:end] for the leftmost match, the rest of text
// being context (for ^, $, \b: a match neither begins before pos nor
// ends after end), and fills offsets with len(offsets)/2 pairs (begin,
// end; -1 for a group that did not take part). It returns whether there
// was a match. Once ctx is done the search ends early and returns
// ctx.Err().
func Match[T Text](ctx context.Context, re *Regexp, text T, pos, end int, offsets []int) (bool, error) {
	inst, err := acquire(ctx)
	if err != nil {
		return false, err
	}
	defer inst.Release()
	ngroups := len(offsets) / 2
	textAddr, outAddr, err := load(inst, re, text, 8*ngroups)
	if err != nil {
		return false, loadErr(ctx, err)
	}
	ok, err := inst.Call(rt.Match, uint64(re.addr), uint64(textAddr), uint64(len(text)),
		uint64(pos), uint64(end), uint64(outAddr), uint64(ngroups))
	runtime.KeepAlive(re)
	if err == nil {
		err = stopped(ctx, inst)
	}
	if err != nil || ok == 0 {
		return false, err
	}
	readOffsets(inst.Memory()[outAddr:], offsets)
	return true, nil
}

// MatchAll finds successive matches in text from byte pos on as Go's
// FindAll does (an empty match right after the previous match is skipped)
// and calls yield with the ngroups offset pairs of each, at most n matches
// (all if n < 0). The slice passed to yield is reused; yield returns false
// to stop early. Once ctx is done the search ends early and returns
// ctx.Err() (yield may have been called for matches before).
func MatchAll[T Text](ctx context.Context, re *Regexp, text T, pos, ngroups, n int, yield func(offsets []int) bool) error {
	inst, err := acquire(ctx)
	if err != nil {
		return err
	}
	defer inst.Release()
	defer runtime.KeepAlive(re)
	ngroups = max(ngroups, 1)
	perMatch := 8 * ngroups
	batch := max(batchBytes/perMatch, 1)
	textAddr, cursorAddr, err := load(inst, re, text, 8+batch*perMatch)
	if err != nil {
		return loadErr(ctx, err)
	}
	mem := inst.Memory()
	outAddr := cursorAddr + 8
	putLE32(mem[cursorAddr:], uint32(pos))
	putLE32(mem[cursorAddr+4:], ^uint32(0)) // no previous match
	offsets := inst.Ints(2 * ngroups)
	for n != 0 {
		want := batch
		if n > 0 {
			want = min(want, n)
		}
		got, err := inst.Call(rt.MatchAll, uint64(re.addr), uint64(textAddr), uint64(len(text)),
			uint64(cursorAddr), uint64(outAddr), uint64(ngroups), uint64(want))
		if err == nil {
			err = stopped(ctx, inst)
		}
		if err != nil {
			return err
		}
		for i := range int(int32(got)) {
			readOffsets(mem[int(outAddr)+i*perMatch:], offsets)
			if !yield(offsets) {
				return nil
			}
		}
		if n > 0 {
			n -= int(got)
		}
		if int(int32(le32(mem[cursorAddr:]))) > len(text) {
			break
		}
	}
	return nil
}

// acquire takes an instance whose searches end early once ctx is done
// (rt.Instance.Watch), when ctx can end.
func acquire(ctx context.Context) (*rt.Instance, error) {
	inst, err := rt.Acquire()
	if err == nil && ctx.Done() != nil {
		inst.Watch(ctx)
	}
	return inst, err
}

// stopped returns ctx.Err() if ctx ended while inst was watched, after
// which the results of its last call mean nothing. (Release ends the
// watch.)
func stopped(ctx context.Context, inst *rt.Instance) error {
	if ctx.Done() == nil || !inst.Stopped() {
		return nil
	}
	return ctx.Err()
}

// loadErr is the error of load: ctx.Err() for a copy stopped.
func loadErr(ctx context.Context, err error) error {
	if err == errStopped {
		return ctx.Err()
	}
	return err
}

// load copies text into the instance's scratch buffer, followed by extra
// bytes for results, and returns both addresses. Under UTF8Text, invalid
// UTF-8 in the copy is replaced by 0xFF bytes, as the ABI wants. In UTF-8
// mode the text is the caller's to check: it is copied as it is.
func load[T Text](inst *rt.Instance, re *Regexp, text T, extra int) (textAddr, extraAddr uint32, err error) {
	return loadText(inst, text, re.sanitize, extra)
}

// loadText is load for any reader of the text: when sanitize, invalid
// UTF-8 in the copy is replaced by 0xFF bytes.
func loadText[T Text](inst *rt.Instance, text T, sanitize bool, extra int) (textAddr, extraAddr uint32, err error) {
	n := len(text)
	padded := (n + 7) &^ 7
	buf, err := inst.Scratch(padded + extra)
	if err != nil {
		return 0, 0, err
	}
	mem := inst.Memory()
	copied := mem[buf : int(buf)+n]
	if err := copyIn(inst, copied, text); err != nil {
		return 0, 0, err
	}
	if sanitize && !utf8.Valid(copied) {
		re2syntax.Sanitize(copied)
	}
	return buf, buf + uint32(padded), nil
}

// copyStretch is how much of a text is copied into wasm memory before a
// watched instance is asked whether to stop: about a quarter of a
// millisecond (a stretch of fresh memory costs its page faults too).
const copyStretch = 1 << 20

// errStopped is a copy given up because the watched context ended; the
// search that would follow returns ctx.Err() instead (stopped).
var errStopped = errors.New("re2wasm: stopped")

// copyIn copies text into dst, in stretches between which a watched
// instance may stop it.
func copyIn[T Text](inst *rt.Instance, dst []byte, text T) error {
	for i := 0; i < len(text); i += copyStretch {
		if i > 0 && inst.Stopped() {
			return errStopped
		}
		rt.CopyIn(dst[i:], text[i:min(len(text), i+copyStretch)])
	}
	return nil
}

// readOffsets converts len(offsets)/2 int32 pairs from the wasm memory.
func readOffsets(mem []byte, offsets []int) {
	for i := range offsets {
		offsets[i] = int(int32(le32(mem[4*i:])))
	}
}
