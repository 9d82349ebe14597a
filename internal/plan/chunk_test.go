package plan

import (
	gocontext "context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Chunked searches find what the standard library finds in texts longer
// of 1 MiB and more (first chunks of chunkFirst bytes), with matches placed across the chunks' ends (which
// depend on where the first candidate lies: a decoy sets it), bounded
// and unbounded patterns, and assertions at the ends.
func TestChunksAgreeWithStd(t *testing.T) {
	patterns := []string{
		`AKIA[0-9A-Z]{16}`, `x\d{3,9}y`, `ERROR: (\w+)`, `\bfatal\b`, `[a-z]+7`,
		`(?m)^end$`, `q(u+)x`, `fa.{0,40}tal`, `y(\d{1,12})`,
	}
	filler := strings.Repeat("lorem ipsum dolor sit amet ", (1<<20+chunkFirst*6)/27+1)
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

// Searches by skips find what the standard library finds: texts of
// 200 KiB with matches and decoys (the window string alone) at random
// places, sparse and in runs (chunks grow and start small again, their
// ends fall anywhere), all matches and the first few.
func TestFindAllBySkipsAgreesWithStd(t *testing.T) {
	patterns := []struct{ expr, match, decoy string }{
		{`AKIA[0-9A-Z]{16}`, "AKIA0123456789ABCDEF", "AKIA"},
		{`xox[baprs]-[0-9A-Za-z-]{10,72}`, "xoxb-1234567890-abcdefghijkl", "xoxb-12"},
		{`x\d{3,9}y`, "x12345y", "x1"},
		{`y(\d{1,12})(z)?`, "y123456789012z", "y"},
		{`\bfatal\b`, " fatal ", "fatality"},
		{`fa.{0,40}tal`, "fa 0123456789 tal", "fa"},
		{`(?m)^end$`, "\nend\n", "end"},
		{`é[a-zé]{2,30}z`, "éabcéz", "é"},
		{`-----BEGIN (?:RSA |EC )?PRIVATE KEY-----`, "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN "},
	}
	filler := strings.Repeat("lorem ipsum dolor sit amet ", 200<<10/27)
	rng := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for _, p := range patterns {
		m := mustNew(t, p.expr)
		m.shape = nil // walked in Go otherwise (shape.go): the skips are under test
		std := regexp.MustCompile(p.expr)
		ngroups := std.NumSubexp() + 1
		skipped := 0 // calls that went by skips
		for trial := range 40 {
			text := filler
			inserts := rng.IntN(30)
			if trial%4 == 0 {
				inserts = 200 + rng.IntN(400) // runs: chunks follow closely
			}
			for range inserts {
				at := rng.IntN(len(text))
				for at > 0 && !utf8.RuneStart(text[at]) {
					at--
				}
				ins := p.match
				if rng.IntN(3) == 0 {
					ins = p.decoy
				}
				text = text[:at] + ins + text[at:]
			}
			var c call
			if !begin(m, text, ngroups, &c) && m.skips(c.how, c.start, c.end) {
				skipped++
			}
			got, err := Find(m, text, ngroups)
			if want := std.FindStringSubmatchIndex(text); err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("Find(%q) on a text with %d insertions: %v %v, want %v", p.expr, inserts, got, err, want)
			}
			ok, err := Match(m, text)
			if want := std.MatchString(text); err != nil || ok != want {
				t.Fatalf("Match(%q) on a text with %d insertions: %v %v, want %v", p.expr, inserts, ok, err, want)
			}
			for _, n := range []int{-1, 1, 3} {
				var got [][]int
				err := FindAll(m, text, n, ngroups, func(o []int) { got = append(got, slices.Clone(o)) })
				want := std.FindAllStringSubmatchIndex(text, n)
				if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("FindAll(%q, n=%d) on a text with %d insertions: %v\n got %d matches %.200v\nwant %d matches %.200v", p.expr, n, inserts, err, len(got), got, len(want), want)
				}
				checked++
			}
		}
		if skipped < 30 {
			t.Errorf("%q: %d texts of 40 went by skips", p.expr, skipped)
		}
	}
	t.Logf("%d calls on texts of %d bytes and more", checked, len(filler))
}

// Match's chunks of a long text pick RE2's program each for itself when
// it needs valid UTF-8: a chunk with an invalid byte takes the Latin-1
// program, in which the byte is U+FFFD, as in Go, and the others the
// UTF-8 one. Invalid bytes and matches lie in the first chunk, across its
// end and after it.
func TestMatchChunksPickPrograms(t *testing.T) {
	patterns := []string{`\x{fffd}`, `[^a ]`, `a\x{fffd}{2}a`, `(?s).\x{fffd}b`, `[^a]b`, `\B\x{fffd}`, `[^x]+y`}
	for _, expr := range patterns {
		m := mustNew(t, expr)
		if !m.needsValid {
			t.Fatalf("%#q: no need of valid UTF-8, the test tests nothing", expr)
		}
		std := regexp.MustCompile(expr)
		for _, size := range []int{matchChunkMin, 40 << 10, 200 << 10} {
			for _, bad := range []int{-1, 0, 511, 1023, 1024, 1025, 3000, 20000, size - 2} {
				for _, extra := range []string{"", "b", "\xffb", "y", "é"} {
					text := []byte(strings.Repeat("a ", size/2))
					if bad >= 0 {
						text[bad] = 0xff
						text[bad+1] = 0xfe
					}
					s := string(text)
					if extra != "" {
						s = s[:1500] + extra + s[1500:]
					}
					ok, err := Match(m, s)
					if want := std.MatchString(s); err != nil || ok != want {
						t.Errorf("Match(%#q) on %d bytes, invalid at %d, %q at 1500: %v %v, want %v", expr, size, bad, extra, ok, err, want)
					}
				}
			}
		}
	}
}

// A pattern anchored at the start with a bounded length hands RE2 its
// first maxLen bytes, with the next byte as context, which \b, \B and (?m)$
// look at (find-all, whose copy has no context after it, takes the whole
// text); an unbounded pattern that ends at the end is turned down by a
// missing required string. Texts are long enough for RE2 to run.
func TestBoundedHeadsKeepContext(t *testing.T) {
	patterns := []string{`^\bfoo\b`, `^(GET|POST)\b`, `^a{2,3}\B`, `^\d{3}(?m:$)`, `^(?:x|xy)\b`, `h.*od?$`, `(?s)h.*o$`}
	heads := []string{"foo", "foox", "foo bar", "GET /", "GETX", "POST\n", "aaa", "aaaa", "aa b", "123\n", "1234", "xy", "xyz", "x y", "h", "ho", "hod"}
	filler := strings.Repeat("lorem ipsum dolor sit amet ", 400)
	ctx, cancel := gocontext.WithCancel(gocontext.Background()) // watched, never done
	defer cancel()
	for _, expr := range patterns {
		m := mustNew(t, expr)
		std := regexp.MustCompile(expr)
		for _, head := range heads {
			for _, tail := range []string{"", " ho", " hod", "本"} {
				text := head + filler + tail
				want := fmt.Sprint(std.FindStringIndex(text))
				if got, err := Find(m, text, 1); err != nil || fmt.Sprint(got) != want {
					t.Errorf("Find(%#q) on %q…%q: %v %v, want %v", expr, head, tail, got, err, want)
				}
				if got, err := FindContext(ctx, m, text, 1); err != nil || fmt.Sprint(got) != want {
					t.Errorf("FindContext(%#q) on %q…%q: %v %v, want %v", expr, head, tail, got, err, want)
				}
				if ok, err := Match(m, text); err != nil || ok != std.MatchString(text) {
					t.Errorf("Match(%#q) on %q…%q: %v %v", expr, head, tail, ok, err)
				}
				wantAll := fmt.Sprint(std.FindAllStringIndex(text, -1))
				if got, err := FindAllIndex(m, text, -1, 1); err != nil || fmt.Sprint(got) != wantAll {
					t.Errorf("FindAllIndex(%#q) on %q…%q: %v %v, want %v", expr, head, tail, got, err, wantAll)
				}
				var all [][]int
				err := FindAllContext(ctx, m, text, -1, 1, func(o []int) { all = append(all, slices.Clone(o)) })
				if err != nil || fmt.Sprint(all) != wantAll {
					t.Errorf("FindAllContext(%#q) on %q…%q: %v %v, want %v", expr, head, tail, all, err, wantAll)
				}
			}
		}
	}
}

// Find's chunks of a long text, for a bounded pattern that needs valid
// UTF-8, pick RE2's program each for itself too, and find Go's leftmost
// match wherever the invalid bytes and the match lie.
func TestFindChunksPickPrograms(t *testing.T) {
	patterns := []string{`\x{fffd}`, `[^a ]`, `a\x{fffd}{2}a`, `(?s).\x{fffd}b`, `[^a]b`, `\B\x{fffd}`, `\B`, `x[^a]{0,30}y`}
	for _, expr := range patterns {
		m := mustNew(t, expr)
		if m.needsValid == (expr == `\B`) || m.maxLen == unbounded { // \B: chunks of one program
			t.Fatalf("%#q: unbounded, or valid UTF-8 needed %v, the test tests nothing", expr, m.needsValid)
		}
		std := regexp.MustCompile(expr)
		for _, size := range []int{matchChunkMin, 40 << 10, 200 << 10} {
			for _, bad := range []int{-1, 0, 511, 1023, 1024, 1025, 3000, 20000, size - 2} {
				for _, at := range []int{-1, 5, 1000, 1020, 5000, size - 40} {
					text := []byte(strings.Repeat("a ", size/2))
					if bad >= 0 {
						text[bad] = 0xff
						text[bad+1] = 0xfe
					}
					s := string(text)
					if at >= 0 {
						s = s[:at] + "xb本y" + s[at:]
					}
					got, err := Find(m, s, 1)
					if want := std.FindStringIndex(s); err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("Find(%#q) on %d bytes, invalid at %d, a match at %d: %v %v, want %v", expr, size, bad, at, got, err, want)
					}
				}
			}
		}
	}
}
