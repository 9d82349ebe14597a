package regexp

// Shapes (internal/plan/shape.go): expressions anchored at the start, or
// beginning with a string, in which the next character alone makes every
// choice, which the planner walks in Go, a byte at a time, when the bytes
// it looks at are ASCII (from each occurrence of the string, in turn).
// The generator writes such patterns from characters that decide (cases
// that fold beyond ASCII, classes with and without characters beyond
// ASCII, `.`), groups, exact repeats, runs of varying length,
// alternatives, optional groups, `$` and `\z`, and as many that look
// alike but need a choice the next character cannot make (`a*a`,
// `\w+\d`, `(ab)+`, `a(?:bc)?`); texts are written from each pattern's
// tree, damaged (generate_test.go), cut short and lengthened. Every
// method is compared with the standard library's, leftmost-first and
// leftmost-longest. FuzzShapes lets the fuzzer choose seeds and texts.

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
)

// shapeChars are the characters of generated shapes.
var shapeChars = []string{
	`a`, `Z`, `0`, `\.`, `-`, `/`, ` `, `\n`, `\x00`, `\x7f`, `(?i:k)`, `(?i:s)`, `(?i:q)`, `(?i:é)`,
	`é`, `世`, `\x{FFFD}`, `[0-9]`, `[a-fA-F]`, `[^a]`, `[^\n]`, `\d`, `\w`, `\s`, `\D`, `\W`,
	`[[:alpha:]]`, `[é-ü]`, `[a-zé]`, `\pL`, `\p{Greek}`, `[\x80-\xff]`, `.`, `(?s:.)`, `(?i)[k-l]`,
	`(?:x|y|z)`, `(?:)`,
}

// shapePattern writes a pattern of runs of characters.
func shapePattern(r *rand.Rand) string {
	var b strings.Builder
	// Anchored, or not but beginning with a string, whose occurrences
	// the search visits (a string that recurs in its own matches, such
	// as "aa", makes them overlap).
	b.WriteString([]string{`^`, `^`, `\A`, `(^)`, `(?i)^`, `a`, `aa`, `x=`, `ab`, `(a)`, `-`, `\d`, `[a-c]+`, `(\w)`, `[ab]{2}`}[r.IntN(15)])
	for range 1 + r.IntN(6) {
		item := shapeChars[r.IntN(len(shapeChars))]
		other := shapeChars[r.IntN(len(shapeChars))]
		switch r.IntN(11) {
		case 0:
			item = "(" + item + other + ")"
		case 1:
			item = "(?P<g>" + item + ")"
		case 2:
			item = "(" + item + "){" + string(rune('0'+r.IntN(4))) + "}"
		case 3, 4, 5:
			item += []string{"{2}", "{3}", "?", "+", "*", "{1,2}", "{2,}", "+?", "|b"}[r.IntN(9)]
		case 6, 7: // a choice between alternatives, or an optional group
			item = []string{"(?:", "(", "(?:(", "("}[r.IntN(4)] + item + other + []string{")?", ")?", "))?", "|" + other + "x)"}[r.IntN(4)]
		case 8:
			item = "(?:" + item + "|" + other + "|(" + shapeChars[r.IntN(len(shapeChars))] + "y))"
		}
		b.WriteString(item)
	}
	b.WriteString([]string{``, ``, `$`, `\z`}[r.IntN(4)])
	return b.String()
}

func TestShapes(t *testing.T) {
	n := 400
	if testing.Short() || raceEnabled {
		n = 40
	}
	r := rand.New(rand.NewPCG(7, 11))
	texts, matched := 0, 0
	// Shapes and near misses where a wrong rule would show first.
	edges := []string{`(\w+)@(\w+)\.com`, `[A-Z]{5}\d`, `[a-c]{2,3}d`, `(\d{4})-(\d{2})`, `\d+\.\d+`, `^a+?`, `^a*?$`, `(?U)^a+`, `^(a+?)(b*)`, `^a*a`, `^\w+\d`, `^[a-z.]+\.com`, `^(ab)+`,
		`^.*x`, `^\S+ \S+$`, `(?i)^k+\x{212a}`, `^[^a]*a`, `^\d{2,}-\d`, `^a(?:bc)?`, `^(?:ab+)?c`,
		`^(?:(a)?b){2}$`, `^(GET|POST|PUT) (\S+) HTTP/1\.[01]$`, `^(?:a|b\d+|c(?:d|e)?)$`, `^(?:(a)x|(b)y|(c+))z`,
		`^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$`,
		`ERROR: (\w+)`, `user=\w+ failed`, `x\d+y`, `AKIA[0-9A-Z]{16}`, `xox[baprs]-[0-9A-Za-z-]{10,72}`,
		`-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----`, `aa(a)`, `ab\S*`, `a.b$`}
	for i := range n + len(edges) {
		expr := shapePattern(r)
		if i < len(edges) {
			expr = edges[i]
		}
		tx, m := compareShape(t, expr, i%2 == 1, r)
		texts, matched = texts+tx, matched+m
		if t.Failed() {
			t.Fatalf("pattern %#q", expr)
		}
	}
	if matched < texts/5 {
		t.Errorf("the texts lost their aim: %d of %d matched", matched, texts)
	}
}

// FuzzShapes lets the fuzzer choose the generator's seeds and a text of
// its own.
func FuzzShapes(f *testing.F) {
	for seed := range uint64(16) {
		f.Add(seed, "abc")
	}
	f.Fuzz(func(t *testing.T, seed uint64, text string) {
		r := rand.New(rand.NewPCG(seed, 3))
		compareShape(t, shapePattern(r), seed%2 == 1, r, text)
	})
}

// compareShape compares every method on expr (leftmost-longest if
// longest) with the standard library's, on texts written from its tree
// and on extra, and counts the texts and those that matched.
func compareShape(t *testing.T, expr string, longest bool, r *rand.Rand, extra ...string) (texts, matched int) {
	t.Helper()
	p := compilePair(t, expr, false, longest)
	if p == nil {
		return 0, 0
	}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	tg := textGen{r}
	for range 3 {
		s := string(tg.walk(nil, tree))
		extra = append(extra, s, string(tg.damage([]byte(s), expr)), s[:len(s)/2], s[:r.IntN(len(s)+1)],
			s+"x", s+"é", "é"+s, strings.ToUpper(s), "zz"+s+" a"+s+s, s[min(1, len(s)):]+s)
	}
	for _, s := range extra {
		compareAll(t, p, s)
		texts++
		if p.std.MatchString(s) {
			matched++
		}
	}
	return texts, matched
}

// A find-all with more matches than a walk may hold in Go (plan's
// maxHeld, 65,536): the engines answer, as the standard library.
func TestShapesManyMatches(t *testing.T) {
	p := compilePair(t, `x\d+`, false, false)
	s := strings.Repeat("x1 ", 70000)
	p.check(t, "FindAllStringIndex", "x1 ×70000", p.ours.FindAllStringIndex(s, -1), p.std.FindAllStringIndex(s, -1))
}

// Texts on which the walks would look at the rest of the text from every
// occurrence of the prefix: the engines answer, as the standard library.
func TestShapesQuadratic(t *testing.T) {
	for _, expr := range []string{`a[^x]*x`, `a[^x]*`, `ab\w*;`} {
		p := compilePair(t, expr, false, false)
		for _, s := range []string{strings.Repeat("a", 5000), strings.Repeat("a", 5000) + "x", strings.Repeat("ab", 3000) + ";"} {
			compareAll(t, p, s)
		}
	}
}
