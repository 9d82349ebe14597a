package bench

import (
	"regexp"

	"github.com/re2wasm/regexp/bench/harness"
)

// stdlib: the standard library's regexp, the baseline of every comparison.
func init() {
	harness.Register(harness.Engine{
		Name:   "stdlib",
		Strict: true,
		Note:   "regexp (standard library)",
		Compile: func(p string) (harness.Regexp, error) {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, err
			}
			return re, nil
		},
	})
}
