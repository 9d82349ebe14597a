package extra

import (
	"context"
	"math/rand/v2"
	"reflect"
	stdregexp "regexp"
	"strings"
	"testing"
)

// The Latin-1 oracle: the standard library's regexp on the text decoded
// byte by byte into runes (0xE9 into U+00E9), offsets mapped back from the
// decoded string to the bytes of the text.

// decodeLatin1 returns text as runes of its bytes' values, and the byte
// offset of each offset of the decoded string that begins a rune (or is
// its end); other entries are -2, so that a match found inside a rune
// shows as a difference.
func decodeLatin1(text []byte) (string, []int) {
	var sb strings.Builder
	back := make([]int, 0, 2*len(text)+1)
	for i, b := range text {
		n, _ := sb.WriteRune(rune(b))
		back = append(back, i)
		for range n - 1 {
			back = append(back, -2)
		}
	}
	return sb.String(), append(back, len(text))
}

// latin1Want is what the methods of a Latin1 should return on a text.
type latin1Want struct {
	match      bool
	loc        []int
	submatch   []int
	all        [][]int // FindAllIndex(-1)
	allSub     [][]int // FindAllSubmatchIndex(-1)
	allSubTwo  [][]int // FindAllSubmatchIndex(2)
	firstBytes []byte  // Find
}

func wantLatin1(std *stdregexp.Regexp, text []byte) latin1Want {
	s, back := decodeLatin1(text)
	mapped := func(m []int) []int {
		if m == nil {
			return nil
		}
		out := make([]int, len(m))
		for i, u := range m {
			out[i] = -1
			if u >= 0 {
				out[i] = back[u]
			}
		}
		return out
	}
	mappedAll := func(ms [][]int) [][]int {
		if ms == nil {
			return nil
		}
		out := make([][]int, len(ms))
		for i, m := range ms {
			out[i] = mapped(m)
		}
		return out
	}
	w := latin1Want{
		match:     std.MatchString(s),
		loc:       mapped(std.FindStringIndex(s)),
		submatch:  mapped(std.FindStringSubmatchIndex(s)),
		all:       mappedAll(std.FindAllStringIndex(s, -1)),
		allSub:    mappedAll(std.FindAllStringSubmatchIndex(s, -1)),
		allSubTwo: mappedAll(std.FindAllStringSubmatchIndex(s, 2)),
	}
	if w.loc != nil {
		w.firstBytes = text[w.loc[0]:w.loc[1]]
	}
	return w
}

// compareLatin1 checks the methods of re on text against the oracle std;
// it reports whether all agreed.
func compareLatin1(t testing.TB, re *Latin1, std *stdregexp.Regexp, text []byte) bool {
	t.Helper()
	w := wantLatin1(std, text)
	ok := true
	check := func(method string, got, want any) {
		if !reflect.DeepEqual(got, want) {
			ok = false
			t.Errorf("%#q.%s(%q) = %v, want %v", re, method, text, got, want)
		}
	}
	s := string(text)
	check("Match", re.Match(text), w.match)
	check("MatchString", re.MatchString(s), w.match)
	check("FindIndex", re.FindIndex(text), w.loc)
	check("FindStringIndex", re.FindStringIndex(s), w.loc)
	check("FindSubmatchIndex", re.FindSubmatchIndex(text), w.submatch)
	check("FindStringSubmatchIndex", re.FindStringSubmatchIndex(s), w.submatch)
	check("FindAllIndex", re.FindAllIndex(text, -1), w.all)
	check("FindAllStringIndex", re.FindAllStringIndex(s, -1), w.all)
	check("FindAllSubmatchIndex", re.FindAllSubmatchIndex(text, -1), w.allSub)
	check("FindAllStringSubmatchIndex(2)", re.FindAllStringSubmatchIndex(s, 2), w.allSubTwo)
	check("Find", re.Find(text), w.firstBytes)
	check("FindString", re.FindString(s), string(w.firstBytes))
	ctx, cancel := context.WithCancel(context.Background()) // watched, never done
	defer cancel()
	withErr := func(got any, err error) any {
		if err != nil {
			return err
		}
		return got
	}
	check("MatchContext", withErr(re.MatchContext(ctx, text)), w.match)
	check("MatchStringContext", withErr(re.MatchStringContext(ctx, s)), w.match)
	check("FindIndexContext", withErr(re.FindIndexContext(ctx, text)), w.loc)
	check("FindStringIndexContext", withErr(re.FindStringIndexContext(ctx, s)), w.loc)
	check("FindAllIndexContext", withErr(re.FindAllIndexContext(ctx, text, -1)), w.all)
	check("FindAllStringIndexContext", withErr(re.FindAllStringIndexContext(ctx, s, -1)), w.all)
	if got := re.FindAll(text, -1); len(got) != len(w.all) {
		ok = false
		t.Errorf("%#q.FindAll(%q) has %d matches, want %d", re, text, len(got), len(w.all))
	}
	if sub := re.FindStringSubmatch(s); (sub == nil) != (w.submatch == nil) || sub != nil && len(sub) != re.NumSubexp()+1 {
		ok = false
		t.Errorf("%#q.FindStringSubmatch(%q) = %q, want groups at %v", re, text, sub, w.submatch)
	}
	return ok
}

// latin1Patterns are patterns whose matches depend on reading bytes as
// characters: high bytes, Latin-1 letters and their case folding (which
// reaches beyond U+00FF: K to the Kelvin sign, s to ſ, µ to Greek mu, ÿ to
// Ÿ), characters that are no byte, classes and their complements, and
// binary signatures.
var latin1Patterns = []string{
	`\xff`, `\x{ff}+`, `[\x80-\xff]+`, `[^\x00-\x7f]{2}`, `é`, `(?i)é`, `(?i)É+`,
	`(?i)k`, `(?i)s+`, `(?i)µ`, `(?i)ÿ`, `(?i)[à-þ]+`, `(?i)straße`, `\x{100}`,
	`\x{fffd}`, `日`, `a|\x{17f}|b`, `\pL+`, `\PL+`, `\p{Latin}`, `\p{Greek}`,
	`[[:^ascii:]]+`, `[^a]`, `.`, `(?s).`, `.+`, `(?s)a.+b`, `\b\w+\b`, `\B`,
	`é\b`, `\x00+`, `\x7fELF`, `(?s)MZ.{6}PE\x00\x00`, `\xff\xd8\xff[\xe0-\xef]`,
	`(\xc3)(\xa9)?`, `^\xfe|\xff$`, `(?m)^[\x80-\xff]*$`, `(?i)(é)(?:x|É)*`,
	`[\x00-\x{10ffff}]`, `[^\x{100}-\x{10ffff}]+`, `(?U)[é-ÿ]+`, `x*`, ``,
}

// latin1Texts are texts of bytes that are not UTF-8, or are UTF-8 read
// byte by byte.
func latin1Texts() [][]byte {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	texts := [][]byte{
		all, []byte("\xff\xfe\xff"), []byte("caf\xe9 CAF\xc9"), []byte("café"),
		[]byte("\x7fELF\x02\x01\x01\x00"), []byte("MZ\x90\x00\x03\x00\x00\x00PE\x00\x00"),
		[]byte("\xff\xd8\xff\xe0\x00\x10JFIF"), []byte("Kk\xb5\xff \x17f sS"),
		[]byte("a\nb\xff\n\xe9\n"), []byte("\x00\x00x\x00"), []byte("stra\xdfe STRASSE"), {},
	}
	rng := rand.New(rand.NewPCG(13, 3))
	for range 24 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(3) == 0 {
				b[i] = "aAéÉkKsS\xff\xb5\n \x00"[rng.IntN(15)]
			}
		}
		texts = append(texts, b)
	}
	return texts
}

// latin1Variants are the ways a Latin1 runs: RE2, and the standard
// library's matcher on decoded text when RE2's budget holds nothing.
var latin1Variants = []struct {
	name string
	opts []Option
}{
	{"re2", nil},
	{"std", []Option{MemoryBudget(1)}},
}

// TestLatin1Corpus compares every method with the oracle for Go's
// re2-search patterns, the non-ASCII patterns of the set tests and
// latin1Patterns, over the corpus's texts read as bytes and texts of
// binary data, on RE2 and on the fallback.
func TestLatin1Corpus(t *testing.T) {
	patterns, texts := re2SearchCorpus(t)
	patterns = append(append(patterns, nonASCIIPatterns...), latin1Patterns...)
	all := latin1Texts()
	for _, s := range texts {
		all = append(all, []byte(s))
	}
	if testing.Short() || raceEnabled {
		patterns = append(nonASCIIPatterns, latin1Patterns...)
		all = latin1Texts()
	}
	for _, v := range latin1Variants {
		failed := 0
		for _, p := range patterns {
			re, err := CompileLatin1(p, v.opts...)
			if err != nil {
				t.Fatalf("%s: CompileLatin1(%q): %v", v.name, p, err)
			}
			if v.name == "re2" && re.prog == nil && !re.isLiteral {
				t.Errorf("CompileLatin1(%q) runs the standard library: RE2 did not compile it", p)
			}
			if v.name == "std" && re.prog != nil {
				t.Fatalf("CompileLatin1(%q, MemoryBudget(1)) compiled RE2's program", p)
			}
			std := stdregexp.MustCompile(p)
			for _, text := range all {
				if !compareLatin1(t, re, std, text) {
					failed++
					break
				}
			}
			if failed > 10 {
				t.Fatalf("%s: too many failures", v.name)
			}
		}
	}
}

// randomLatin1Atoms are the leaves of randomLatin1Pattern: bytes of both
// halves, letters that fold within Latin-1 and beyond it, classes, their
// complements, operators that look at neighbours.
var randomLatin1Atoms = []string{
	`a`, `A`, `é`, `É`, `\xff`, `\x00`, `\xb5`, `k`, `s`, `ß`, `\x{17f}`, `\x{212a}`,
	`.`, `(?s:.)`, `[^a]`, `[\x80-\xff]`, `[^\x80-\xff]`, `\pL`, `\PL`, `\w`, `\W`,
	`\s`, `\d`, `[à-ÿ]`, `[^é]`, `\b`, `\B`, `^`, `$`, `(?m:^)`, `(?m:$)`, `\n`, `(?:)`,
}

// randomLatin1Pattern builds a random pattern of the given depth.
func randomLatin1Pattern(rng *rand.Rand, depth int) string {
	if depth == 0 || rng.IntN(4) == 0 {
		return randomLatin1Atoms[rng.IntN(len(randomLatin1Atoms))]
	}
	sub := func() string { return randomLatin1Pattern(rng, depth-1) }
	switch rng.IntN(9) {
	case 0, 1, 2:
		return sub() + sub()
	case 3:
		return sub() + `|` + sub()
	case 4:
		return `(` + sub() + `)`
	case 5:
		return `(?:` + sub() + `)` + []string{`*`, `+`, `?`, `*?`, `+?`, `{2}`, `{1,3}`}[rng.IntN(7)]
	case 6:
		return `(?i:` + sub() + `)`
	case 7:
		return `[` + []string{`a-é`, `^k`, `\x00-\x7f`, `é-\xff`, `K\x{212a}`}[rng.IntN(5)] + `]`
	}
	return `(?s:` + sub() + `)`
}

// TestLatin1Random compares random patterns with the oracle on binary
// texts, on RE2.
func TestLatin1Random(t *testing.T) {
	n := 1500
	if testing.Short() || raceEnabled {
		n = 100
	}
	rng := rand.New(rand.NewPCG(21, 8))
	texts := latin1Texts()
	for range n {
		p := randomLatin1Pattern(rng, 4)
		re := MustCompileLatin1(p)
		std := stdregexp.MustCompile(p)
		for _, text := range texts {
			if !compareLatin1(t, re, std, text) {
				t.Fatalf("pattern %q", p)
			}
		}
	}
}

// TestLatin1Errors: a pattern Go refuses gets Go's error, and
// MustCompileLatin1 panics with it.
func TestLatin1Errors(t *testing.T) {
	for _, p := range []string{`a(b`, `\xZ`, "\xff", `x{1001}`, `(?P<n>a)(?P<n!>b)`} {
		_, want := stdregexp.Compile(p)
		_, err := CompileLatin1(p)
		if want == nil || err == nil || err.Error() != want.Error() {
			t.Errorf("CompileLatin1(%q) = %v, want %v", p, err, want)
		}
		func() {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, want.Error()) {
					t.Errorf("MustCompileLatin1(%q) panicked with %q", p, msg)
				}
			}()
			MustCompileLatin1(p)
		}()
	}
}

// TestLatin1Subexp: the names and count of groups are the pattern's.
func TestLatin1Subexp(t *testing.T) {
	re := MustCompileLatin1(`(?P<magic>\x7fELF)(\x01|\x02)(?P<order>[\x01\x02])`)
	if got, want := re.SubexpNames(), []string{"", "magic", "", "order"}; !reflect.DeepEqual(got, want) {
		t.Errorf("SubexpNames() = %q, want %q", got, want)
	}
	if re.NumSubexp() != 3 || re.SubexpIndex("order") != 3 || re.SubexpIndex("") != -1 || re.SubexpIndex("x") != -1 {
		t.Errorf("NumSubexp() = %d, SubexpIndex(order) = %d", re.NumSubexp(), re.SubexpIndex("order"))
	}
	m := re.FindSubmatch([]byte("junk\x7fELF\x02\x01rest"))
	if len(m) != 4 || string(m[2]) != "\x02" || string(m[3]) != "\x01" || re.String() != `(?P<magic>\x7fELF)(\x01|\x02)(?P<order>[\x01\x02])` {
		t.Errorf("FindSubmatch = %q", m)
	}
}

// TestLatin1NotUTF8 shows what the standard library cannot do: the byte
// 0xFF is a character of its own, not U+FFFD, and é is the byte 0xE9.
func TestLatin1NotUTF8(t *testing.T) {
	text := []byte("\xe9t\xe9 \xff \xc3\xa9")
	for _, c := range []struct {
		pattern string
		want    [][]int
	}{
		{`\xff`, [][]int{{4, 5}}},
		{`é`, [][]int{{0, 1}, {2, 3}}},
		{`(?i)É.`, [][]int{{0, 2}, {2, 4}}},
		{`[\x80-\xff]+`, [][]int{{0, 1}, {2, 3}, {4, 5}, {6, 8}}},
		{`\x{fffd}`, nil},
		{`\xc3\xa9`, [][]int{{6, 8}}},
	} {
		if got := MustCompileLatin1(c.pattern).FindAllIndex(text, -1); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%#q.FindAllIndex(%q) = %v, want %v", c.pattern, text, got, c.want)
		}
	}
}

// FuzzLatin1 compares every method of a Latin1 with the oracle.
func FuzzLatin1(f *testing.F) {
	for i, p := range latin1Patterns {
		f.Add(p, latin1Texts()[i%12])
	}
	f.Fuzz(func(t *testing.T, pattern string, text []byte) {
		if len(pattern) > 200 || len(text) > 1000 {
			return
		}
		std, err := stdregexp.Compile(pattern)
		if err != nil {
			if _, err2 := CompileLatin1(pattern); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("CompileLatin1(%q) = %v, want %v", pattern, err2, err)
			}
			return
		}
		re, err := CompileLatin1(pattern)
		if err != nil {
			t.Fatalf("CompileLatin1(%q): %v", pattern, err)
		}
		if !compareLatin1(t, re, std, text) {
			t.Fatalf("pattern %q", pattern)
		}
	})
}
