package extra

import "github.com/re2wasm/regexp/internal/re2wasm"

// An Option changes how CompileSet, Compile and CompileLatin1 compile.
// Options are applied in order; a later one overrides an earlier one of
// the same kind.
type Option func(*options)

type options struct {
	budget int64 // RE2's memory budget in bytes; 0 for budgets tried in turn
}

func newOptions(opts []Option) options {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// budgets are the memory budgets to try in turn.
func (o options) budgets() []int64 {
	if o.budget > 0 {
		return []int64{o.budget}
	}
	return re2wasm.MemoryBudgets
}

// MemoryBudget caps the memory RE2 may use for a set or a regexp (its
// program and the cache of its DFA) at bytes. Without it RE2 gets 128 MiB,
// more when a program needs it (up to 2 GiB). Memory is only taken as
// texts make the DFA build states: a budget is a cap, not an allocation.
//
// A budget too small never changes an answer, only its cost. When a
// set's program does not fit, or its DFA runs out of memory on a text,
// the patterns are matched one by one (counted in SetStats.Fallbacks).
// When a regexp's program does not fit, the standard library's matcher
// runs instead of RE2 (Compile, CompileLatin1); when its DFA fills the
// budget on a text, RE2 goes on in its NFA for that call. A budget of
// zero or less restores the default.
func MemoryBudget(bytes int64) Option {
	return func(o *options) { o.budget = max(bytes, 0) }
}
