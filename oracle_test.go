package regexp

// The differential harness: every method of this package against the same
// method of the standard library, which is the oracle.

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/re2wasm/regexp/internal/plan"
)

// forceStrategy makes every call of the test use s (plan.Force), until
// the test ends.
func forceStrategy(t testing.TB, s plan.Strategy) {
	plan.Force(s)
	t.Cleanup(func() { plan.Force(plan.Auto) })
}

// strategies are those the differential tests run every case under: the
// planner's own choice, and each engine forced (plan.Force), so that each
// is proved on every case, not only where the planner picks it. Std, the
// oracle's own matcher, runs under Auto on short texts.
var strategies = []plan.Strategy{plan.Auto, plan.RE2, plan.Windowed}

// eachStrategy runs test once per strategy, as subtests.
func eachStrategy(t *testing.T, strategies []plan.Strategy, test func(t *testing.T)) {
	for _, s := range strategies {
		t.Run(s.String(), func(t *testing.T) {
			forceStrategy(t, s)
			test(t)
		})
	}
}

// pair is one expression compiled by both packages, the same way.
type pair struct {
	desc string
	ours *Regexp
	std  *regexp.Regexp
}

// compilePair compiles expr with both packages (posix selects CompilePOSIX,
// longest calls Longest) and checks that they agree on whether it compiles
// and on the error text. It returns nil if the expression does not compile.
func compilePair(t testing.TB, expr string, posix, longest bool) *pair {
	t.Helper()
	var ours *Regexp
	var std *regexp.Regexp
	var errOurs, errStd error
	if posix {
		ours, errOurs = CompilePOSIX(expr)
		std, errStd = regexp.CompilePOSIX(expr)
	} else {
		ours, errOurs = Compile(expr)
		std, errStd = regexp.Compile(expr)
	}
	desc := fmt.Sprintf("%q (posix %v, longest %v)", expr, posix, longest)
	if (errOurs == nil) != (errStd == nil) || (errOurs != nil && errOurs.Error() != errStd.Error()) {
		t.Fatalf("compiling %s: error %v, standard library %v", desc, errOurs, errStd)
	}
	if errStd != nil {
		return nil
	}
	if longest {
		ours.Longest()
		std.Longest()
	}
	return &pair{desc: desc, ours: ours, std: std}
}

// check reports a difference between our result and the oracle's.
func (p *pair) check(t testing.TB, method string, input string, got, want any) bool {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s.%s on %q (-std +ours):\n%s", p.desc, method, input, diff)
		return false
	}
	return true
}

// comparePrimitives compares the two results from which every other method
// is built: the leftmost match with its groups, and all successive matches.
func comparePrimitives(t testing.TB, p *pair, s string) bool {
	t.Helper()
	return p.check(t, "FindStringSubmatchIndex", s, p.ours.FindStringSubmatchIndex(s), p.std.FindStringSubmatchIndex(s)) &&
		p.check(t, "FindAllStringSubmatchIndex", s, p.ours.FindAllStringSubmatchIndex(s, -1), p.std.FindAllStringSubmatchIndex(s, -1))
}

// compareAll compares every matching method on input s (and []byte(s)).
func compareAll(t testing.TB, p *pair, s string) {
	t.Helper()
	b := []byte(s)
	o, g := p.ours, p.std
	p.check(t, "MatchString", s, o.MatchString(s), g.MatchString(s))
	p.check(t, "Match", s, o.Match(b), g.Match(b))
	p.check(t, "MatchReader", s, o.MatchReader(strings.NewReader(s)), g.MatchReader(strings.NewReader(s)))

	p.check(t, "Find", s, o.Find(b), g.Find(b))
	p.check(t, "FindIndex", s, o.FindIndex(b), g.FindIndex(b))
	p.check(t, "FindString", s, o.FindString(s), g.FindString(s))
	p.check(t, "FindStringIndex", s, o.FindStringIndex(s), g.FindStringIndex(s))
	p.check(t, "FindReaderIndex", s, o.FindReaderIndex(strings.NewReader(s)), g.FindReaderIndex(strings.NewReader(s)))
	p.check(t, "FindSubmatch", s, o.FindSubmatch(b), g.FindSubmatch(b))
	p.check(t, "FindSubmatchIndex", s, o.FindSubmatchIndex(b), g.FindSubmatchIndex(b))
	p.check(t, "FindStringSubmatch", s, o.FindStringSubmatch(s), g.FindStringSubmatch(s))
	p.check(t, "FindStringSubmatchIndex", s, o.FindStringSubmatchIndex(s), g.FindStringSubmatchIndex(s))
	p.check(t, "FindReaderSubmatchIndex", s, o.FindReaderSubmatchIndex(strings.NewReader(s)), g.FindReaderSubmatchIndex(strings.NewReader(s)))

	for _, n := range []int{-1, 0, 1, 2, 5} {
		m := fmt.Sprintf("(n=%d)", n)
		p.check(t, "FindAll"+m, s, o.FindAll(b, n), g.FindAll(b, n))
		p.check(t, "FindAllIndex"+m, s, o.FindAllIndex(b, n), g.FindAllIndex(b, n))
		p.check(t, "FindAllString"+m, s, o.FindAllString(s, n), g.FindAllString(s, n))
		p.check(t, "FindAllStringIndex"+m, s, o.FindAllStringIndex(s, n), g.FindAllStringIndex(s, n))
		p.check(t, "FindAllSubmatch"+m, s, o.FindAllSubmatch(b, n), g.FindAllSubmatch(b, n))
		p.check(t, "FindAllSubmatchIndex"+m, s, o.FindAllSubmatchIndex(b, n), g.FindAllSubmatchIndex(b, n))
		p.check(t, "FindAllStringSubmatch"+m, s, o.FindAllStringSubmatch(s, n), g.FindAllStringSubmatch(s, n))
		p.check(t, "FindAllStringSubmatchIndex"+m, s, o.FindAllStringSubmatchIndex(s, n), g.FindAllStringSubmatchIndex(s, n))
		p.check(t, "Split"+m, s, o.Split(s, n), g.Split(s, n))
	}

	for _, repl := range []string{"", "<$0>", "[$1|${2}x|$name|$$|$]", "${1"} {
		m := fmt.Sprintf("(%q)", repl)
		p.check(t, "ReplaceAllString"+m, s, o.ReplaceAllString(s, repl), g.ReplaceAllString(s, repl))
		p.check(t, "ReplaceAllLiteralString"+m, s, o.ReplaceAllLiteralString(s, repl), g.ReplaceAllLiteralString(s, repl))
		p.check(t, "ReplaceAll"+m, s, o.ReplaceAll(b, []byte(repl)), g.ReplaceAll(b, []byte(repl)))
		p.check(t, "ReplaceAllLiteral"+m, s, o.ReplaceAllLiteral(b, []byte(repl)), g.ReplaceAllLiteral(b, []byte(repl)))
	}
	upper := func(m string) string { return "<" + strings.ToUpper(m) + ">" }
	p.check(t, "ReplaceAllStringFunc", s, o.ReplaceAllStringFunc(s, upper), g.ReplaceAllStringFunc(s, upper))
	upperBytes := func(m []byte) []byte { return append([]byte("<"), append(bytes.ToUpper(m), '>')...) }
	p.check(t, "ReplaceAllFunc", s, o.ReplaceAllFunc(b, upperBytes), g.ReplaceAllFunc(b, upperBytes))

	if m := g.FindStringSubmatchIndex(s); m != nil {
		const template = "$0-$1-${name}-$9$$"
		p.check(t, "ExpandString", s, o.ExpandString(nil, template, s, m), g.ExpandString(nil, template, s, m))
		p.check(t, "Expand", s, o.Expand([]byte("x"), []byte(template), b, m), g.Expand([]byte("x"), []byte(template), b, m))
	}
}

// compareMetadata compares what does not depend on an input.
func compareMetadata(t testing.TB, p *pair) {
	t.Helper()
	o, g := p.ours, p.std
	p.check(t, "String", "", o.String(), g.String())
	p.check(t, "NumSubexp", "", o.NumSubexp(), g.NumSubexp())
	p.check(t, "SubexpNames", "", o.SubexpNames(), g.SubexpNames())
	for _, name := range append(g.SubexpNames(), "", "nosuchname") {
		p.check(t, "SubexpIndex("+name+")", "", o.SubexpIndex(name), g.SubexpIndex(name))
	}
	prefix, complete := o.LiteralPrefix()
	stdPrefix, stdComplete := g.LiteralPrefix()
	p.check(t, "LiteralPrefix", "", []any{prefix, complete}, []any{stdPrefix, stdComplete})
	text, err := o.MarshalText()
	stdText, stdErr := g.MarshalText()
	p.check(t, "MarshalText", "", []any{text, err}, []any{stdText, stdErr})
}
