package re2syntax

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// TestDifferential compares, for every test pattern and input, the matches
// (FindAllSubmatchIndex, byte offsets) of Go's regexp on the original
// pattern and bytes with the emulated RE2 Latin-1 engine on the translation
// and the sanitized bytes, leftmost-first and leftmost-longest, with and
// without expanded repetitions.
func TestDifferential(t *testing.T) {
	inputs := allInputs(200)
	for _, p := range testPatterns {
		for _, mode := range modes {
			c, err := prepare(p, mode.expand, mode.longest)
			if err != nil {
				t.Errorf("%s: %v", mode, err)
				continue
			}
			failures := 0
			for _, in := range inputs {
				if err := c.check(in); err != nil {
					t.Errorf("%s: %v", mode, err)
					if failures++; failures == 3 {
						break
					}
				}
			}
		}
	}
}

// mode is one way of translating and matching.
type mode struct{ expand, longest bool }

// modes lists all combinations of expandRepeats and Longest.
var modes = []mode{{false, false}, {false, true}, {true, false}, {true, true}}

// String names the mode in failure messages.
func (m mode) String() string { return fmt.Sprintf("expand=%v longest=%v", m.expand, m.longest) }

// TestExpandRepeats checks that expanding counted repetitions changes no
// match and leaves no counted repetition except around capture groups.
func TestExpandRepeats(t *testing.T) {
	patterns := append([]string{
		`(?:(?:a{10}){10}){10}`, `(?:a{2,3}b{0,2}){2,}c{1,}?`, `[^x]{5}`,
		`(?:(a){2}b{3}){2}`, `(?:\b{2}x){3}`,
	}, testPatterns...)
	inputs := allInputs(100)
	inputs = append(inputs, []byte(strings.Repeat("a", 1000)), []byte("aaabbaabbbaaabbcc"))
	for _, p := range patterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		plain := regexp.MustCompile(Translate(re, false))
		expanded := Translate(re, true)
		if err := checkNoRepeat(expanded); err != nil {
			t.Errorf("%q expanded to %s: %v", p, expanded, err)
		}
		exp := regexp.MustCompile(expanded)
		for _, in := range inputs {
			a, errA := emulate(plain, in)
			b, errB := emulate(exp, in)
			if errA != nil || errB != nil || fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%q on %q: plain %v %v, expanded %v %v", p, in, a, errA, b, errB)
			}
		}
	}
}

// checkNoRepeat reports a counted repetition in pattern text whose operand
// has no capture group.
func checkNoRepeat(text string) error {
	re, err := syntax.Parse(text, syntax.Perl)
	if err != nil {
		return err
	}
	var walk func(*syntax.Regexp) error
	walk = func(re *syntax.Regexp) error {
		if re.Op == syntax.OpRepeat && !hasCapture(re.Sub[0]) {
			return fmt.Errorf("counted repetition %v left", re)
		}
		for _, sub := range re.Sub {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(re)
}

// TestShape checks the exact text of some translations: plain bytes for
// literals, one byte class for ASCII classes, escaping, anchors, groups.
func TestShape(t *testing.T) {
	tests := []struct {
		pattern string
		expand  bool
		want    string
	}{
		{`abc`, false, `abc`},
		{`a.b-c`, false, `a(?:[\x00-\x09\x0b-\x7f\xff]|[\xc2-\xdf](?s:.)|[\xe0-\xef](?s:..)|[\xf0-\xf4](?s:...))b\x2dc`},
		{`é+`, false, `(?:\xc3\xa9)+`},
		{`日本`, false, `\xe6\x97\xa5\xe6\x9c\xac`},
		{`[0-9A-Z_a-z]`, false, `[0-9A-Z\x5fa-z]`},
		{`\w+\s*`, false, `[0-9A-Z\x5fa-z]+[\x09\x0a\x0c\x0d\x20]*`},
		{`[*+?{}()|^$.\\\[\]-]`, false, `[\x24\x28-\x2b\x2d\x2e\x3f\x5b-\x5e\x7b-\x7d]`},
		{`(?i)k`, false, `[Kk]|\xe2\x84\xaa`},
		{`(?i)ka`, false, `(?:[Kk]|\xe2\x84\xaa)[Aa]`},
		{"\uFFFD", false, `\xef\xbf\xbd|\xff`},
		{"a\uFFFD", false, `a(?:\xef\xbf\xbd|\xff)`},
		{`[^\x00-\x{10FFFF}]`, false, noMatch},
		{`\x{D800}`, false, noMatch},
		{``, false, `(?:)`},
		{`^a$`, false, `\Aa\z`},
		{`(?m)^a$`, false, `(?m:^)a(?m:$)`},
		{`\bx\B`, false, `\bx\B`},
		{`(a)(?P<n>b)`, false, `(a)(b)`},
		{`a|bc|d`, false, `a|bc|d`},
		{`x(?:a|bc)`, false, `x(?:a|bc)`},
		{`(?:ab)*?`, false, `(?:ab)*?`},
		{`a{2,5}?`, false, `a{2,5}?`},
		{`a{2,}`, false, `a{2,}`},
		{`a{3}`, false, `a{3}`},
		{`a{2,5}`, true, `aa(?:a(?:aa?)?)?`},
		{`a{2,5}?`, true, `aa(?:a(?:aa??)??)??`},
		{`a{3,}`, true, `aaa+`},
		{`(a){3}`, true, `(a){3}`},
		{`(?m:^)*`, false, `(?m:^)*`},
		{`(?:^)*`, false, `(?:\A)*`},
		{`\A*`, false, `(?:\A)*`},
		{`(?:a*)*`, false, `(?:a*)*`},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := Translate(re, tt.expand); got != tt.want {
			t.Errorf("Translate(%q, %v) = %s, want %s", tt.pattern, tt.expand, got, tt.want)
		}
	}
}

// TestOpsCovered makes sure the test patterns exercise every syntax.Op
// (OpNoMatch, which the parser does not produce, is in TestTrees).
func TestOpsCovered(t *testing.T) {
	seen := map[syntax.Op]bool{}
	var walk func(*syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		seen[re.Op] = true
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	for _, p := range testPatterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		walk(re)
	}
	for op := syntax.OpEmptyMatch; op <= syntax.OpAlternate; op++ {
		if !seen[op] {
			t.Errorf("no test pattern parses to %v", op)
		}
	}
}

// TestLength keeps the translation of big classes compact.
func TestLength(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		max     int
	}{{`\pL`, 8000}, {`.`, 100}, {`(?s).`, 100}, {`[^a]`, 100}, {`\p{Greek}`, 600}} {
		re, _ := syntax.Parse(tt.pattern, syntax.Perl)
		n := len(Translate(re, false))
		t.Logf("len(Translate(%s)) = %d", tt.pattern, n)
		if n > tt.max {
			t.Errorf("len(Translate(%s)) = %d, want <= %d", tt.pattern, n, tt.max)
		}
	}
}
