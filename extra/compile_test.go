package extra

import (
	"reflect"
	stdregexp "regexp"
	"strings"
	"testing"
)

// TestCompileBudget: a regexp compiled with a memory budget answers as the
// standard library does, whether RE2's program fits (the default, 1 MiB)
// or not (3 bytes: every call runs the standard library's matcher).
func TestCompileBudget(t *testing.T) {
	patterns, texts := re2SearchCorpus(t)
	if testing.Short() || raceEnabled {
		patterns, texts = patterns[:20], texts[:10]
	}
	patterns = append(patterns, nonASCIIPatterns...)
	var all []string
	for _, s := range append(texts, "aéa", "Ωmega \xff") {
		all = append(all, damaged(s)...)
	}
	for _, budget := range []int64{0, 3, 1 << 20} {
		for _, p := range patterns {
			re := MustCompile(p, MemoryBudget(budget))
			std := stdregexp.MustCompile(p)
			for _, text := range all {
				got, want := re.FindAllStringSubmatchIndex(text, -1), std.FindAllStringSubmatchIndex(text, -1)
				if !reflect.DeepEqual(got, want) || re.MatchString(text) != (want != nil) {
					t.Fatalf("MustCompile(%q, MemoryBudget(%d)).FindAllStringSubmatchIndex(%q) = %v, want %v", p, budget, text, got, want)
				}
			}
		}
	}
}

// TestCompileErrors: Go's errors, and a panic that quotes the expression.
func TestCompileErrors(t *testing.T) {
	_, want := stdregexp.Compile(`a(b`)
	if _, err := Compile(`a(b`, MemoryBudget(1<<20)); err == nil || err.Error() != want.Error() {
		t.Errorf("Compile(`a(b`) = %v, want %v", err, want)
	}
	defer func() {
		if msg, _ := recover().(string); !strings.Contains(msg, "Compile(`a(b`)") || !strings.Contains(msg, want.Error()) {
			t.Errorf("MustCompile panicked with %q", msg)
		}
	}()
	MustCompile(`a(b`)
}
