package plan

import (
	gocontext "context"
	"errors"

	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Chunks. On a long text, Match and Find hand RE2 a chunk at a time, the
// first firstChunk bytes long and each next one chunkGrowth times as long,
// so that a match early in the text spares copying the rest into wasm
// memory and scanning it (the standard library stops at the first match
// too). A match in a chunk, whose following byte is passed as context, is
// a match in the text.
//
//   - Match: when the length of a match is bounded (maxLen), consecutive
//     chunks overlap by maxLen bytes, so that every match lies whole in
//     one of them. When it is not, each chunk starts over where the first
//     did, and chunks stop once they would have scanned a thirty-second
//     of the text more than once: the rest goes in one piece. RE2's DFA
//     takes 1 to 3 ns a byte in wasm, copying and checking UTF-8 about
//     0.1 ns, so a rescan must stay far smaller than the copy it may
//     spare (`(?i)(api|secret)[_-]?key\s*[:=]\s*\S+` over 4 MiB with
//     its first match at 375 KiB: 2.5 ms with an eighth and a first
//     chunk of 64 KiB, 1.8 ms). A small first chunk finds the matches
//     of the first lines cheaply (an IPv4 address over 1 MiB of log
//     lines: 2.0 us with 64 KiB, 0.63 us).
//   - Find, bounded only: the leftmost match found in a chunk is the
//     leftmost of the text when no match beginning before it could end
//     beyond the chunk (begin + maxLen within the chunk); otherwise the
//     next chunk begins where such a match could begin.
const (
	matchChunkMin = 32 << 10 // shorter texts go whole
	chunkFirst    = 16 << 10 // bytes of the first chunk, at most (firstChunk)
	chunkGrowth   = 4
)

// errNoProgram is a chunk whose program RE2 cannot compile: the standard
// library's matcher takes the call.
var errNoProgram = errors.New("plan: no RE2 program for the text")

// re2MatchChunks reports whether RE2 finds a match in text[start:end],
// by prog, or when prog is nil by the program for each chunk
// (chunkProgram).
func re2MatchChunks[T Text](m *Matcher, prog *re2wasm.Regexp, text T, start, end int) (bool, error) {
	s := view(text)
	search := func(a, b int) (bool, error) {
		p, err := chunkProgram(m, prog, s, a, b)
		if err != nil {
			return false, err
		}
		return re2Search(p, text, a, b)
	}
	if end-start < matchChunkMin || m.endsAtEnd {
		return search(start, end) // a match that ends at the end lies in no chunk but the last
	}
	rescans := (end - start) / 32
	a := start
	for size := firstChunk(end - start); ; size *= chunkGrowth {
		if a+size >= end || m.maxLen == unbounded && size > rescans {
			return search(a, end)
		}
		b := charEnd(s, a+size)
		if ok, err := search(a, b); ok || err != nil {
			return ok, err
		}
		if m.maxLen == unbounded {
			rescans -= size
		} else {
			a = charStart(s, max(a, b-m.maxLen))
		}
	}
}

// re2FindChunks returns the leftmost match in text[start:end] as re2Find
// does, by prog, or when prog is nil by the program for each chunk
// (chunkProgram).
func re2FindChunks[T Text](m *Matcher, prog *re2wasm.Regexp, text T, start, end, ngroups int) ([]int, error) {
	if end-start < matchChunkMin || m.maxLen == unbounded || m.endsAtEnd {
		p, err := chunkProgram(m, prog, view(text), start, end)
		if err != nil {
			return nil, err
		}
		return re2Find(p, text, start, end, ngroups)
	}
	return findInChunks(m, prog, text, start, end, ngroups, firstChunk(end-start), chunkGrowth)
}

// findInChunks is re2FindChunks with chunks of first bytes, each next one
// growth times as long.
func findInChunks[T Text](m *Matcher, prog *re2wasm.Regexp, text T, start, end, ngroups, first, growth int) ([]int, error) {
	s := view(text)
	a := start
	for size := first; ; size *= growth {
		b := end
		if a+size < end {
			b = charEnd(s, a+size)
		}
		p, err := chunkProgram(m, prog, s, a, b)
		if err != nil {
			return nil, err
		}
		if b == end {
			return re2Find(p, text, a, end, ngroups)
		}
		match, err := re2Find(p, text, a, b, max(ngroups, 1))
		if err != nil {
			return nil, err
		}
		if match != nil && match[0]+m.maxLen <= b {
			return match[:2*ngroups], nil
		}
		// A match beginning in [b-maxLen, b) may end beyond b.
		next := b - m.maxLen
		if match != nil {
			next = min(next, match[0])
		}
		a = charStart(s, max(a, next))
	}
}

// firstChunk is the size of the first chunk of n bytes: a 64th of them,
// 1 to 16 KiB.
func firstChunk(n int) int { return min(chunkFirst, max(1<<10, n/64)) }

// chunkProgram returns prog, or when prog is nil the program for
// s[a:b] (Matcher.program: a chunk of valid UTF-8 takes the UTF-8
// program, any other the Latin-1 one), or errNoProgram if RE2 cannot
// compile it.
func chunkProgram(m *Matcher, prog *re2wasm.Regexp, s string, a, b int) (*re2wasm.Regexp, error) {
	if prog == nil {
		if prog = m.program(s[a:b]); prog == nil {
			return nil, errNoProgram
		}
	}
	return prog, nil
}

// Searches by skips. Where every match is bounded (maxLen), not empty,
// and holds the window string at most windowLead bytes after its start,
// a search of a long text (Match, Find, FindAll) need not copy the whole
// text into wasm memory: Go finds the next occurrence of the window
// string (vectorised), and RE2 is handed a chunk from where a match
// holding it can begin. The matches that begin maxLen bytes or more
// before the chunk's end lie whole in it (with the byte after it as
// context), so they are the text's; the search goes on after the last of
// them, or where a match cut by the chunk's end could begin. A chunk
// that follows the last one closely is twice as long, up to a largest
// size; one after a skip starts small again. The secret scanner's case
// (`AKIA[0-9A-Z]{16}` over 4 MiB of logs with a few keys) copies a few
// KiB instead of 4 MiB. Without a window string, chunks follow each other
// (FindAllContext).
const (
	skipMinText  = 64 << 10 // shorter texts go whole
	skipChunk    = 16 << 10
	skipChunkMax = 1 << 20
)

// skips reports whether a search of text[start:end] goes by skips.
func (m *Matcher) skips(how Strategy, start, end int) bool {
	return how == Windowed && m.window != nil && m.chunkable(skipChunk) && !m.anchoredStart &&
		end-start >= skipMinText
}

// chunkable reports whether find-all can go in chunks of size bytes and
// more: matches are bounded, short beside a chunk, and never empty (an
// empty match's successor depends on the match before it, which the
// next chunk does not see).
func (m *Matcher) chunkable(size int) bool {
	return m.maxLen != unbounded && m.maxLen <= size/4 && m.minLen > 0
}

// chunking is how find-all goes in chunks: the first chunk's size and the
// largest.
type chunking struct{ first, largest int }

var skipping = chunking{first: skipChunk, largest: skipChunkMax}

// re2FindSkipping is re2Find by skips: the first match of find-all; with
// ngroups 0, a non-nil empty slice on a match.
func re2FindSkipping[T Text](m *Matcher, prog *re2wasm.Regexp, text T, start, end, ngroups int) ([]int, error) {
	var match []int
	err := re2FindAllInChunks(m, prog, text, start, end, 1, ngroups, skipping, func(offsets []int) {
		match = append([]int{}, offsets[:2*ngroups]...)
	})
	return match, err
}

// re2FindAllInChunks is re2FindAll over text[:end] from start, in chunks
// (m.chunkable(ch.first)), by skips where the expression has a window
// string.
func re2FindAllInChunks[T Text](m *Matcher, prog *re2wasm.Regexp, text T, start, end, n, ngroups int, ch chunking, each func([]int)) error {
	s := view(text)[:end]
	pos, b, size := start, start, ch.first/2 // the first chunk, following b, is ch.first long
	for n != 0 && pos < end {
		a := pos
		if m.window != nil {
			c := m.window.index(s, pos)
			if c < 0 {
				return nil
			}
			a = max(pos, charStart(s, max(0, c-m.windowLead)))
		}
		if a <= b+ch.first {
			size = min(2*size, ch.largest)
		} else {
			size = ch.first
		}
		b = end
		if a+size < end {
			b = charEnd(s, a+size)
		}
		next := b // where the search goes on
		if b < end {
			next = charStart(s, max(a, b-m.maxLen+1))
		}
		ctx, ctxEnd := context(a), min(end, b+1)
		err := re2wasm.MatchAll(gocontext.Background(), prog, text[ctx:ctxEnd], a-ctx, ngroups, n, func(offsets []int) bool {
			if b < end && offsets[0]+ctx+m.maxLen > b {
				return false // it may end beyond the chunk
			}
			shift(offsets, ctx)
			each(offsets)
			next = max(next, offsets[1])
			n--
			return n != 0
		})
		if err != nil {
			return err
		}
		pos = next
	}
	return nil
}
