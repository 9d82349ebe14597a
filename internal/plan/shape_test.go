package plan

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// shapeOf returns the shape of expr, or nil.
func shapeOf(t *testing.T, expr string) *shape {
	t.Helper()
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return newShape(tree)
}

// runLengths lists each step of f as min-max (a fork or a jump: 0-0).
func runLengths(f *shape) []int {
	var l []int
	for _, s := range f.steps {
		l = append(l, int(s.min), int(s.max))
	}
	return l
}

// The expressions that have a shape, with their runs worked out by hand,
// and some that look alike but have none.
func TestShape(t *testing.T) {
	for _, c := range []struct {
		expr  string
		runs  []int // min and max of each run
		atEnd bool
	}{
		{`^HTTP/1\.[01] 200`, slices.Repeat([]int{1, 1}, 12), false},
		{`^.bc(d|e)`, slices.Repeat([]int{1, 1}, 4), false},
		{`^\d{4}-\d{2}-\d{2}$`, []int{4, 4, 1, 1, 2, 2, 1, 1, 2, 2}, true},
		{`\A(a)(b){0}c\z`, []int{1, 1, 1, 1}, true},
		{`^(ab){2}(?:)`, slices.Repeat([]int{1, 1}, 4), false},
		{`(?i)^k`, []int{1, 1}, false},
		{`(^)(x)$$`, []int{1, 1}, true},
		{`^[^\x00-\x{10FFFF}]`, []int{1, 1}, false}, // matches nothing
		{`^/a/(\d+)$`, []int{1, 1, 1, 1, 1, 1, 1, -1}, true},
		{`^(\S+) (\w+)\s+\[`, []int{1, -1, 1, 1, 1, -1, 1, -1, 1, 1}, false},
		{`^a*b?c{2,}d{0,3}e`, []int{0, -1, 0, 1, 2, -1, 0, 3, 1, 1}, false},
		{`^x.*`, []int{1, 1, 0, -1}, false},
		{`^a*`, []int{0, -1}, false},
		{`^(\d+)(?:\.(\d{1,2}))?$`, []int{1, -1, 0, 0, 1, 1, 1, 2}, true}, // a group's start counts 0-0
	} {
		f := shapeOf(t, c.expr)
		if f == nil {
			t.Errorf("%#q: no shape", c.expr)
			continue
		}
		if got := runLengths(f); !slices.Equal(got, c.runs) || f.atEnd != c.atEnd {
			t.Errorf("%#q: runs %v, atEnd %v; want %v, %v", c.expr, got, f.atEnd, c.runs, c.atEnd)
		}
	}
	for _, expr := range []string{
		`abc`, `^a|^b`, `^(?:a|ab)c`, `^(?:[ab]|b\d)`, `(?m)^a`, `^a\b`, `^a$b`, `a^b`, `^`, `^$`,
		"^" + strings.Repeat("a", maxShapeSteps+1),
		`^a*a`, `^a+ab`, `^a?b?b`, `^\w+\d`, `^[a-z.]+\.com`, `^.*x`, `^a*?b`, `(?U)^a*b`,
		`^(ab)+`, `^(?:ab)*`, `^(a)*`, `^(a){1,2}`,
		`^(\d+)(?:\.(\d{1,2}))?`, `^(?:a+)?a`, `^(?:(a)b)?(?:(a)c)?$`, `^(?:a?)?b`, `^(?:a$)?`, `^(?:ab)??c`,
		`^(?:a|)b`, `^(?:x|a*)b`, `^a(?:bc)?`, `^(?:$|a)`,
	} {
		if f := shapeOf(t, expr); f != nil {
			t.Errorf("%#q: a shape of runs %v, want none", expr, runLengths(f))
		}
	}
}

// A shape's answers, where it gives one, are the standard library's, on
// texts made of the characters that decide: each run's own, the
// pattern's, their other cases, characters beyond ASCII (the Kelvin sign
// folds to k) and invalid bytes. Leftmost-longest matching gives the
// same answers.
func TestShapeMatch(t *testing.T) {
	tokens := []string{"a", "b", "c", "d", "e", "k", "K", "s", "S", "x", "0", "1", "2", "9", "-", ".", "/", " ",
		"\n", "H", "T", "P", "[", "]", "\u212a", "\u017f", "é", "É", "世", "\xff", "\xc3", "\x00", "\x7f"}
	r := rand.New(rand.NewPCG(1, 2))
	for _, expr := range []string{
		`^.bc(d|e)`, `^HTTP/1\.[01] 200`, `^\d{2}-\d$`, `(?i)^k(s)`, `^[^a]{2}$`, `^(?s:.)\w\W`,
		`^[a-zé]x`, `^é`, `(?i)^é`, `^\pL\d`, `^[\x80-\xff]a`, `\A(a)(b){0}c\z`, `^(?i:[k-l])\.`, `^\x{FFFD}a`,
		`^/a/(\d+)$`, `^(\S+) (\w+)\s+\[([^\]]+)\]`, `^a*b?c{2,}d{0,3}e`, `^(x.*)`, `^(a*)(b*)$`,
		`^(?i)(k+)-(s?)`, `^[0-9a-f]{2}-?[0-9a-f]{2}$`, `^(\d+)(?:\.(\d{1,2}))?$`, `^(?:ab+)?c`,
		`^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$`,
		`^(?:(a)?b){2}$`, `^(?:(x)y)?(z)?(?:(?i)(k)\.)?w`, `^(GET|POST|PUT) (\S+) HTTP/1\.[01]$`,
		`^(?:(a)x|(b)y|(c+))z`, `^(?:a|b\d+|c(?:d|e)?)$`,
	} {
		f := shapeOf(t, expr)
		if f == nil {
			t.Fatalf("%#q: no shape", expr)
		}
		for _, longest := range []bool{false, true} {
			std := regexp.MustCompile(expr)
			if longest {
				std.Longest()
			}
			decided, matched := testShapeOn(t, f, std, expr, r, tokens)
			if decided < 1000 || matched == 0 && asciiMatch(f) {
				t.Errorf("%#q: %d texts decided, %d matched: the texts missed their aim", expr, decided, matched)
			}
		}
	}
}

// testShapeOn compares f with std on random texts, and counts the texts
// that f decided and those that matched.
func testShapeOn(t *testing.T, f *shape, std *regexp.Regexp, expr string, r *rand.Rand, tokens []string) (decided, matched int) {
	t.Helper()
	alphabet := slices.Clone(tokens)
	for _, c := range expr {
		alphabet = append(alphabet, string(c))
	}
	ngroups := std.NumSubexp() + 1
	for range 4000 {
		// Each run's characters, mostly, 0 to 2 more than its minimum
		// (up to its maximum), sometimes any character; sometimes cut.
		var b strings.Builder
		for k := 0; k < len(f.steps); k++ {
			run := f.steps[k]
			switch run.kind {
			case jumpStep:
				k = int(run.next) - 1
				continue
			case forkStep:
				if n := r.IntN(len(run.alts) + 1); n < len(run.alts) {
					k = int(run.alts[n].at) - 1
				} else {
					k = int(run.next) - 1 // none taken
				}
				continue
			}
			members := asciiMembers(&run.set)
			n := int(run.min) + r.IntN(3)
			if run.max >= 0 {
				n = min(n, int(run.max))
			}
			for range n {
				if len(members) > 0 && r.IntN(8) > 0 {
					b.WriteByte(members[r.IntN(len(members))])
				} else {
					b.WriteString(alphabet[r.IntN(len(alphabet))])
				}
			}
		}
		s := b.String()
		if r.IntN(4) == 0 {
			s = s[:r.IntN(len(s)+1)]
		}
		_, end, groups, sure := f.matchAt0(s, ngroups, false)
		if !sure {
			continue
		}
		decided++
		want := std.FindStringSubmatchIndex(s)
		if end < 0 {
			groups = nil
		} else {
			matched++
			if end != groups[1] {
				t.Fatalf("%#q on %q: end %d, groups %v", expr, s, end, groups)
			}
		}
		if diff := cmp.Diff(want, groups); diff != "" {
			t.Fatalf("%#q on %q: offsets (-std +shape):\n%s", expr, s, diff)
		}
		// Match's walk, which stops at the first end of a match, agrees.
		if _, end, _, sure := f.matchAt0(s, 0, true); !sure || (end >= 0) != (want != nil) || end > len(s) {
			t.Fatalf("%#q on %q: Match's walk ends at %d (decided %v), want a match %v", expr, s, end, sure, want != nil)
		}
	}
	return decided, matched
}

// asciiMembers are the ASCII characters of c.
func asciiMembers(c *charSet) []byte {
	var m []byte
	for b := range byte(0x80) {
		if c.has(b) {
			m = append(m, b)
		}
	}
	return m
}

// asciiMatch reports whether an ASCII text can match f: every run that
// must take a character has an ASCII one.
func asciiMatch(f *shape) bool {
	for _, r := range f.steps {
		if r.kind == runStep && r.min > 0 && len(asciiMembers(&r.set)) == 0 {
			return false
		}
	}
	return true
}

// Walks from every occurrence of a prefix that each look at the rest of
// the text would take time quadratic in it: the budget turns such a call
// over to the engines, and a call that finds its match early is decided.
func TestShapeBudget(t *testing.T) {
	tree, err := syntax.Parse(`a[^x]*x`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	f := searchShape(tree)
	if f == nil {
		t.Fatal("no shape")
	}
	text := strings.Repeat("a", 50000)
	budget := newWalkBudget()
	if _, _, _, decided := f.find(text, 0, 0, false, &budget); decided {
		t.Errorf("%d walks over %d bytes decided, want the budget spent", len(text), len(text))
	}
	if f.findAll(text, -1, 1, func([]int) { t.Error("a match handed out") }) {
		t.Error("findAll decided, want the budget spent")
	}
	text += "x"
	budget = newWalkBudget()
	if start, end, _, decided := f.find(text, 0, 0, false, &budget); !decided || start != 0 || end != len(text) {
		t.Errorf("with an x at the end: %d-%d, decided %v; want 0-%d, decided", start, end, decided, len(text))
	}
}

// A find-all with more matches than it may hold goes to the engines,
// having handed out none.
func TestShapeHeld(t *testing.T) {
	tree, err := syntax.Parse(`x\d`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	f := searchShape(tree)
	if f == nil {
		t.Fatal("no shape")
	}
	count := 0
	each := func([]int) { count++ }
	if !f.findAll(strings.Repeat("x1 ", maxHeld), -1, 1, each) || count != maxHeld {
		t.Errorf("%d matches: decided with %d handed out, want decided with all", maxHeld, count)
	}
	count = 0
	if f.findAll(strings.Repeat("x1 ", maxHeld+1), -1, 1, each) || count != 0 {
		t.Errorf("%d matches: %d handed out, want the engines", maxHeld+1, count)
	}
}

// A failed walk skips the rest of its first run only when the run ends by
// itself; finding that out looks at no more than the run's most repeats
// and a byte (a check that looked at the whole run from each letter took
// 14 s over 1 MiB). Walks that fail from every byte cost more than the
// engines: the budget gives them up within a few KiB, where a budget for
// the whole text would let them spend its worth first.
func TestShapeBoundedRunSkip(t *testing.T) {
	tree, err := syntax.Parse(`[a-z ][Q-R]`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	f := searchShape(tree)
	if f == nil || !f.byFirst {
		t.Fatal("no shape searched by its first run")
	}
	const period = "abcdefghijklmnopqrstuvwxyz "
	text := []byte(strings.Repeat(period, 200000/len(period)))
	for i := 1000; i < len(text); i += 20000 {
		text[i] = 'Q'
	}
	s := string(text)
	for _, p := range []int{0, 5000, len(s) - 100} {
		if q, looked := f.runEnd(s, p); q != p || looked > int(f.steps[0].max)+1 {
			t.Errorf("runEnd from %d in a long run: %d, looked at %d bytes; want %d, at most %d", p, q, looked, p, f.steps[0].max+1)
		}
	}
	budget := newWalkBudget()
	if _, _, _, decided := f.find(s, 1001, 0, false, &budget); decided || budget.passed > 4<<10 {
		t.Errorf("walks from every byte: decided %v, given up after %d bytes; want undecided within 4 KiB", decided, budget.passed)
	}
	var got [][]int
	if f.findAll(s[:3000], -1, 1, func(m []int) { got = append(got, slices.Clone(m)) }) {
		if want := regexp.MustCompile(`[a-z ][Q-R]`).FindAllStringIndex(s[:3000], -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("matches %v, want %v", got, want)
		}
	}
}
