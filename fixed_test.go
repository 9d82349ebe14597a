package regexp

// Fixed shapes (internal/plan/fixed.go): expressions anchored at the start
// whose matches are a run of characters, each from a set of its own, with
// no choice of length, which the planner answers in Go, a byte at a time,
// when the bytes it looks at are ASCII. The generator writes such
// patterns from characters that decide (cases that fold beyond ASCII,
// classes with and without characters beyond ASCII, `.`, groups, exact
// repeats, `$` and `\z`), and a few that look alike but have a choice;
// texts are written from each pattern's tree, damaged (generate_test.go),
// cut short and lengthened. Every method is compared with the standard
// library's.

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
)

// fixedChars are the characters of generated fixed shapes.
var fixedChars = []string{
	`a`, `Z`, `0`, `\.`, `-`, `/`, ` `, `\n`, `\x00`, `\x7f`, `(?i:k)`, `(?i:s)`, `(?i:q)`, `(?i:é)`,
	`é`, `世`, `\x{FFFD}`, `[0-9]`, `[a-fA-F]`, `[^a]`, `[^\n]`, `\d`, `\w`, `\s`, `\D`, `\W`,
	`[[:alpha:]]`, `[é-ü]`, `[a-zé]`, `\pL`, `\p{Greek}`, `[\x80-\xff]`, `.`, `(?s:.)`, `(?i)[k-l]`,
	`(?:x|y|z)`, `(?:)`,
}

// fixedPattern writes a pattern of a fixed shape, or, one time in ten, of
// a shape with a choice (`?`, `+`, `{1,2}`, `|`).
func fixedPattern(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString([]string{`^`, `^`, `\A`, `(^)`, `(?i)^`}[r.IntN(5)])
	for range 1 + r.IntN(6) {
		item := fixedChars[r.IntN(len(fixedChars))]
		switch r.IntN(8) {
		case 0:
			item = "(" + item + fixedChars[r.IntN(len(fixedChars))] + ")"
		case 1:
			item = "(?P<g>" + item + ")"
		case 2:
			item = "(" + item + "){" + string(rune('0'+r.IntN(4))) + "}"
		case 3:
			item += []string{"{2}", "{3}", "?", "+", "{1,2}", "|b"}[r.IntN(6)]
		}
		b.WriteString(item)
	}
	b.WriteString([]string{``, ``, `$`, `\z`}[r.IntN(4)])
	return b.String()
}

func TestFixedShapes(t *testing.T) {
	n := 400
	if testing.Short() || raceEnabled {
		n = 40
	}
	r := rand.New(rand.NewPCG(7, 11))
	tg := textGen{r}
	texts, matched := 0, 0
	for range n {
		expr := fixedPattern(r)
		p := compilePair(t, expr, false, false)
		if p == nil {
			continue
		}
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			s := string(tg.walk(nil, tree))
			for _, s := range []string{s, string(tg.damage([]byte(s), expr)), s[:len(s)/2], s + "x", s + "é", "é" + s, strings.ToUpper(s)} {
				compareAll(t, p, s)
				texts++
				if p.std.MatchString(s) {
					matched++
				}
			}
		}
		if t.Failed() {
			t.Fatalf("pattern %#q", expr)
		}
	}
	if matched < texts/5 {
		t.Errorf("the texts lost their aim: %d of %d matched", matched, texts)
	}
}
