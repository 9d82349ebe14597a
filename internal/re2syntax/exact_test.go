package re2syntax

import (
	"regexp/syntax"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The package regexp skips sanitising the text for patterns whose
// non-ASCII parts are all literals, on the ground that the translation of a
// literal character, case-folded or not, accepts exactly the UTF-8
// encodings of the characters it stands for and no other byte string. Check
// that for every character with case variants, and for a sample of the
// others, by listing every byte string the translation accepts.
func TestLiteralsAreExact(t *testing.T) {
	checked := 0
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if r == utf8.RuneError || !utf8.ValidRune(r) {
			continue
		}
		orbit := foldOrbit(r)
		folds := len(orbit) > 2
		if !folds && r%251 != 0 {
			continue
		}
		for _, fold := range []bool{false, true} {
			var want []string
			for i := 0; i < len(orbit); i += 2 {
				if fold || i == 0 {
					want = append(want, string(orbit[i]))
				}
			}
			text := literalFrag([]rune{r}, fold).text
			got, err := acceptedStrings(text)
			if err != nil {
				t.Fatalf("U+%04X (fold %v): %q: %v", r, fold, text, err)
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("U+%04X (fold %v): %q accepts %q, want %q", r, fold, text, got, want)
			}
			checked++
		}
	}
	t.Logf("%d literal translations checked", checked)
}

// acceptedStrings lists, sorted, the byte strings that Latin-1 pattern text
// made of bytes, byte classes, concatenations and alternations accepts.
func acceptedStrings(text string) ([]string, error) {
	re, err := syntax.Parse(text, syntax.Perl)
	if err != nil {
		return nil, err
	}
	var walk func(re *syntax.Regexp) []string
	walk = func(re *syntax.Regexp) []string {
		switch re.Op {
		case syntax.OpLiteral:
			if re.Flags&syntax.FoldCase != 0 {
				break // the parser's [Aa]: not expected here
			}
			b := make([]byte, len(re.Rune))
			for i, r := range re.Rune {
				b[i] = byte(r) // Latin-1: each rune is one byte
			}
			return []string{string(b)}
		case syntax.OpCharClass:
			var out []string
			for i := 0; i < len(re.Rune); i += 2 {
				for c := re.Rune[i]; c <= re.Rune[i+1] && c <= 0xFF; c++ {
					out = append(out, string([]byte{byte(c)}))
				}
			}
			return out
		case syntax.OpConcat:
			out := []string{""}
			for _, sub := range re.Sub {
				var next []string
				for _, head := range out {
					for _, tail := range walk(sub) {
						next = append(next, head+tail)
					}
				}
				out = next
			}
			return out
		case syntax.OpAlternate:
			var out []string
			for _, sub := range re.Sub {
				out = append(out, walk(sub)...)
			}
			return out
		case syntax.OpCapture:
			return walk(re.Sub[0])
		}
		// Anything else (., repetition, assertion) is not a literal's
		// translation: no string stands for it.
		return []string{"<" + re.Op.String() + ">"}
	}
	out := walk(re)
	slices.Sort(out)
	return slices.Compact(out), nil
}
