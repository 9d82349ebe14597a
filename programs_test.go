package regexp

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// Which RE2 program matches a text: a single Latin-1 program for
// patterns of ASCII literals and classes, a single UTF-8 mode program for
// patterns whose UTF-8 translation is exact on any text, and otherwise the
// UTF-8 mode program for valid texts and the Latin-1 program (made on the
// first invalid text) for the others, or the standard library when that
// cannot be made.

// TestProgramChoice checks which patterns get which programs, and that
// the Latin-1 program waits for the first text that is not valid.
func TestProgramChoice(t *testing.T) {
	for _, c := range []struct {
		pattern    string
		utf8, lazy bool
	}{
		{`ERROR: (\w+)`, false, false}, {`[A-Z]{5}\d`, false, false}, {`\w+`, false, false},
		{`(?i)k`, false, false}, {`(?i)straße`, true, false}, {`日本|中文`, true, false},
		{`\pL+`, true, false}, {`\p{Greek}+`, true, false}, {`(?i)шерлок холмс`, true, false},
		{`[а-я]+`, true, false}, {`\bк[а-я]+`, true, false},
		{`.`, true, true}, {`id=(\d+) .*took`, true, true}, {`[^a]`, true, true},
		{`[^\p{Han}]+`, true, true}, {"\uFFFD", true, true}, {`\B\pL`, true, true}, {`\PL`, true, true},
	} {
		re := MustCompile(c.pattern)
		if got := re.prog.UTF8(); got != c.utf8 || (re.latin1 != nil) != c.lazy {
			t.Errorf("%q: UTF-8 mode %v, lazy Latin-1 %v; want %v, %v", c.pattern, got, re.latin1 != nil, c.utf8, c.lazy)
			continue
		}
		if !c.lazy {
			continue
		}
		re.MatchString("valid é text")
		if re.latin1.prog != nil {
			t.Errorf("%q: the Latin-1 program was made for a valid text", c.pattern)
		}
		re.MatchString("invalid \xff text")
		if re.latin1.prog == nil || re.latin1.prog.UTF8() || re.latin1.err != nil {
			t.Errorf("%q: after an invalid text, Latin-1 program %v, error %v", c.pattern, re.latin1.prog, re.latin1.err)
		}
	}
}

// TestLatin1MadeOnce has many goroutines meet their first invalid text at
// once: one Latin-1 program is made, and every answer is the standard
// library's (run it with -race).
func TestLatin1MadeOnce(t *testing.T) {
	p := compilePair(t, `(\pL+)\s(\PL)`, false, false)
	texts := []string{"Шерлок \xffХолмс", "日本 語\x80", "abc def", "é\xe2\x82 x"}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				s := texts[(g+i)%len(texts)]
				got, want := p.ours.FindAllStringSubmatchIndex(s, -1), p.std.FindAllStringSubmatchIndex(s, -1)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					errs <- fmt.Sprintf("%q: got %v, want %v", s, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if prog := p.ours.latin1.prog; prog == nil || prog != p.ours.latin1.get() {
		t.Errorf("Latin-1 program %v, then %v", prog, p.ours.latin1.get())
	}
}

// TestLatin1Unavailable: when the Latin-1 program cannot be made, the
// standard library matches the invalid texts, with every method.
func TestLatin1Unavailable(t *testing.T) {
	for _, mode := range modes {
		for _, pattern := range []string{`\PL+`, `(.)(\PL*)`, `[^a]|\B`, `(?i)σ+.`} {
			p := compilePair(t, pattern, false, mode.longest)
			p.ours.latin1 = &lazyLatin1{err: fmt.Errorf("made unavailable by the test")}
			p.ours.latin1.once.Do(func() {})
			for _, s := range []string{"", "a\xffb", "σ\x80Σς", "\xe2\x82\xff\xff", "valid σ text"} {
				compareAll(t, p, s)
			}
		}
	}
}

// TestGeneratedValidUTF8 runs the generator's patterns (generate_test.go)
// on its texts made valid UTF-8, so that the UTF-8 mode programs match
// them (TestGenerated's damaged texts are mostly invalid, and go to the
// Latin-1 programs).
func TestGeneratedValidUTF8(t *testing.T) {
	n := genBudget() / 3
	var counts genCounts
	for i := range n {
		seed := *genSeed + 1_000_000 + uint64(i)
		c := generate(seed)
		mode := modes[c.mode]
		p := compilePair(t, c.pattern, mode.posix, mode.longest)
		if p == nil {
			continue
		}
		counts.compiled++
		for _, s := range c.texts {
			s = strings.ToValidUTF8(s, "\uFFFD")
			compareAll(t, p, s)
			counts.texts++
			if p.std.MatchString(s) {
				counts.matched++
			}
		}
		if t.Failed() {
			t.Fatalf("seed %d (%s mode): pattern %q, texts %q", seed, mode.name, c.pattern, c.texts)
		}
	}
	t.Logf("%d seeds: %d patterns compiled, %d valid texts (%d with a match), each on every method", n, counts.compiled, counts.texts, counts.matched)
}
