package bench

import (
	"slices"

	re2 "github.com/wasilibs/go-re2"
	"github.com/wasilibs/go-re2/experimental"

	"github.com/re2wasm/regexp/bench/harness"
)

// go-re2: github.com/wasilibs/go-re2 v1.13.0, RE2 compiled to wasm and
// translated to Go (wasm2go). Its wazero variant (v1.12.0, tag re2_wazero)
// is benchmarked from peers/gore2wazero.
func init() {
	harness.Register(harness.Engine{
		Name: "go-re2",
		Note: "github.com/wasilibs/go-re2 v1.13.0 (wasm2go)",
		Compile: func(p string) (harness.Regexp, error) {
			re, err := re2.Compile(p)
			if err != nil {
				return nil, err
			}
			return re, nil
		},
		CompileSet: func(patterns []string) (harness.Set, error) {
			set, err := experimental.CompileSet(patterns)
			if err != nil {
				return nil, err
			}
			return gore2Set{set}, nil
		},
	})
}

// gore2Set gives go-re2's experimental set's answer in increasing order.
type gore2Set struct{ set *experimental.Set }

func (s gore2Set) MatchString(text string) []int {
	got := s.set.FindAllString(text, -1)
	slices.Sort(got)
	return got
}
