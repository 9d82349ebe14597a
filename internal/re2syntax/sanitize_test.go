package re2syntax

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSanitize compares Sanitize with the reference sanitizer on the test
// inputs, on every prefix of a mixed input (to cross the 8-byte fast path at
// every alignment) and checks the result flag.
func TestSanitize(t *testing.T) {
	inputs := allInputs(300)
	mixed := []byte(strings.Repeat("abcdefgh", 3) + "é\xff\x80日本" + strings.Repeat("x", 17) + "\xe2\x82" + "0123456789\xed\xa0\x80")
	for i := range len(mixed) + 1 {
		inputs = append(inputs, mixed[:i], mixed[i:])
	}
	for _, in := range inputs {
		got := bytes.Clone(in)
		replaced := Sanitize(got)
		want := sanitizeRef(in)
		if !bytes.Equal(got, want) {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
		if replaced != !utf8.Valid(in) {
			t.Errorf("Sanitize(%q) returned %v, input valid: %v", in, replaced, utf8.Valid(in))
		}
		if !utf8.Valid(bytes.ReplaceAll(got, []byte{0xFF}, nil)) {
			t.Errorf("Sanitize(%q) = %q leaves invalid UTF-8", in, got)
		}
	}
}

// FuzzSanitize checks Sanitize against the reference sanitizer.
func FuzzSanitize(f *testing.F) {
	for _, s := range testInputs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got := bytes.Clone(in)
		replaced := Sanitize(got)
		if want := sanitizeRef(in); !bytes.Equal(got, want) || replaced != !utf8.Valid(in) {
			t.Errorf("Sanitize(%q) = %q, %v; want %q, %v", in, got, replaced, want, !utf8.Valid(in))
		}
	})
}

// benchSanitize measures Sanitize on a 64 KiB input made of s.
func benchSanitize(b *testing.B, s string) {
	src := []byte(strings.Repeat(s, 64<<10/len(s)))
	buf := make([]byte, len(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		copy(buf, src)
		Sanitize(buf)
	}
}

// BenchmarkSanitizeASCII measures the 8-bytes-at-a-time ASCII path.
func BenchmarkSanitizeASCII(b *testing.B) {
	benchSanitize(b, "The quick brown fox jumps over the lazy dog. ")
}

// BenchmarkSanitizeMixed measures mostly-ASCII valid text with some
// multibyte characters.
func BenchmarkSanitizeMixed(b *testing.B) {
	benchSanitize(b, "Grüße aus Köln, naïve café, 日本語 text, emoji 😀 and more ASCII. ")
}

// BenchmarkSanitizeCJK measures valid text without ASCII.
func BenchmarkSanitizeCJK(b *testing.B) {
	benchSanitize(b, "日本語の文章です。漢字とかなが混ざっています。")
}

// BenchmarkSanitizeInvalid measures text with many invalid bytes.
func BenchmarkSanitizeInvalid(b *testing.B) {
	benchSanitize(b, "abc\xffdef\x80\xe2\x82ghi\xed\xa0\x80jkl")
}
