package plan

import (
	"regexp"
	"slices"
	"sync"
	"testing"
)

// New parses and no more; the first call studies the expression, once,
// whichever goroutines make it, and a leftmost-longest copy made before
// any call has the facts too.
func TestStudyOnFirstCall(t *testing.T) {
	const expr = `[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}`
	text := "write to jane.doe@example.org today"
	m, err := New(expr, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if m.learnt != 0 || m.study.tree == nil || m.chain != nil || m.filter != nil {
		t.Fatalf("New studied the expression: learnt %d, tree %v, chain %v, filter %v",
			m.learnt, m.study.tree != nil, m.chain != nil, m.filter)
	}
	longest := m.WithLongest()
	if m.learnt == 0 || longest.chain != m.chain || longest.chain == nil {
		t.Fatalf("WithLongest before any call: learnt %d, chains %p and %p", m.learnt, m.chain, longest.chain)
	}
	std := regexp.MustCompile(expr)
	std.Longest()
	got, err := Find(longest, text, 1)
	if want := std.FindStringIndex(text); !slices.Equal(got, want) || err != nil {
		t.Errorf("longest Find %v %v, want %v", got, err, want)
	}

	m, _ = New(expr, false, false)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if ok, err := Match(m, text); !ok || err != nil {
				t.Errorf("Match on the first calls: %v %v", ok, err)
			}
		})
	}
	wg.Wait()
	if m.learnt == 0 || m.study.tree != nil || m.chain == nil {
		t.Errorf("after the first calls: learnt %d, tree kept %v, chain %v", m.learnt, m.study.tree != nil, m.chain != nil)
	}
}
