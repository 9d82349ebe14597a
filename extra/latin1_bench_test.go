package extra

import (
	"math/rand/v2"
	stdregexp "regexp"
	"testing"
)

// BenchmarkLatin1 scans 1 MiB of random bytes for binary signatures, as a
// Latin1 and as the standard library would have to: decoding the bytes
// into runes first (what findAllStd does).
func BenchmarkLatin1(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	data := make([]byte, 1<<20)
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	for _, p := range []string{`\x7fELF[\x01\x02]`, `\xff\xd8\xff[\xe0-\xef]`, `(?s)MZ.{58}PE\x00\x00`, `[\x20-\x7e]{12,}`} {
		re := MustCompileLatin1(p)
		b.Run("latin1/"+p, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				re.FindAllIndex(data, -1)
			}
		})
		std := stdregexp.MustCompile(p)
		b.Run("std-decoded/"+p, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				runes := make([]rune, len(data))
				for i, c := range data {
					runes[i] = rune(c)
				}
				std.FindAllStringIndex(string(runes), -1)
			}
		})
	}
}
