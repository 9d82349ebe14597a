package rt

import (
	"bytes"
	"testing"
)

// CopyIn copies what the built-in copy does, around and across its pieces.
func TestCopyIn(t *testing.T) {
	src := make([]byte, 3*copyPiece+5)
	for i := range src {
		src[i] = byte(i * 7)
	}
	for _, n := range []int{0, 1, copyPiece - 1, copyPiece, copyPiece + 1, 3*copyPiece + 5} {
		for _, room := range []int{n, n + 3, n / 2} {
			dst, want := make([]byte, room), make([]byte, room)
			wantN := copy(want, src[:n])
			if got := CopyIn(dst, src[:n]); got != wantN || !bytes.Equal(dst, want) {
				t.Errorf("CopyIn of %d bytes into %d: %d copied, same bytes %v; want %d", n, room, got, bytes.Equal(dst, want), wantN)
			}
			clear(dst)
			if got := CopyIn(dst, string(src[:n])); got != wantN || !bytes.Equal(dst, want) {
				t.Errorf("CopyIn of a string of %d bytes into %d: %d copied", n, room, got)
			}
		}
	}
}
