package bench

import (
	"fmt"
	stdregexp "regexp"
	"strings"
	"testing"

	regexp "github.com/re2wasm/regexp"

	"github.com/re2wasm/regexp/internal/plan"
)

// BenchmarkCrossover calibrates the planner's cost model
// (internal/plan/strategy.go): for typical small-call patterns, anchored
// and not, with and without submatches, the standard library's matcher
// beside RE2 (forced, so that the planner's own choice does not hide it)
// on texts of 8 bytes to 1 KiB that end with a match. Where the columns
// cross is where the planner should switch. Not part of `make bench`:
//
//	go test -run '^$' -bench Crossover -count 5 > crossover.txt
//	go tool benchstat -col /engine crossover.txt
func BenchmarkCrossover(b *testing.B) {
	shapes := []struct {
		name, pattern, match string
		anchored             bool
	}{
		{"email-anchored", `^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$`, "jane@example.org", true},
		{"uuid-anchored", `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, "123e4567-e89b-12d3-a456-426614174000", true},
		{"route-anchored", `^/api/v1/users/(\d+)/(\w+)$`, "/api/v1/users/42/profile", true},
		{"logline-anchored", `^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}) (\w+) user=(\w+) action=(\w+)`, "2026-12-02T10:11:12 INFO user=bob action=login", true},
		{"email", `[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}`, "jane@example.org", false},
		{"keyvalue", `(\w+)=(\d+)`, "retries=3", false},
		{"words", `foo|bar|baz|quux`, "quux", false},
		{"digits", `\d+`, "42", false},
		{"capword", `[A-Z][a-z]+`, "Holmes", false},
	}
	filler := "the quick brown fox jumps over the lazy dog. "
	for _, s := range shapes {
		std := stdregexp.MustCompile(s.pattern)
		ours := regexp.MustCompile(s.pattern)
		for _, n := range []int{8, 16, 32, 64, 128, 256, 512, 1024} {
			text := s.match
			if !s.anchored && n > len(text) {
				text = strings.Repeat(filler, n/len(filler)+1)[:n-len(s.match)] + s.match
			} else if s.anchored && n > len(text) {
				text += strings.Repeat(" ", n-len(text)) // anchored at the start only where the pattern allows
			}
			for _, op := range []string{"match", "submatch"} {
				for _, engine := range []string{"stdlib", "re2"} {
					b.Run(fmt.Sprintf("%s/op=%s/size=%d/engine=%s", s.name, op, n, engine), func(b *testing.B) {
						if engine == "re2" {
							plan.Force(plan.RE2)
							defer plan.Force(plan.Auto)
						}
						switch {
						case op == "match" && engine == "stdlib":
							for b.Loop() {
								std.MatchString(text)
							}
						case op == "match":
							for b.Loop() {
								ours.MatchString(text)
							}
						case engine == "stdlib":
							for b.Loop() {
								std.FindStringSubmatchIndex(text)
							}
						default:
							for b.Loop() {
								ours.FindStringSubmatchIndex(text)
							}
						}
					})
				}
			}
		}
	}
}
