package plan

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// Chunked searches find what the standard library finds in texts longer
// than chunkMinText, with matches placed across the chunks' ends (which
// depend on where the first candidate lies: a decoy sets it), bounded
// and unbounded patterns, and assertions at the ends.
func TestChunksAgreeWithStd(t *testing.T) {
	patterns := []string{
		`AKIA[0-9A-Z]{16}`, `x\d{3,9}y`, `ERROR: (\w+)`, `\bfatal\b`, `[a-z]+7`,
		`(?m)^end$`, `q(u+)x`, `fa.{0,40}tal`, `y(\d{1,12})`,
	}
	filler := strings.Repeat("lorem ipsum dolor sit amet ", (chunkMinText+chunkFirst*6)/27+1)
	matches := []string{"AKIA0123456789ABCDEF", "x12345y", "ERROR: disk", " fatal ", "abcdefghij7", "\nend\n", "quuux", "fa 0123456789 tal", "y123456789012"}
	decoys := []string{"AKIA", "x1", "ERROR:", "fatality", "", "end", "qu", "fa", "y"}
	offsets := []int{0, 100}
	for _, end := range []int{chunkFirst, chunkFirst * (1 + chunkGrowth)} {
		for _, d := range []int{-30, -12, -5, -1, 0, 1, 7} {
			offsets = append(offsets, end+d)
		}
	}
	offsets = append(offsets, len(filler)-40, -1) // -1: no match at all
	checked := 0
	for i, expr := range patterns {
		m := mustNew(t, expr)
		std := regexp.MustCompile(expr)
		for _, at := range offsets {
			for _, decoyAt := range []int{-1, 50} {
				text := filler
				if decoyAt >= 0 {
					text = text[:decoyAt] + decoys[i] + text[decoyAt:]
				}
				if at >= 0 {
					base := max(decoyAt, 0)
					at := min(base+at, len(text))
					text = text[:at] + matches[i] + text[at:]
				}
				ngroups := std.NumSubexp() + 1
				got, err := Find(m, text, ngroups)
				if want := std.FindStringSubmatchIndex(text); err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("Find(%q) with the match at %d, decoy at %d: %v %v, want %v", expr, at, decoyAt, got, err, want)
				}
				ok, err := Match(m, text)
				if want := std.MatchString(text); err != nil || ok != want {
					t.Errorf("Match(%q) with the match at %d, decoy at %d: %v %v, want %v", expr, at, decoyAt, ok, err, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d texts of %d bytes and more", checked, len(filler))
}
