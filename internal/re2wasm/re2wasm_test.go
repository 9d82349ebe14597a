package re2wasm

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/re2wasm/regexp/internal/rt"
)

func mustCompile(t testing.TB, pattern string, flags Flags) *Regexp {
	t.Helper()
	re, err := Compile(pattern, flags, 0)
	if err != nil {
		t.Fatalf("Compile(%q): %v", pattern, err)
	}
	return re
}

// The standard library agrees with RE2 on these plain ASCII patterns, so it
// serves as the oracle for offsets.
func TestMatchAgreesWithRegexp(t *testing.T) {
	cases := []struct{ pattern, text string }{
		{`a+`, "xxaaay"},
		{`(a+)(b)?`, "xaab"},
		{`(a+)(b)?`, "xaac"},
		{`(?P<word>\w+)@(\w+)`, "mail me: bob@example now"},
		{`x*`, "abc"},
		{`^$`, ""},
		{`nomatch`, "haystack"},
		{`(a)|(b)`, "b"},
	}
	for _, c := range cases {
		re := mustCompile(t, c.pattern, 0)
		std := regexp.MustCompile(c.pattern)
		offsets := make([]int, 2*(re.NumGroups()+1))
		ok, err := Match(context.Background(), re, c.text, 0, len(c.text), offsets)
		if err != nil {
			t.Fatal(err)
		}
		want := std.FindStringSubmatchIndex(c.text)
		var got []int
		if ok {
			got = offsets
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Match(context.Background(), %q, %q) (-std +re2):\n%s", c.pattern, c.text, diff)
		}
		// The same through []byte.
		okBytes, _ := Match(context.Background(), re, []byte(c.text), 0, len([]byte(c.text)), offsets)
		if okBytes != ok {
			t.Errorf("Match(context.Background(), %q, []byte(%q)) = %v, string form %v", c.pattern, c.text, okBytes, ok)
		}
	}
}

func TestMatchPositions(t *testing.T) {
	re := mustCompile(t, `b+`, 0)
	offsets := make([]int, 2)
	for _, c := range []struct {
		text string
		pos  int
		want []int
	}{
		{"abbb", 0, []int{1, 4}},
		{"abbb", 2, []int{2, 4}},
		{"abbb", 4, nil},
		{"abbb", 5, nil},
	} {
		ok, err := Match(context.Background(), re, c.text, c.pos, len(c.text), offsets)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		if ok {
			got = append(got, offsets...)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("Match(context.Background(), b+, %q, pos %d) (-want +got):\n%s", c.text, c.pos, diff)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	for _, c := range []struct {
		pattern string
		code    ErrorCode
	}{
		{`a(b`, 6},
		{`a)`, 7},
		{`x{1001}`, 10},
		{`[z-a]`, 4},
	} {
		_, err := Compile(c.pattern, 0, 0)
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("Compile(%q) = %v, want code %d (%s)", c.pattern, err, c.code, c.code)
		}
	}
	// A budget too small for the program.
	_, err := Compile(`(\pL{50}){20}`, 0, 1<<16)
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrPatternTooLarge {
		t.Errorf("Compile with a tiny budget = %v, want ErrPatternTooLarge", err)
	}
}

// collect runs MatchAll and returns the matches.
func collect[T Text](t testing.TB, re *Regexp, text T, ngroups, n int) [][]int {
	t.Helper()
	var all [][]int
	err := MatchAll(context.Background(), re, text, 0, ngroups, n, func(m []int) bool {
		all = append(all, append([]int(nil), m...))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestMatchAllEmptyMatches(t *testing.T) {
	cases := []struct{ pattern, text string }{
		{`a*`, "baaacaa"},
		{`a*?`, "baaa"},
		{``, "héllo"},
		{`x*`, "日本語"},
		{`\b`, "hi there"},
		{`(a)|b`, "abab"},
		{`a|`, "aba"},
	}
	for _, c := range cases {
		std := regexp.MustCompile(c.pattern)
		re := mustCompile(t, c.pattern, UTF8Text)
		ngroups := re.NumGroups() + 1
		for _, n := range []int{-1, 0, 1, 2} {
			want := std.FindAllStringSubmatchIndex(c.text, n)
			got := collect(t, re, c.text, ngroups, n)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("MatchAll(context.Background(), %q, %q, n=%d) (-std +re2):\n%s", c.pattern, c.text, n, diff)
			}
		}
	}
}

// Many matches cross several batches of the match-all call.
func TestMatchAllManyBatches(t *testing.T) {
	text := strings.Repeat("ab ", 20000)
	re := mustCompile(t, `(a)(b)`, 0)
	got := collect(t, re, text, 3, -1)
	want := regexp.MustCompile(`(a)(b)`).FindAllStringSubmatchIndex(text, -1)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MatchAll over %d bytes (-std +re2):\n%s", len(text), diff)
	}
	stopped := 0
	MatchAll(context.Background(), re, text, 0, 1, -1, func([]int) bool { stopped++; return stopped < 10 })
	if stopped != 10 {
		t.Errorf("yield returning false after 10 matches: called %d times", stopped)
	}
}

func TestConcurrentMatches(t *testing.T) {
	re := mustCompile(t, `(\d+)-(\d+)`, 0)
	goroutines, matches := 16, 10000
	if testing.Short() {
		matches = 500
	}
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			offsets := make([]int, 6)
			for i := range matches {
				text := fmt.Sprintf("id %d: %d-%d.", g, i, g*i)
				ok, err := Match(context.Background(), re, text, 0, len(text), offsets)
				if err != nil {
					errs <- err
					return
				}
				if !ok || text[offsets[2]:offsets[3]] != fmt.Sprint(i) || text[offsets[4]:offsets[5]] != fmt.Sprint(g*i) {
					errs <- fmt.Errorf("goroutine %d match %d: %v %v", g, i, ok, offsets)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// The cleanup goroutine may still hold one, freeing patterns that
	// earlier tests dropped.
	var st rt.Stats
	for wait := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		var err error
		if st, err = rt.ReadStats(); err != nil {
			t.Fatal(err)
		}
		if st.InUse == 0 || time.Now().After(wait) {
			break
		}
	}
	if st.InUse != 0 {
		t.Errorf("a minute after all goroutines returned, %d instances are still in use", st.InUse)
	}
	t.Logf("runtime: %+v", st)
}

func TestCleanupFreesPatterns(t *testing.T) {
	cycles := 100000
	if testing.Short() {
		cycles = 5000
	}
	compileAndDrop := func(n int) {
		for i := range n {
			re := mustCompile(t, fmt.Sprintf(`(\w+)@%d\.example`, i), 0)
			Match(context.Background(), re, "a@1.example", 0, len("a@1.example"), make([]int, 4))
		}
	}
	// settle collects garbage until the cleanups, which run on a goroutine
	// of their own, have freed what they will.
	settle := func() (wasmHeap, goHeap uint64) {
		var last uint64
		for range 100 {
			runtime.GC()
			time.Sleep(10 * time.Millisecond)
			st, err := rt.ReadStats()
			if err != nil {
				t.Fatal(err)
			}
			if st.HeapBytes-st.StackBytes == last {
				break
			}
			last = st.HeapBytes - st.StackBytes
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return last, ms.HeapAlloc
	}
	compileAndDrop(1000)
	wasm0, go0 := settle()
	compileAndDrop(cycles)
	wasm1, go1 := settle()
	st, _ := rt.ReadStats()
	t.Logf("wasm heap in use (stacks aside) %d -> %d bytes (linear memory %d bytes), Go heap %d -> %d bytes",
		wasm0, wasm1, st.LinearBytes, go0, go1)
	if wasm1 > wasm0+1<<20 {
		t.Errorf("wasm heap in use grew from %d to %d bytes over %d compile/drop cycles", wasm0, wasm1, cycles)
	}
	if go1 > go0+4<<20 {
		t.Errorf("Go heap grew from %d to %d bytes over %d compile/drop cycles", go0, go1, cycles)
	}
}

// A huge input is matched whole; its scratch buffer is given back after.
func TestHugeInput(t *testing.T) {
	size := 256 << 20
	if testing.Short() {
		size = 16 << 20
	}
	text := make([]byte, size)
	for i := range text {
		text[i] = 'a' + byte(i%3)
	}
	copy(text[size-10:], "needle-42")
	re := mustCompile(t, `needle-(\d+)`, UTF8Text)
	offsets := make([]int, 4)
	ok, err := Match(context.Background(), re, text, 0, len(text), offsets)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{size - 10, size - 1, size - 3, size - 1}
	if !ok || !cmp.Equal(offsets, want) {
		t.Errorf("Match over %d bytes = %v %v, want %v", size, ok, offsets, want)
	}
	count := 0
	if err := MatchAll(context.Background(), re, text, 0, 1, -1, func([]int) bool { count++; return true }); err != nil || count != 1 {
		t.Errorf("MatchAll over %d bytes: %d matches, %v", size, count, err)
	}
	st, err := rt.ReadStats()
	if err != nil {
		t.Fatal(err)
	}
	if st.HeapBytes > st.StackBytes+uint64(size)/4 {
		t.Errorf("after the calls, %d bytes of wasm heap are in use (%d of stacks)", st.HeapBytes, st.StackBytes)
	}
}

// In Latin-1 mode RE2 factors the first byte shared by the branches of an
// alternation out of them; that prefix must stay Latin-1, or the search
// for it (prefix acceleration) looks for its UTF-8 encoding and skips
// every match (wasm/src/patches/latin1-factored-prefix.patch). Expected
// offsets are those of the byte strings, written by hand.
func TestLatin1FactoredPrefix(t *testing.T) {
	cases := []struct {
		pattern, text string
		want          []int
	}{
		{`\xc3\xa9a|\xc3\xa8b`, "xx\xc3\xa8b", []int{2, 5}},
		{`\xc3\xa9a|\xc3\xa8b`, "\xc3\xa8\xc3\xa8\xc3\xa9a", []int{4, 7}},
		{`\xd0\xb0\xd0\xb1|\xd0\xb2\xd0\xb3`, "\xd0\xb2\xd0\xb3", []int{0, 4}},
		{`\xe3\x81\x82\xe3\x81\x84|\xe3\x81\x84\xe3\x81\x86`, "-\xe3\x81\x84\xe3\x81\x86", []int{1, 7}},
		{`\xa5\xd1|\xa5d`, "ac\xa5d", []int{2, 4}},
		{`(\xc3\xa9a|\xc3\xa8b)+`, "\xc3\xa8b\xc3\xa9a", []int{0, 6}},
	}
	for _, c := range cases {
		for _, flags := range []Flags{Latin1, Latin1 | UTF8Text, Latin1 | Longest} {
			if flags&UTF8Text != 0 && !utf8.ValidString(c.text) {
				continue // its invalid bytes would become 0xFF
			}
			re := mustCompile(t, c.pattern, flags)
			offsets := make([]int, 2)
			ok, err := Match(context.Background(), re, c.text, 0, len(c.text), offsets)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || offsets[0] != c.want[0] || offsets[1] != c.want[1] {
				t.Errorf("Match(context.Background(), %q, %q, flags %#x) = %v %v, want %v", c.pattern, c.text, flags, ok, offsets, c.want)
			}
		}
	}
}

// RE2 finds the literal prefix of a pattern with the host's re2w_index
// (wasm/src/patches/host-prefix-search.patch): candidates at the ends of
// the text, cut off by its end, overlapping, and many that fail. ASCII
// patterns, on which the standard library agrees with RE2.
func TestHostPrefixSearch(t *testing.T) {
	patterns := []string{`a\d`, `ERROR: (\w+)`, `abab\d`, `xy+z`, `needle`, `(n)eedle|nee`}
	texts := []string{
		"", "a", "a1", "xxa", "xxa1", "ERROR:", "ERROR: ", "ERROR: x", "ababab1", "abababab",
		strings.Repeat("ERROR:", 1000) + " ERROR: done", strings.Repeat("a", 5000) + "a7",
		strings.Repeat("needl", 2000) + "needle", "xyyyyz", "xz xyz",
	}
	for _, p := range patterns {
		re := mustCompile(t, p, Latin1)
		std := regexp.MustCompile(p)
		for _, text := range texts {
			var got [][]int
			err := MatchAll(context.Background(), re, text, 0, std.NumSubexp()+1, -1, func(offsets []int) bool {
				got = append(got, append([]int(nil), offsets...))
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(std.FindAllStringSubmatchIndex(text, -1), got); diff != "" {
				t.Errorf("MatchAll(context.Background(), %q) on %.40q... (-std +re2):\n%s", p, text, diff)
			}
		}
	}
}

// A search can end before the end of the text: no match ends after end,
// and the bytes after it are context, so $ and \b see them. Expected
// offsets are written by hand.
func TestMatchEnd(t *testing.T) {
	cases := []struct {
		pattern  string
		text     string
		pos, end int
		want     []int // nil: no match
	}{
		{`b+`, "aabbbcc", 0, 4, []int{2, 4}},
		{`b+c`, "aabbbcc", 0, 5, nil},
		{`c$`, "aabbbcc", 0, 6, nil},  // the text goes on after end
		{`c\b`, "aabbbcc", 0, 6, nil}, // and its next byte is a word character
		{`c\B`, "aabbbcc", 0, 6, []int{5, 6}},
		{`b$`, "aabbb", 1, 5, []int{4, 5}},
		{`(?m)b$`, "ab\nb", 0, 2, []int{1, 2}},
	}
	for _, c := range cases {
		re := mustCompile(t, c.pattern, Latin1)
		offsets := make([]int, 2)
		ok, err := Match(context.Background(), re, c.text, c.pos, c.end, offsets)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		if ok {
			got = offsets
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("Match(context.Background(), %q, %q, %d, %d) = %v, want %v", c.pattern, c.text, c.pos, c.end, got, c.want)
		}
	}
}
