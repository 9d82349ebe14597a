package bench

import (
	"regexp"
	"slices"
	"testing"

	re2wasm "github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/bench/harness"
	"github.com/re2wasm/regexp/extra"
	gore2 "github.com/wasilibs/go-re2"
	gore2x "github.com/wasilibs/go-re2/experimental"
)

// BenchmarkSet: which of the Core Rule Set's @rx patterns match a request
// body, as one set (this package's extra.Set, go-re2's experimental set)
// or pattern by pattern (this package, go-re2, the standard library). Each
// case first checks its answer against the standard library's.
func BenchmarkSet(b *testing.B) {
	crs, err := harness.CRS()
	if err != nil {
		b.Fatal(err)
	}
	patterns := crs.Patterns
	std := make([]*regexp.Regexp, len(patterns))
	ours := make([]*re2wasm.Regexp, len(patterns))
	theirs := make([]*gore2.Regexp, len(patterns))
	for i, p := range patterns {
		std[i] = regexp.MustCompile(p)
		ours[i] = re2wasm.MustCompile(p)
		theirs[i], _ = gore2.Compile(p) // nil where go-re2 refuses it
	}
	set := extra.MustCompileSet(patterns)
	theirSet, setErr := gore2x.CompileSet(patterns)
	oneByOne := func(match func(i int, s string) bool) func(s string) []int {
		return func(s string) []int {
			var out []int
			for i := range patterns {
				if match(i, s) {
					out = append(out, i)
				}
			}
			return out
		}
	}
	engines := []struct {
		name  string
		match func(s string) []int
	}{
		{"re2wasm-set", set.MatchString},
		{"re2wasm", oneByOne(func(i int, s string) bool { return ours[i].MatchString(s) })},
		{"go-re2-set", func(s string) []int {
			if theirSet == nil {
				return nil
			}
			got := theirSet.FindAllString(s, -1)
			slices.Sort(got)
			return got
		}},
		{"go-re2", oneByOne(func(i int, s string) bool { return theirs[i] != nil && theirs[i].MatchString(s) })},
		{"stdlib", oneByOne(func(i int, s string) bool { return std[i].MatchString(s) })},
	}
	for _, n := range []int{16, 1000, 10000, 100000} {
		body := string(harness.CRSBody(n))
		want := engines[len(engines)-1].match(body)
		for _, e := range engines {
			b.Run("body="+sizeName(n)+"/"+e.name, func(b *testing.B) {
				if e.name == "go-re2-set" && setErr != nil {
					b.Skipf("go-re2 cannot compile the set: %v", setErr)
				}
				if got := e.match(body); !slices.Equal(got, want) {
					b.Logf("%s: %d patterns match, the standard library says %d", e.name, len(got), len(want))
				}
				b.SetBytes(int64(n))
				for b.Loop() {
					e.match(body)
				}
				if e.name == "re2wasm-set" {
					b.Logf("%d patterns, set stats %+v", len(patterns), set.Stats())
				}
			})
		}
	}
}

func sizeName(n int) string {
	switch {
	case n >= 1000 && n%1000 == 0:
		return itoa(n/1000) + "KB"
	default:
		return itoa(n) + "B"
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
