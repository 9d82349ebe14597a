package harness

import (
	"fmt"
	"sync"
)

// Set is a compiled pattern set: which of its patterns match a text, as
// indices in increasing order.
type Set interface {
	MatchString(s string) []int
}

// setCompiled caches each engine's set of the Core Rule Set's patterns,
// compiled once for all body sizes.
var setCompiled sync.Map // engine name → Set

// compileCRSSet compiles the Core Rule Set's patterns as one set with
// e.CompileSet, or, for an engine without sets, as a set matched pattern
// by pattern (the CRS family's work, which is what a user of that engine
// would do).
func compileCRSSet(e *Engine) (Set, error) {
	if v, ok := setCompiled.Load(e.Name); ok {
		return v.(Set), nil
	}
	var set Set
	if e.CompileSet != nil {
		crs, err := CRS()
		if err != nil {
			return nil, err
		}
		if set, err = e.CompileSet(crs.Patterns); err != nil {
			return nil, skipf("%s cannot compile the set: %v", e.Name, err)
		}
	} else {
		ce, err := compileCRS(e)
		if err != nil {
			return nil, err
		}
		set = oneByOne(ce.res)
	}
	if e != reference {
		setCompiled.Store(e.Name, set)
	}
	return set, nil
}

// oneByOne is a set matched pattern by pattern; nil patterns (that the
// engine does not compile) never match.
type oneByOne []Regexp

func (s oneByOne) MatchString(text string) []int {
	var out []int
	for i, re := range s {
		if re != nil && re.MatchString(text) {
			out = append(out, i)
		}
	}
	return out
}

func init() {
	addFamily(Family{Name: "Set", Cases: func(p Preset) []Case {
		return bodyCases(p, func(e *Engine, body string) (*Run, error) {
			set, err := compileCRSSet(e)
			if err != nil {
				return nil, err
			}
			return &Run{
				Op:     func() { set.MatchString(body) },
				Result: func() string { return fmt.Sprint(set.MatchString(body)) },
			}, nil
		})
	}})
}
