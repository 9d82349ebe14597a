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

// shapeOf returns the fixed shape of expr, or nil.
func shapeOf(t *testing.T, expr string) *fixedShape {
	t.Helper()
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return newFixedShape(tree, tree.MaxCap())
}

// The expressions that have a fixed shape, with their lengths and groups
// worked out by hand, and some that look alike but have none.
func TestFixedShape(t *testing.T) {
	for _, c := range []struct {
		expr   string
		n      int
		atEnd  bool
		groups []int
	}{
		{`^HTTP/1\.[01] 200`, 12, false, []int{0, 12}},
		{`^[^\x00-\x{10FFFF}]`, 1, false, []int{0, 1}}, // matches nothing
		{`^.bc(d|e)`, 4, false, []int{0, 4, 3, 4}},
		{`^\d{4}-\d{2}-\d{2}$`, 10, true, []int{0, 10}},
		{`\A(a)(b){0}c\z`, 2, true, []int{0, 2, 0, 1, -1, -1}},
		{`^(ab){2}(?:)`, 4, false, []int{0, 4, 2, 4}},
		{`(?i)^k`, 1, false, []int{0, 1}},
		{`(^)(x)$$`, 1, true, []int{0, 1, 0, 0, 0, 1}},
	} {
		f := shapeOf(t, c.expr)
		if f == nil {
			t.Errorf("%#q: no fixed shape", c.expr)
			continue
		}
		if len(f.at) != c.n || f.atEnd != c.atEnd || !slices.Equal(f.groups, c.groups) {
			t.Errorf("%#q: %d characters, atEnd %v, groups %v; want %d, %v, %v",
				c.expr, len(f.at), f.atEnd, f.groups, c.n, c.atEnd, c.groups)
		}
	}
	for _, expr := range []string{
		`abc`, `^a?`, `^a|^b`, `^a+`, `^a*b`, `(?m)^a`, `^a\b`, `^a$b`, `a^b`,
		`^a{1,2}`, `^`, `^$`, `^(a|bc)`, "^" + strings.Repeat("a", maxFixedLen+1),
	} {
		if f := shapeOf(t, expr); f != nil {
			t.Errorf("%#q: fixed shape of %d characters, want none", expr, len(f.at))
		}
	}
}

// A shape's answers, where it gives one, are the standard library's, on
// texts made of the characters that decide: the pattern's own, their
// other cases, characters beyond ASCII (the Kelvin sign folds to k) and
// invalid bytes.
func TestFixedShapeMatch(t *testing.T) {
	tokens := []string{"a", "b", "c", "d", "e", "k", "K", "s", "S", "x", "0", "1", "2", "9", "-", ".", "/", " ",
		"\n", "H", "T", "P", "\u212a", "\u017f", "é", "É", "世", "\xff", "\xc3", "\x00", "\x7f"}
	r := rand.New(rand.NewPCG(1, 2))
	for _, expr := range []string{
		`^.bc(d|e)`, `^HTTP/1\.[01] 200`, `^\d{2}-\d$`, `(?i)^k(s)`, `^[^a]{2}$`, `^(?s:.)\w\W`,
		`^[a-zé]x`, `^é`, `(?i)^é`, `^\pL\d`, `^[\x80-\xff]a`, `\A(a)(b){0}c\z`, `^(?i:[k-l])\.`, `^\x{FFFD}a`,
	} {
		f := shapeOf(t, expr)
		if f == nil {
			t.Fatalf("%#q: no fixed shape", expr)
		}
		std := regexp.MustCompile(expr)
		alphabet := slices.Clone(tokens)
		for _, c := range expr {
			alphabet = append(alphabet, string(c))
		}
		decided, matched := 0, 0
		for range 4000 {
			// Mostly a member of each position's set, sometimes any
			// character; one too few to two too many.
			var b strings.Builder
			for i := range len(f.at) - 1 + r.IntN(4) {
				if c := asciiMembers(f, i); len(c) > 0 && r.IntN(5) > 0 {
					b.WriteByte(c[r.IntN(len(c))])
				} else {
					b.WriteString(alphabet[r.IntN(len(alphabet))])
				}
			}
			s := b.String()
			ok, sure := f.match(s)
			if !sure {
				continue
			}
			decided++
			if want := std.MatchString(s); ok != want {
				t.Fatalf("%#q on %q: match %v, want %v", expr, s, ok, want)
			}
			if ok {
				matched++
				want := std.FindStringSubmatchIndex(s)
				if diff := cmp.Diff(want, f.offsets(std.NumSubexp()+1)); diff != "" {
					t.Fatalf("%#q on %q: offsets (-want +got):\n%s", expr, s, diff)
				}
			}
		}
		if decided < 1000 || matched == 0 && asciiMatch(f) {
			t.Errorf("%#q: %d texts decided, %d matched: the texts missed their aim", expr, decided, matched)
		}
	}
}

// asciiMembers are the ASCII characters of the set at position i of f
// (none past its end).
func asciiMembers(f *fixedShape, i int) []byte {
	var c []byte
	for b := range byte(0x80) {
		if i < len(f.at) && f.at[i].has(b) {
			c = append(c, b)
		}
	}
	return c
}

// asciiMatch reports whether an ASCII text can match f: every set holds
// an ASCII character.
func asciiMatch(f *fixedShape) bool {
	for i := range f.at {
		if len(asciiMembers(f, i)) == 0 {
			return false
		}
	}
	return true
}
