package re2wasm

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"regexp/syntax"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/re2wasm/regexp/internal/re2syntax"
	"github.com/re2wasm/regexp/internal/rt"
)

// The two modes side by side with the standard library, as the root
// package would run them (go test -bench 'Mode|TextCheck' ./internal/re2wasm):
//
//   - latin1: Translate, Latin1|UTF8Text (TextAsIs where the root
//     package sets it: the text is then neither checked nor sanitised);
//   - utf8: TranslateUTF8, UTF-8 mode, the text checked by utf8.Valid
//     first when re2syntax.NeedsValidUTF8 (the check is part of the cost,
//     as it is in the root package);
//   - std: the standard library.
//
// BenchmarkTextCheck puts the cost of utf8.Valid beside that of the copy
// into wasm memory.

// modeCase is one pattern and the texts it is matched against.
type modeCase struct {
	name, pattern string
	logs          bool // matched against log lines, else against prose
	exact         bool // TextAsIs: ASCII-only classes, no ., no U+FFFD
}

// modeCases are the patterns of issue 10, item 3.
var modeCases = []modeCase{
	{"pL", `\pL`, false, false},
	{"pL+", `\pL+`, false, false},
	{"pL{256}", `\pL{256}`, false, false},
	{"Greek+", `\p{Greek}+`, false, false},
	{"notHan+", `[^\p{Han}]+`, false, false},
	{"foldCyrillic", `(?i)шерлок холмс`, false, false},
	{"w+", `\w+`, false, true},
	{"cyrillic200", cyrillicWords(200), false, false},
	{"errorWord", `ERROR: (\w+)`, true, true},
	{"upper5digit", `[A-Z]{5}\d`, true, true},
	{"dotStarASCII", `id=(\d+) .*took`, true, false},
}

// Texts: bigText is below 1 MiB, since the scratch buffer of a bigger
// call is faulted in afresh each time (0.6 ms, the same in both modes,
// which would hide what differs); smallText is one call's worth of text.
const (
	bigText   = 960 << 10
	smallText = 4 << 10
)

var proseText, logText string

// prose is n bytes (less a cut character) of the multilingual prose of
// the root package's testdata (Cyrillic, Greek, CJK, kana, Latin, emoji).
func prose(n int) string {
	if proseText == "" {
		b, err := os.ReadFile("../../testdata/multilingual/text.txt")
		if err != nil {
			panic(err)
		}
		proseText = strings.Repeat(string(b), bigText/len(b)+1)
	}
	return strings.ToValidUTF8(proseText[:n], "")
}

// logs is n bytes of ASCII log lines, one in 50 an error.
func logs(n int) string {
	if logText == "" {
		rng := rand.New(rand.NewPCG(1, 1))
		var sb strings.Builder
		for sb.Len() < bigText {
			if rng.IntN(50) == 0 {
				fmt.Fprintf(&sb, "2026-12-02T10:%02d:%02dZ ERROR: timeout id=%d path=/api/v1/items took=%dms\n", rng.IntN(60), rng.IntN(60), rng.IntN(100000), rng.IntN(5000))
				continue
			}
			fmt.Fprintf(&sb, "2026-12-02T10:%02d:%02dZ info request id=%d path=/api/v1/users/%d status=200 took=%dms\n", rng.IntN(60), rng.IntN(60), rng.IntN(100000), rng.IntN(1000), rng.IntN(500))
		}
		logText = sb.String()
	}
	return logText[:n]
}

// text is c's text of n bytes.
func (c modeCase) text(n int) string {
	if c.logs {
		return logs(n)
	}
	return prose(n)
}

// cyrillicWords is an alternation of n distinct made-up Cyrillic words of
// 4-9 letters.
func cyrillicWords(n int) string {
	rng := rand.New(rand.NewPCG(2, 2))
	letters := []rune("абвгдежзийклмнопрстуфхцчшщыьэюя")
	seen := map[string]bool{}
	var words []string
	for len(words) < n {
		w := make([]rune, 4+rng.IntN(6))
		for i := range w {
			w[i] = letters[rng.IntN(len(letters))]
		}
		if s := string(w); !seen[s] {
			seen[s] = true
			words = append(words, s)
		}
	}
	return strings.Join(words, "|")
}

// checksText reports whether the root package checks c's texts in mode.
func (c modeCase) checksText(mode string) bool {
	parsed, err := syntax.Parse(c.pattern, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return mode == "utf8" && re2syntax.NeedsValidUTF8(parsed)
}

// compileMode compiles c's pattern in a mode ("latin1" or "utf8") with
// the budgets the root package tries.
func compileMode(tb testing.TB, c modeCase, mode string) *Regexp {
	parsed, err := syntax.Parse(c.pattern, syntax.Perl)
	if err != nil {
		tb.Fatal(err)
	}
	text := re2syntax.TranslateUTF8(parsed, false)
	opts := Options{Budgets: []int64{8 << 20, 64 << 20, 512 << 20, 2 << 30}}
	if mode == "latin1" {
		text = re2syntax.Translate(parsed, false)
		opts.Flags, opts.TextAsIs = Latin1|UTF8Text, c.exact
	}
	re, err := CompileWith(text, opts)
	if err != nil {
		tb.Fatalf("%s: %v", c.pattern, err)
	}
	return re
}

func BenchmarkModeCompile(b *testing.B) {
	for _, c := range modeCases {
		for _, mode := range []string{"latin1", "utf8"} {
			b.Run(c.name+"/"+mode, func(b *testing.B) {
				for b.Loop() {
					compileMode(b, c, mode)
				}
			})
		}
		b.Run(c.name+"/std", func(b *testing.B) {
			for b.Loop() {
				regexp.MustCompile(c.pattern)
			}
		})
	}
}

// BenchmarkModeHeap reports the wasm heap that one compiled program
// holds (before any match builds DFA states): each iteration waits for the
// cleanups of programs dropped before it, then compiles one and keeps it.
func BenchmarkModeHeap(b *testing.B) {
	for _, c := range modeCases {
		for _, mode := range []string{"latin1", "utf8"} {
			b.Run(c.name+"/"+mode, func(b *testing.B) {
				var total uint64
				var kept []*Regexp
				for b.Loop() {
					b.StopTimer()
					before := settledHeap(b)
					b.StartTimer()
					kept = append(kept, compileMode(b, c, mode))
					total += heapBytes(b) - before
				}
				b.ReportMetric(float64(total)/float64(b.N), "heap-B/op")
				runtime.KeepAlive(kept)
			})
		}
	}
}

// settledHeap collects garbage until the wasm heap holds still, the
// cleanups of dropped programs done, and returns it.
func settledHeap(tb testing.TB) uint64 {
	last := heapBytes(tb)
	for range 100 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		now := heapBytes(tb)
		if now == last {
			return now
		}
		last = now
	}
	return last
}

func heapBytes(tb testing.TB) uint64 {
	st, err := rt.ReadStats()
	if err != nil {
		tb.Fatal(err)
	}
	return st.HeapBytes
}

// BenchmarkModeFind measures one call: the leftmost match with its groups
// in 4 KiB (Find; no match for pL{256}, upper5digit).
func BenchmarkModeFind(b *testing.B) {
	benchmarkModeMatch(b, smallText, false)
}

// BenchmarkModeFindAll measures every match in 960 KiB (FindAllIndex),
// and reports the searches whose DFA ran out of memory.
func BenchmarkModeFindAll(b *testing.B) {
	benchmarkModeMatch(b, bigText, true)
}

func benchmarkModeMatch(b *testing.B, size int, all bool) {
	for _, c := range modeCases {
		text := c.text(size)
		std := regexp.MustCompile(c.pattern)
		want := len(std.FindAllStringIndex(text, -1))
		for _, mode := range []string{"latin1", "utf8"} {
			b.Run(c.name+"/"+mode, func(b *testing.B) {
				re := compileMode(b, c, mode)
				offsets := make([]int, 2*(re.NumGroups()+1))
				failures := dfaFailures(b)
				check := c.checksText(mode)
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if check && !utf8.ValidString(text) {
						b.Fatal("text not valid")
					}
					if !all {
						if _, err := Match(context.Background(), re, text, 0, len(text), offsets); err != nil {
							b.Fatal(err)
						}
						continue
					}
					n := 0
					MatchAll(context.Background(), re, text, 0, 1, -1, func([]int) bool { n++; return true })
					if n != want {
						b.Fatalf("%d matches, want %d", n, want)
					}
				}
				b.ReportMetric(float64(dfaFailures(b)-failures)/float64(b.N), "dfa-failures/op")
			})
		}
		b.Run(c.name+"/std", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if all {
					std.FindAllStringIndex(text, -1)
				} else {
					std.FindStringSubmatchIndex(text)
				}
			}
		})
	}
}

func dfaFailures(tb testing.TB) uint64 {
	st, err := rt.ReadStats()
	if err != nil {
		tb.Fatal(err)
	}
	return st.DFAFailures
}

// BenchmarkTextCheck measures, on 960 KiB of ASCII and of multilingual
// text, the copy into wasm memory, utf8.Valid, and Sanitize of the copy
// (the Latin-1 mode's pass on a text that is not valid).
func BenchmarkTextCheck(b *testing.B) {
	for _, tc := range []struct {
		name string
		text func(int) string
	}{{"ascii", logs}, {"multilingual", prose}} {
		text := []byte(tc.text(bigText))
		b.Run(tc.name+"/copy", func(b *testing.B) {
			inst, err := rt.Acquire()
			if err != nil {
				b.Fatal(err)
			}
			defer inst.Release()
			buf, err := inst.Scratch(len(text))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				copy(inst.Memory()[buf:], text)
			}
		})
		b.Run(tc.name+"/valid", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if !utf8.Valid(text) {
					b.Fatal("invalid")
				}
			}
		})
		b.Run(tc.name+"/sanitize", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				re2syntax.Sanitize(text)
			}
		})
	}
}

var modeFigures = flag.Bool("mode.figures", false, "TestModeFigures: log the modes' figures")

// TestModeFigures logs, for each of modeCases, the best of several
// interleaved runs of compile, Find on 4 KiB and FindAll on 960 KiB in
// both modes and in the standard library: on a shared machine the best of
// interleaved runs is steadier than a benchmark's mean. It runs only with
// -mode.figures (about two minutes).
func TestModeFigures(t *testing.T) {
	if !*modeFigures {
		t.Skip("-mode.figures not set")
	}
	best := func(runs int, f func()) time.Duration {
		d := time.Duration(1 << 62)
		for range runs {
			start := time.Now()
			f()
			d = min(d, time.Since(start))
		}
		return d
	}
	modes := []string{"latin1", "utf8", "std"}
	t.Logf("%-13s %-8s %12s %12s %12s", "pattern", "figure", modes[0], modes[1], modes[2])
	for _, c := range modeCases {
		small, big := c.text(smallText), c.text(bigText)
		std := regexp.MustCompile(c.pattern)
		progs := map[string]*Regexp{}
		var compile, find, findAll [3]time.Duration
		for i := range compile {
			compile[i] = time.Duration(1 << 62)
			find[i], findAll[i] = compile[i], compile[i]
		}
		runs := 7
		if c.name == "pL{256}" || c.name == "cyrillic200" {
			runs = 2 // seconds per run in one mode or the standard library
		}
		for range runs {
			for i, mode := range modes {
				if mode == "std" {
					compile[i] = min(compile[i], best(1, func() { regexp.MustCompile(c.pattern) }))
					find[i] = min(find[i], best(5, func() { std.FindStringSubmatchIndex(small) }))
					findAll[i] = min(findAll[i], best(1, func() { std.FindAllStringIndex(big, -1) }))
					continue
				}
				compile[i] = min(compile[i], best(1, func() { progs[mode] = compileMode(t, c, mode) }))
				re := progs[mode]
				offsets := make([]int, 2*(re.NumGroups()+1))
				check := c.checksText(mode)
				match := func(text string, all bool) {
					if check && !utf8.ValidString(text) {
						t.Fatal("text not valid")
					}
					if all {
						MatchAll(context.Background(), re, text, 0, 1, -1, func([]int) bool { return true })
					} else {
						Match(context.Background(), re, text, 0, len(text), offsets)
					}
				}
				find[i] = min(find[i], best(5, func() { match(small, false) }))
				findAll[i] = min(findAll[i], best(1, func() { match(big, true) }))
			}
		}
		for _, row := range []struct {
			name string
			d    [3]time.Duration
		}{{"compile", compile}, {"find 4K", find}, {"findAll", findAll}} {
			t.Logf("%-13s %-8s %12v %12v %12v   latin1/utf8 %.2f (utf8 checks the text: %v)", c.name, row.name, row.d[0], row.d[1], row.d[2], float64(row.d[0])/float64(row.d[1]), c.checksText("utf8"))
		}
	}
	for _, tc := range []struct {
		name string
		text string
	}{{"ascii", logs(bigText)}, {"multilingual", prose(bigText)}} {
		text := []byte(tc.text)
		inst, err := rt.Acquire()
		if err != nil {
			t.Fatal(err)
		}
		buf, err := inst.Scratch(len(text))
		if err != nil {
			t.Fatal(err)
		}
		cp := best(20, func() { copy(inst.Memory()[buf:], text) })
		inst.Release()
		valid := best(20, func() { utf8.Valid(text) })
		sanitize := best(20, func() { re2syntax.Sanitize(text) })
		t.Logf("%s text, 960 KiB: copy into wasm memory %v, utf8.Valid %v (%.2fx the copy), Sanitize %v", tc.name, cp, valid, float64(valid)/float64(cp), sanitize)
	}
}
