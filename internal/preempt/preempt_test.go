package preempt

import (
	"bytes"
	"strings"
	"testing"
)

// The searches agree with bytes and strings wherever the needle lies,
// across the boundaries of pieces above all.
func TestSearchesAgree(t *testing.T) {
	text := []byte(strings.Repeat("a", 3*piece+10))
	for _, needle := range []string{"", "b", "bc", "bcdefgh"} {
		for _, at := range []int{-1, 0, 1, piece - len(needle), piece - 1, piece, piece + 1, 2*piece - 2, 3*piece + 10 - len(needle)} {
			if at < 0 && needle == "" {
				continue
			}
			b := bytes.Clone(text)
			if at >= 0 {
				copy(b[at:], needle)
			}
			s := string(b)
			if got, want := Index(b, []byte(needle), nil), bytes.Index(b, []byte(needle)); got != want {
				t.Errorf("Index(%q at %d) = %d, want %d", needle, at, got, want)
			}
			if got, want := IndexString(s, needle), strings.Index(s, needle); got != want {
				t.Errorf("IndexString(%q at %d) = %d, want %d", needle, at, got, want)
			}
			if needle != "" {
				if got, want := IndexByteString(s, needle[0]), strings.IndexByte(s, needle[0]); got != want {
					t.Errorf("IndexByteString(%q at %d) = %d, want %d", needle[0], at, got, want)
				}
			}
		}
	}
	if got := IndexString("", "x"); got != -1 {
		t.Errorf("IndexString of an empty text = %d", got)
	}
	if got := Index(nil, nil, nil); got != 0 {
		t.Errorf("Index(nil, nil) = %d", got)
	}
}

// countdown is a Stopper that says stop after n questions.
type countdown struct{ n int }

func (c *countdown) Stopped() bool { c.n--; return c.n < 0 }

// TestIndexStops: a stopped search ends after the piece it is in, and a
// Stopper that never says stop changes nothing.
func TestIndexStops(t *testing.T) {
	text := make([]byte, 4*piece)
	text[3*piece+5] = 'x'
	if got := Index(text, []byte("x"), &countdown{n: 1}); got != -1 {
		t.Errorf("stopped after two pieces: %d, want -1", got)
	}
	if got := Index(text, []byte("x"), &countdown{n: 10}); got != 3*piece+5 {
		t.Errorf("not stopped: %d, want %d", got, 3*piece+5)
	}
}
