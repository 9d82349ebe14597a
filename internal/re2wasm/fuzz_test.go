package re2wasm

import (
	"context"
	"testing"
)

// FuzzABI drives the C ABI directly with random patterns (in RE2's own
// syntax), texts, start and end positions, group counts and match limits.
// Whatever the input, no call may trap or fail, and every result must be a
// well-formed set of offsets.
func FuzzABI(f *testing.F) {
	f.Add("a+", []byte("baaab"), 0, 1, 5, uint8(0))
	f.Add("(a)|(b)", []byte("ab"), 1, 3, -1, uint8(16))
	f.Add("", []byte("\xff\xfe"), 3, 0, 0, uint8(20))
	f.Add(`\B`, []byte("aéa"), 0, 2, -1, uint8(48))
	f.Add(`(?P<x>\w+)\s`, []byte("héllo wörld "), 2, 9, 2, uint8(4))
	f.Fuzz(func(t *testing.T, pattern string, text []byte, pos, ngroups, n int, flagBits uint8) {
		if len(pattern) > 300 || len(text) > 2000 || ngroups < 0 || ngroups > 50 {
			return
		}
		flags := Flags(flagBits) & (Longest | Latin1 | UTF8Text | CheckCharStart)
		re, err := Compile(pattern, flags, 0)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Compile(%q) failed without an RE2 error: %v", pattern, err)
			}
			return
		}
		if pos < 0 {
			pos = -pos
		}
		// The search ends somewhere from pos to the end of the text (its
		// last bit picks: the end itself or the middle of the rest).
		end := len(text)
		if pos < len(text) && n&1 == 1 {
			end = pos + (len(text)-pos)/2
		}
		offsets := make([]int, 2*ngroups)
		ok, err := Match(context.Background(), re, text, pos, end, offsets)
		if err != nil {
			t.Fatalf("Match(context.Background(), %q, %q, %d, %d): %v", pattern, text, pos, end, err)
		}
		if ok && ngroups > 0 {
			checkOffsets(t, offsets, pos, end)
		}
		last := -1
		err = MatchAll(context.Background(), re, text, 0, ngroups, n, func(m []int) bool {
			checkOffsets(t, m, 0, len(text))
			if m[0] < last {
				t.Fatalf("MatchAll(context.Background(), %q, %q): match %v begins before the previous one ended (%d)", pattern, text, m, last)
			}
			last = m[1]
			return true
		})
		if err != nil {
			t.Fatalf("MatchAll(context.Background(), %q, %q): %v", pattern, text, err)
		}
	})
}

// checkOffsets checks that group 0 lies in [lo, hi] and that every group
// that took part has begin <= end within [0, hi].
func checkOffsets(t *testing.T, m []int, lo, hi int) {
	t.Helper()
	if m[0] < lo || m[0] > m[1] || m[1] > hi {
		t.Fatalf("whole match %v outside [%d, %d]", m[:2], lo, hi)
	}
	for i := 2; i+1 < len(m); i += 2 {
		if m[i] == -1 && m[i+1] == -1 {
			continue
		}
		if m[i] < 0 || m[i] > m[i+1] || m[i+1] > hi {
			t.Fatalf("group %d: %v", i/2, m[i:i+2])
		}
	}
}
