// Package preempt has searches over huge texts that the Go scheduler can
// stop: the vectorised searches of bytes and strings are assembly, which a
// goroutine cannot be preempted in, so one over 256 MiB keeps a garbage
// collection waiting for its end (tens of milliseconds). These search in
// pieces, between which the goroutine can be stopped.
package preempt

import (
	"bytes"
	"strings"
)

// piece is how many bytes one vectorised search covers: about 0.1 ms.
const piece = 1 << 20

// A Stopper says whether a search should end early: its caller will throw
// the result away.
type Stopper interface{ Stopped() bool }

// Index is bytes.Index(text, needle), or -1 as soon as stop (if not nil)
// reports true between two pieces.
func Index(text, needle []byte, stop Stopper) int {
	for from := 0; ; from += piece {
		end := min(len(text), from+piece+len(needle)-1)
		if i := bytes.Index(text[from:end], needle); i >= 0 {
			return from + i
		}
		if end == len(text) || stop != nil && stop.Stopped() {
			return -1
		}
	}
}

// IndexString is strings.Index(text, needle).
func IndexString(text, needle string) int {
	for from := 0; ; from += piece {
		end := min(len(text), from+piece+len(needle)-1)
		if i := strings.Index(text[from:end], needle); i >= 0 {
			return from + i
		}
		if end == len(text) {
			return -1
		}
	}
}

// IndexByteString is strings.IndexByte(text, c).
func IndexByteString(text string, c byte) int {
	for from := 0; ; from += piece {
		end := min(len(text), from+piece)
		if i := strings.IndexByte(text[from:end], c); i >= 0 {
			return from + i
		}
		if end == len(text) {
			return -1
		}
	}
}
