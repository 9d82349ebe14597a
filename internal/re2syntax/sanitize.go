package re2syntax

import (
	"encoding/binary"
	"unicode/utf8"
)

// asciiMask has the high bit of each of 8 bytes set; a word ANDed with it is
// zero exactly when all 8 bytes are ASCII.
const asciiMask = 0x8080808080808080

// Sanitize replaces, in place, each byte of b that Go's UTF-8 decoding treats
// as invalid with 0xFF.
// It returns whether anything was replaced: true exactly when b contained at
// least one invalid byte (a 0xFF byte counts, although its value does not
// change), so false means b is valid UTF-8 and was left untouched.
func Sanitize(b []byte) bool {
	replaced := false
	i := 0
	for i < len(b) {
		if len(b)-i >= 8 && binary.LittleEndian.Uint64(b[i:])&asciiMask == 0 {
			i += 8
			continue
		}
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			b[i] = invalidByte
			replaced = true
		}
		i += size
	}
	return replaced
}
