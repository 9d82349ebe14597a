//go:build re2_wazero

// go-re2-wazero: github.com/wasilibs/go-re2 v1.12.0 built with its
// re2_wazero tag (RE2 in wasm, run by wazero), the last release that has
// that variant. It is a module of its own because the main bench module
// needs go-re2 v1.13.0; ../../cmd/compare runs its benchmarks as a separate
// binary and merges the results.
package gore2wazero

import (
	re2 "github.com/wasilibs/go-re2"

	"github.com/re2wasm/regexp/bench/harness"
)

func init() {
	harness.Register(harness.Engine{
		Name: "go-re2-wazero",
		Note: "github.com/wasilibs/go-re2 v1.12.0, tag re2_wazero",
		Compile: func(p string) (harness.Regexp, error) {
			re, err := re2.Compile(p)
			if err != nil {
				return nil, err
			}
			return re, nil
		},
	})
}
