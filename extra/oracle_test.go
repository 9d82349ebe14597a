package extra

import (
	"bufio"
	"os"
	"reflect"
	stdregexp "regexp"
	"strconv"
	"strings"
	"testing"
)

// The differential harness: every answer of a Set is compared, pattern by
// pattern, with the standard library's for the pattern compiled alone.

// oracle is the standard library's compilation of each pattern, plain and
// anchored at the start (\A(?:p)).
type oracle struct {
	plain, anchored []*stdregexp.Regexp
}

func newOracle(t testing.TB, patterns []string) *oracle {
	o := &oracle{}
	for _, p := range patterns {
		o.plain = append(o.plain, stdregexp.MustCompile(p))
		o.anchored = append(o.anchored, stdregexp.MustCompile(`\A(?:`+p+`)`))
	}
	return o
}

// want is what a Set of the patterns should answer on text.
func (o *oracle) want(res []*stdregexp.Regexp, text string) (matched []int, found []Match) {
	for i, re := range res {
		if loc := re.FindStringIndex(text); loc != nil {
			matched = append(matched, i)
			found = append(found, Match{Pattern: i, Loc: loc})
		}
		if re.MatchString(text) != (re.FindStringIndex(text) != nil) {
			panic("the standard library disagrees with itself")
		}
	}
	return matched, found
}

// compareSet checks every method of s on text; it reports whether all
// agreed.
func compareSet(t testing.TB, s *Set, o *oracle, text string) bool {
	t.Helper()
	ok := true
	check := func(method string, got, want any) {
		if !reflect.DeepEqual(got, want) {
			ok = false
			t.Errorf("%s(%q) = %v, want %v", method, text, got, want)
		}
	}
	matched, found := o.want(o.plain, text)
	check("MatchString", s.MatchString(text), matched)
	check("Match", s.Match([]byte(text)), matched)
	check("FindStringIndex", s.FindStringIndex(text), found)
	check("FindIndex", s.FindIndex([]byte(text)), found)
	matched, found = o.want(o.anchored, text)
	check("MatchStringAnchored", s.MatchStringAnchored(text), matched)
	check("MatchAnchored", s.MatchAnchored([]byte(text)), matched)
	check("FindStringIndexAnchored", s.FindStringIndexAnchored(text), found)
	check("FindIndexAnchored", s.FindIndexAnchored([]byte(text)), found)
	return ok
}

// re2SearchCorpus reads the patterns that Go accepts and the texts of
// Go's testdata/re2-search.txt (in the root package's testdata).
func re2SearchCorpus(t testing.TB) (patterns, texts []string) {
	f, err := os.Open("../testdata/re2-search.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seenP, seenT := map[string]bool{}, map[string]bool{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "strings" || line == "regexps":
			section = line
			continue
		case !strings.HasPrefix(line, `"`):
			continue
		}
		s, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		switch {
		case section == "strings" && !seenT[s]:
			seenT[s] = true
			texts = append(texts, s)
		case section == "regexps" && !seenP[s]:
			if _, err := stdregexp.Compile(s); err == nil {
				seenP[s] = true
				patterns = append(patterns, s)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(patterns) < 400 || len(texts) < 50 {
		t.Fatalf("read %d patterns and %d texts: the corpus is not what it was", len(patterns), len(texts))
	}
	return patterns, texts
}

// multilingualCorpus reads words of a dozen scripts and lines of prose in
// them (testdata/multilingual); each word becomes a pattern.
func multilingualCorpus(t testing.TB, maxWords int) (patterns, texts []string) {
	words, err := os.ReadFile("../testdata/multilingual/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../testdata/multilingual/text.txt")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(words)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(patterns) < maxWords {
			patterns = append(patterns, stdregexp.QuoteMeta(line), `(?i)`+stdregexp.QuoteMeta(line)+`\pL*`)
		}
	}
	for line := range strings.Lines(string(text)) {
		texts = append(texts, strings.TrimSuffix(line, "\n"))
	}
	return patterns, texts
}

// nonASCIIPatterns are patterns whose matches depend on how characters
// and invalid UTF-8 are read: the classes and operators where RE2's modes
// and Go differ unless the translation is exact.
var nonASCIIPatterns = []string{
	`é`, `éa|èb`, `[à-ÿ]+`, `(?i)STRASSE|straße`, `\pL+`, `\p{Greek}+\s`, `\PL`,
	`.`, `(?s).+`, `^.$`, `[^a]`, `[^a]+$`, `\x{fffd}`, `[\x{fffd}-\x{10ffff}]`,
	`\B`, `a\Bb`, `é\B`, `\bé`, `日本語?`, `(?i)шерлок`, `[а-я]+`, `😀+`, `\x{ff}`,
	`[\x80-\x{7ff}]`, `(?i)ǅ`, `\x{10ffff}`, `a.b`, `(?m)^.+$`, `\S+\s\S+`, `[[:^alpha:]]`,
	`(?U)é+?`, `x*`, ``, `^`, `$`, `(?:)+`,
	`\Bé`, `\B.`, `.\B`, `é\B.`, `(?:\B|y)z`, `(?i)(?:\.boto|acpi)\B`, `x*\B`, `(?:é|)\B`,
}

// damaged returns texts made from s: invalid bytes put in, characters cut
// in two, U+FFFD itself, the encoding of a surrogate.
func damaged(s string) []string {
	out := []string{s, s + "\xff", "\xc3" + s, s + "\xed\xa0\x80", "\xef\xbf\xbd" + s}
	if len(s) > 1 {
		out = append(out, s[:len(s)/2]+"\x80"+s[len(s)/2:], s[:len(s)-1])
	}
	return out
}
