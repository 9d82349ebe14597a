package regexp

// Concurrency: one Regexp from many goroutines, and callbacks that panic or
// use the Regexp again.

import (
	"fmt"
	"regexp"
	"sync"
	"testing"
)

// Goroutines share compiled patterns; every result is checked against the
// standard library.
func TestConcurrentUse(t *testing.T) {
	patterns := []string{`(\w+)@(\w+)\.com`, `\d{3}-\d{4}`, `(?i)error|warn`, `^(a|b)*c$`, `x*`}
	inputs := []string{"mail bob@example.com now", "call 555-1234", "WARN: disk", "ababc", "axxb", "\xff\xfeé"}
	goroutines, rounds := 16, 300
	if testing.Short() {
		rounds = 20
	}
	var ours []*Regexp
	var std []*regexp.Regexp
	for _, p := range patterns {
		ours = append(ours, MustCompile(p))
		std = append(std, regexp.MustCompile(p))
	}
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				i := (g + r) % len(patterns)
				s := inputs[(g*7+r)%len(inputs)]
				got := fmt.Sprint(ours[i].FindAllStringSubmatchIndex(s, -1), ours[i].ReplaceAllString(s, "<$1>"))
				want := fmt.Sprint(std[i].FindAllStringSubmatchIndex(s, -1), std[i].ReplaceAllString(s, "<$1>"))
				if got != want {
					errs <- fmt.Sprintf("%q on %q: got %s, want %s", patterns[i], s, got, want)
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
}

// A panic in a user callback unwinds through the package and leaves it
// usable: the instance that was in use goes back to the pool.
func TestPanicInCallback(t *testing.T) {
	re := MustCompile(`\w+`)
	for range 10 {
		func() {
			defer func() {
				if r := recover(); r != "boom" {
					t.Errorf("recovered %v, want the callback's panic", r)
				}
			}()
			re.ReplaceAllStringFunc("one two three", func(string) string { panic("boom") })
		}()
	}
	if got := re.ReplaceAllStringFunc("one two", func(s string) string { return "<" + s + ">" }); got != "<one> <two>" {
		t.Errorf("after panics: %q", got)
	}
	if st := idleStats(t); st.InUse != 0 || st.Lost != 0 {
		t.Errorf("after panics in callbacks: %d instances in use, %d lost", st.InUse, st.Lost)
	}
}

// A callback may use the same Regexp again: it runs on another instance.
func TestReentrantCallback(t *testing.T) {
	re := MustCompile(`[a-z]+`)
	got := re.ReplaceAllStringFunc("ab cd", func(s string) string {
		return re.ReplaceAllString(s, "($0)")
	})
	if want := "(ab) (cd)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
