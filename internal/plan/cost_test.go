package plan

import (
	"strings"
	"testing"
)

func mustNew(t *testing.T, expr string) *Matcher {
	t.Helper()
	m, err := New(expr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	m.studied() // tests read the facts, and change them
	return m
}

// RE2 is compiled on first need only: never for calls the standard
// library's matcher answers more cheaply, at once for a long text, and
// after enough calls for which RE2 would have been cheaper to pay for
// its compile.
func TestEnginesCompileOnFirstNeed(t *testing.T) {
	nominal(t)
	short := "key=42"
	m := mustNew(t, `(\w+)=(\d+)\b`) // \b: no shape, no chain
	for range 1000 {
		if got, err := Find(m, short, 3); err != nil || got == nil {
			t.Fatalf("Find: %v %v", got, err)
		}
	}
	if m.re2.ready() {
		t.Error("RE2 compiled for submatches of a 6-byte text")
	}

	m = mustNew(t, `(\w+)=(\d+)\b`) // \b: no shape, no chain
	if ok, _ := Match(m, strings.Repeat("x", 10000)+"a=1"); !ok || !m.re2.ready() || m.std.ready() {
		t.Errorf("one match on 10 KB: match %v, RE2 compiled %v, standard library compiled %v; want true, true, false", ok, m.re2.ready(), m.std.ready())
	}

	m = mustNew(t, `[a-z]+@[a-z]+\.com`) // a chain (chain.go)
	text := strings.Repeat("w ", 40) + "me@example.com"
	for range 1000 {
		Match(m, text)
	}
	if m.re2.ready() || m.std.ready() {
		t.Errorf("Match of a chain on %d bytes: RE2 compiled %v, standard library compiled %v; want neither", len(text), m.re2.ready(), m.std.ready())
	}

	m = mustNew(t, `[a-z]+@[a-z]+\.com\b`) // no chain: \b
	calls := 0
	for !m.re2.ready() && calls < 10000 {
		Match(m, text)
		calls++
	}
	t.Logf("%d calls on %d bytes before RE2 was compiled", calls, len(text))
	if !m.re2.ready() || calls < 2 {
		t.Errorf("RE2 compiled after %d calls on %d bytes, want after a few", calls, len(text))
	}
}

// nominal makes the test's calls use the cost model as it is written,
// uncorrected by timings (calibrate.go), which a loaded machine or the
// race detector would skew.
func nominal(t *testing.T) {
	calibrating = false
	t.Cleanup(func() { calibrating = true })
}
