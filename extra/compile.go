package extra

import (
	"github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/internal/plan"
)

// Compile is like regexp.Compile (of the root package) with options, of
// which MemoryBudget applies: the memory RE2 may use for the expression's
// programs and the caches of their DFAs stays within it. The result is a
// *regexp.Regexp like any other, with the same results.
//
// A budget too small for RE2's program changes no answer, only its cost:
// every call then runs the standard library's matcher instead of RE2. A
// DFA that fills its budget on a text goes on in RE2's NFA for that call,
// as RE2 does.
func Compile(expr string, opts ...Option) (*regexp.Regexp, error) {
	m, err := plan.New(expr, false, false)
	if err != nil {
		return nil, err
	}
	m.LimitMemory(newOptions(opts).budget)
	return plan.RootRegexp(expr, m).(*regexp.Regexp), nil
}

// MustCompile is like Compile but panics if the expression cannot be
// parsed.
func MustCompile(expr string, opts ...Option) *regexp.Regexp {
	re, err := Compile(expr, opts...)
	if err != nil {
		panic(`extra: Compile(` + quote(expr) + `): ` + err.Error())
	}
	return re
}
