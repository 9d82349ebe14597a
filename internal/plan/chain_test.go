package plan

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// parsed is expr parsed as New parses it.
func parsed(t *testing.T, expr string) *syntax.Regexp {
	t.Helper()
	re, err := syntax.Parse(expr, mode(false))
	if err != nil {
		t.Fatal(err)
	}
	return re
}

func TestChainOrNot(t *testing.T) {
	for _, expr := range []string{
		`[A-Z]{5}\d`, `\d+\.\d+\.\d+\.\d+`, `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`,
		`x\d+y`, `(?i)panic`, `user=\w+ failed`, `a?`, `^(a)(b+)$`, `a{0,3}b*c{2,}`, `.\S[^a]`,
		strings.Repeat("a", maxChainPlaces), `a|bc`, `(?:ab)?c`, `(?i)(api|secret)[_-]?key\s*[:=]\s*\S+`,
		`-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----`, `^(?:a|b)`, `(?:a|)`,
	} {
		if newChain(parsed(t, expr)) == nil {
			t.Errorf("%#q: no chain", expr)
		}
	}
	for _, expr := range []string{
		`(ab)+`, `(?:ab)*`, `(^a|b)`, `(a$|b)c`, `\ba`, `(?m)^a`, `a$b`, `a^b`, `^`, `$`, `(?:)`, `a{0}`,
		strings.Repeat("a", maxChainPlaces+1), `a{64}`, `\pL+`, `x[^\p{Han}]`,
	} {
		if newChain(parsed(t, expr)) != nil {
			t.Errorf("%#q: a chain", expr)
		}
	}
}

// chainAtoms and chainTimes are what generated chains are made of.
var (
	chainAtoms = []string{`a`, `b`, `\.`, `-`, `é`, `[a-c]`, `\d`, `[^a]`, `.`, `(?i)k`, `\w`, `\S`, `(?i:s)`, `\x{FFFD}`, `[a\n]`,
		`(?:ab|c)`, `(?:x|)`, `(?i:ab|ka)`, `(?:(?:a\d)?)`, `(?:b|a?)`, `(?:a|b+c|)`, `(?:\d+|x(?:a|b?))`}
	chainTimes = []string{``, ``, `?`, `*`, `+`, `{2}`, `{1,3}`, `{0,2}`, `{2,}`, `??`, `+?`}
	chainText  = []string{"a", "b", "c", "1", ".", "-", "é", "\xff", "K", "k", "\u212a", "s", "ſ", " ", "\n", "\uFFFD", "aa", "ab"}
)

// TestChainMatch compares chains' Match with the standard library's on
// generated chains and texts, bytes beyond ASCII and invalid ones
// included.
func TestChainMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	patterns := 3000
	if testing.Short() {
		patterns = 300
	}
	decided, matched, undecided := 0, 0, 0
	for range patterns {
		var b strings.Builder
		if r.IntN(4) == 0 {
			b.WriteString(`^`)
		}
		for range 1 + r.IntN(5) {
			atom := chainAtoms[r.IntN(len(chainAtoms))] + chainTimes[r.IntN(len(chainTimes))]
			if r.IntN(5) == 0 {
				atom = "(" + atom + ")"
			}
			b.WriteString(atom)
		}
		if r.IntN(4) == 0 {
			b.WriteString(`$`)
		}
		expr := b.String()
		c := newChain(parsed(t, expr))
		if c == nil {
			continue // more than 63 places
		}
		std := regexp.MustCompile(expr)
		for range 40 {
			var s strings.Builder
			for range r.IntN(12) {
				s.WriteString(chainText[r.IntN(len(chainText))])
			}
			text := s.String()
			got, ok := c.match(text)
			if !ok {
				undecided++
				continue
			}
			decided++
			if got {
				matched++
			}
			if want := std.MatchString(text); got != want {
				t.Fatalf("%#q on %q: chain %v, standard library %v", expr, text, got, want)
			}
		}
	}
	t.Logf("%d decided, %d matched, %d undecided", decided, matched, undecided)
	// The generator must reach both answers, and texts the chain leaves.
	if matched < decided/10 || matched > decided*9/10 || undecided == 0 {
		t.Errorf("%d texts decided, %d matched, %d undecided: the generator missed its aim", decided, matched, undecided)
	}
}

// TestChainInMatch compares Match, which runs chains where chainRuns
// says, with the standard library on generated chains, on short texts
// and on texts longer than chainMaxText.
func TestChainInMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	chains, long := 0, 0
	for range 300 {
		expr := ""
		for range 1 + r.IntN(4) {
			expr += chainAtoms[r.IntN(len(chainAtoms))] + chainTimes[r.IntN(len(chainTimes))]
		}
		m := mustNew(t, expr)
		if m.chain == nil {
			continue
		}
		chains++
		std := regexp.MustCompile(expr)
		for _, n := range []int{8, 3 * chainMaxText} {
			var s strings.Builder
			for s.Len() < n {
				s.WriteString(chainText[r.IntN(len(chainText))])
			}
			text := s.String()
			if m.chainRuns(len(text)) && len(text) > chainMaxText {
				long++
			}
			got, err := Match(m, text)
			if want := std.MatchString(text); got != want || err != nil {
				t.Fatalf("%#q on %q: Match %v %v, standard library %v", expr, text, got, err, want)
			}
		}
	}
	if chains < 100 || long == 0 {
		t.Errorf("%d chains, %d long texts run by a chain: the generator missed its aim", chains, long)
	}
}

// FuzzChain compares a chain's Match with the standard library's on any
// expression that is a chain, on any text.
func FuzzChain(f *testing.F) {
	f.Add(`^[a-z0-9.]+@[a-z]+\.[a-z]{2,}$`, "me@example.org")
	f.Add(`(?i)(api|secret)[_-]?key\s*[:=]\s*\S+`, "API-KEY = x")
	f.Add(`-----BEGIN (?:RSA |EC )?PRIVATE KEY-----`, "-----BEGIN EC PRIVATE KEY-----")
	f.Add(`a?(b|c?)d*`, "\xffé\u212a")
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := syntax.Parse(expr, mode(false))
		if err != nil {
			return
		}
		c := newChain(re)
		if c == nil {
			return
		}
		got, ok := c.match(text)
		if !ok {
			return
		}
		if want := regexp.MustCompile(expr).MatchString(text); got != want {
			t.Fatalf("%#q on %q: chain %v, standard library %v", expr, text, got, want)
		}
	})
}
