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
	// A set may compile on its first match (this package's does): make
	// it now, outside the timed loop.
	set.MatchString("")
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

// warm matches the texts twice in turn before the timed loop: the
// warm-up of a case (one call) times the work of a call among many, not
// the first ones, which build RE2's DFA states (a second or more at
// 10 KB) and let a set measure its ways (extra.Set).
func warm(set Set, texts ...string) {
	for range 2 {
		for _, t := range texts {
			set.MatchString(t)
		}
	}
}

func init() {
	addFamily(Family{Name: "Set", Cases: func(p Preset) []Case {
		cs := bodyCases(p, func(e *Engine, body string) (*Run, error) {
			set, err := compileCRSSet(e)
			if err != nil {
				return nil, err
			}
			warm(set, body)
			return &Run{
				Op:     func() { set.MatchString(body) },
				Result: func() string { return fmt.Sprint(set.MatchString(body)) },
			}, nil
		})
		// A firewall sees a new body on every request: RE2's set builds
		// DFA states for each (the cases above repeat one body, whose
		// states it keeps). Each call here matches another rotation of
		// a 10 KB body, 64 of them in turn.
		const n = 10_000
		cs = append(cs, Case{
			Name:  "body=" + decimalSizeName(n) + "-varied",
			Bytes: n,
			Setup: func(e *Engine) (*Run, error) {
				set, err := compileCRSSet(e)
				if err != nil {
					return nil, err
				}
				body := string(crsBody(n))
				var bodies []string
				for i := range 64 {
					at := i * n / 64
					bodies = append(bodies, body[at:]+body[:at])
				}
				warm(set, bodies[:4]...)
				next := 4
				return &Run{
					Op: func() {
						set.MatchString(bodies[next])
						next = (next + 1) % len(bodies)
					},
					Result: func() string { return fmt.Sprint(set.MatchString(bodies[0])) },
				}, nil
			},
		})
		return cs
	}})
}
