package plan

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// searcher.index agrees with strings.Index from every offset, on texts
// where the rare byte is common (so that it gives up for strings.Index)
// and where the string is cut off by the end.
func TestSearcherIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	needles := []string{"a", "ERROR: ", "user=", "zq", "qz", "日本", "x\xffy", "aaaab", "e e"}
	for range 3000 {
		needle := needles[r.IntN(len(needles))]
		text := searchText(r, needle, r.IntN(200), "aeqz :=ERO\xff", func(b []byte) []byte { return b })
		s := newSearcher(needle)
		for from := 0; from <= len(text); from += 1 + r.IntN(7) {
			if got, want := s.index(text, from), offset(strings.Index(text[from:], needle), from); got != want {
				t.Fatalf("index(%q, %q, %d) = %d, want %d", needle, text, from, got, want)
			}
		}
	}
}

// The rare byte is the least common by byteRank: for "ERROR: " neither
// the space nor the colon, for "user=" the '='.
func TestSearcherPicksRareByte(t *testing.T) {
	for needle, want := range map[string]byte{"ERROR: ": 'O', "user=": '=', "the quick": 'q', "日本": 0xe6, "éa": 0xc3} {
		if s := newSearcher(needle); needle[s.rare] != want {
			t.Errorf("%q: scans for %q, want %q", needle, needle[s.rare], want)
		}
	}
}

// charStart returns, for every offset of texts with valid and invalid
// sequences, the start of the character holding it as utf8 decodes from
// the text's start.
func TestCharStart(t *testing.T) {
	texts := []string{"aé日本😀z", "\xe6\x97a\xff\x80\xbf日", "\xf0\x9f\x98\x80\x80\x80", "é\xa9\xa9", ""}
	for _, text := range texts {
		starts := make([]int, len(text)+1)
		for i := 0; i < len(text); {
			_, w := utf8.DecodeRuneInString(text[i:])
			for k := range w {
				starts[i+k] = i
			}
			i += w
		}
		starts[len(text)] = len(text)
		for i := range starts {
			if got := charStart(text, i); got != starts[i] {
				t.Errorf("charStart(%q, %d) = %d, want %d", text, i, got, starts[i])
			}
		}
	}
}

// charEnd returns the first character boundary at or after every offset.
func TestCharEnd(t *testing.T) {
	for _, text := range []string{"aé日本😀z", "\xe6\x97a\xff\x80\xbf日", "é\xa9\xa9", ""} {
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && charStart(text, want) != want {
				want++
			}
			if got := charEnd(text, i); got != want {
				t.Errorf("charEnd(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}

// A folded searcher finds its string in any mix of ASCII cases, as a plain
// search of the text with its ASCII letters in lower case does, from every
// offset, among bytes that are not ASCII and invalid bytes.
func TestSearcherFoldMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, needle := range []string{"panic", "ey", "x-", "-yz", "a", "q=1", "error: "} {
		for range 200 {
			mixCases := func(b []byte) []byte {
				for i, c := range b {
					if r.IntN(2) == 0 {
						b[i] = upper(c)
					}
				}
				return b
			}
			text := searchText(r, needle, r.IntN(60), "aePANICqz :=-\xff\xe2\u212a", mixCases)
			s := newSearcherFold(needle, true)
			lower := asciiLower(text)
			for from := 0; from <= len(text); from += 1 + r.IntN(5) {
				if got, want := s.index(text, from), offset(strings.Index(lower[from:], needle), from); got != want {
					t.Fatalf("folded index(%q, %q, %d) = %d, want %d", needle, text, from, got, want)
				}
			}
		}
	}
}

// searchText returns n random pieces: prefixes of needle, needle itself as
// vary makes it (a copy it may change), and bytes of alphabet.
func searchText(r *rand.Rand, needle string, n int, alphabet string, vary func([]byte) []byte) string {
	var sb strings.Builder
	for range n {
		switch r.IntN(4) {
		case 0:
			sb.WriteString(needle[:r.IntN(len(needle)+1)])
		case 1:
			sb.Write(vary([]byte(needle)))
		default:
			sb.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
	}
	return sb.String()
}
