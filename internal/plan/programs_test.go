package plan

import (
	"fmt"
	"regexp"
	"sync"
	"testing"
)

// Which RE2 program matches a text: one Latin-1 program for patterns of
// ASCII literals and classes, one UTF-8 mode program for patterns whose
// UTF-8 translation is exact on any text, and otherwise the UTF-8 mode
// program for valid texts and the Latin-1 program (made on the first
// invalid text) for the others, or the standard library's matcher when
// that cannot be made.

// TestProgramChoice checks which patterns get which programs, and that
// the Latin-1 program waits for the first text that is not valid.
func TestProgramChoice(t *testing.T) {
	Force(RE2)
	defer Force(Auto)
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
		m := mustNew(t, c.pattern)
		if _, err := Match(m, "valid é text"); err != nil {
			t.Fatal(err)
		}
		if got := m.re2.prog.UTF8(); got != c.utf8 || m.needsValid != c.lazy {
			t.Errorf("%q: UTF-8 mode %v, Latin-1 for invalid texts %v; want %v, %v", c.pattern, got, m.needsValid, c.utf8, c.lazy)
			continue
		}
		if m.latin1.ready() {
			t.Errorf("%q: the Latin-1 program was made for a valid text", c.pattern)
		}
		Match(m, "invalid \xff text")
		if c.lazy && (!m.latin1.ready() || m.latin1.prog.UTF8()) {
			t.Errorf("%q: after an invalid text, Latin-1 program %v, error %v", c.pattern, m.latin1.prog, m.latin1.err)
		}
		if !c.lazy && m.latin1.ready() {
			t.Errorf("%q: a Latin-1 program was made, which it never needs", c.pattern)
		}
	}
}

// TestLatin1MadeOnce has many goroutines meet their first invalid text at
// once: one Latin-1 program is made, and every answer is the standard
// library's (run it with -race).
func TestLatin1MadeOnce(t *testing.T) {
	Force(RE2)
	defer Force(Auto)
	const expr = `(\pL+)\s(\PL)`
	m, std := mustNew(t, expr), regexp.MustCompile(expr)
	texts := []string{"Шерлок \xffХолмс", "日本 語\x80", "abc def", "é\xe2\x82 x"}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				s := texts[(g+i)%len(texts)]
				var got [][]int
				FindAll(m, s, -1, 3, func(o []int) { got = append(got, append([]int(nil), o...)) })
				if want := std.FindAllStringSubmatchIndex(s, -1); fmt.Sprint(got) != fmt.Sprint(want) {
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
	if prog := m.latin1.prog; prog == nil {
		t.Error("no Latin-1 program after invalid texts")
	}
}

// TestLatin1Unavailable: when the Latin-1 program cannot be made, the
// standard library's matcher answers for the invalid texts, on every
// primitive.
func TestLatin1Unavailable(t *testing.T) {
	Force(RE2)
	defer Force(Auto)
	for _, longest := range []bool{false, true} {
		for _, pattern := range []string{`\PL+`, `(.)(\PL*)`, `[^a]|\B`, `(?i)σ+.`} {
			m, err := New(pattern, false, longest)
			if err != nil {
				t.Fatal(err)
			}
			m.latin1.err = fmt.Errorf("made unavailable by the test")
			m.latin1.failed.Store(true)
			m.latin1.once.Do(func() {})
			std := regexp.MustCompile(pattern)
			if longest {
				std.Longest()
			}
			for _, s := range []string{"", "a\xffb", "σ\x80Σς", "\xe2\x82\xff\xff", "valid σ text"} {
				ngroups := std.NumSubexp() + 1
				got, err := Find(m, s, ngroups)
				if want := std.FindStringSubmatchIndex(s); err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("Find(%q, %q) = %v %v, want %v", pattern, s, got, err, want)
				}
				var all [][]int
				FindAll(m, s, -1, ngroups, func(o []int) { all = append(all, append([]int(nil), o...)) })
				if want := std.FindAllStringSubmatchIndex(s, -1); fmt.Sprint(all) != fmt.Sprint(want) {
					t.Errorf("FindAll(%q, %q) = %v, want %v", pattern, s, all, want)
				}
				if ok, _ := Match(m, s); ok != std.MatchString(s) {
					t.Errorf("Match(%q, %q) = %v", pattern, s, ok)
				}
			}
		}
	}
}
