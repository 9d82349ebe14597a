package plan

import (
	"bufio"
	"os"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"testing"
)

// corpusCases reads the patterns and strings of Go's re2-search.txt (see
// testdata/README at the root of the module).
func corpusCases(t *testing.T) (patterns, texts []string) {
	f, err := os.Open("../../testdata/re2-search.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inStrings := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "strings":
			inStrings = true
		case line == "regexps":
			inStrings = false
		case strings.HasPrefix(line, `"`):
			s, err := strconv.Unquote(line)
			if err != nil {
				t.Fatal(err)
			}
			if inStrings {
				texts = append(texts, s)
			} else {
				patterns = append(patterns, s)
			}
		}
	}
	return patterns, texts
}

// Patterns for the facts that the corpus exercises little: non-ASCII
// literals and classes, U+FFFD, folding, required strings after
// unbounded and bounded parts.
var factPatterns = []string{
	`ERROR: (\w+)`, `user=\w+ failed`, `x\d+y`, `AKIA[0-9A-Z]{16}`, `\bfatal\b`,
	`a{2,3}b+c?d{0}e`, `(?:ab|cd)ef`, `日本(語)+`, `\x{FFFD}ab`, `a\x{FFFD}b`,
	`(?i)k+x`, `[é-ü]{2}z`, `.{3}abc`, `(abc)*def`, `x*`, `^abc$`, `(?m)^a.c$`,
	`\pL{2,4}end`, `[^a]{1,2}é`, `(a|bb)(c|dd)xyz`, `^(abc|abd)q`, `ab\x{d800}cd`,
	`abc$`, `(a|bc)\z`, `(?m)c$`, `x*$`, `^abc`, `^日本`, `^é`, `^(?:abc)`, `(?i)^abc`,
	`(?i)panic`, `(?i)(api|secret)[_-]?key`, `(?i)x-KsK-yz`, `(?i)é-ab(?-i:Cd)`,
}

// Every match the standard library finds has the facts' properties: its
// length is within the bounds, each required string occurs in it no
// further than its lead from the start, and an anchored prefix begins it.
func TestFactsHoldOnMatches(t *testing.T) {
	patterns, texts := corpusCases(t)
	patterns = append(patterns, factPatterns...)
	texts = append(texts, "ERROR: disk", "user=bob failed", "x123y", "AKIA0123456789ABCDEF", "a fatal error",
		"aabbce", "abef cdef", "日本語語", "\xffab \uFFFDab", "a\xffb", "kKx \u212ax", "éüz", "日本語abc",
		"abcabcdef", "abc", "a\nabc\nabc", "éléphantend", "xé", "bbddxyz", "abdq", "abcd",
		"PaNiC panic", "SECRET_KEY api-k\u212aey", "x-\u212aſ\u212a-YZ x-kSk-yZ", "É-AbCd é-abCd")
	checked := 0
	for _, expr := range patterns {
		for _, posix := range []bool{false, true} {
			tree, err := syntax.Parse(expr, mode(posix))
			if err != nil {
				continue
			}
			minLen, maxLen := lengths(tree)
			f := analyze(tree)
			std, err := regexp.Compile(expr)
			if posix {
				std, err = regexp.CompilePOSIX(expr)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range texts {
				for _, m := range std.FindAllStringIndex(text, -1) {
					checked++
					match := text[m[0]:m[1]]
					if n := len(match); n < minLen || maxLen != unbounded && n > maxLen {
						t.Errorf("%q matches %q (%d bytes) in %q: bounds [%d, %d]", expr, match, n, text, minLen, maxLen)
					}
					for _, r := range f.required {
						in := match
						if r.fold {
							in = asciiLower(match)
						}
						i := strings.Index(in, r.s)
						if i < 0 || r.lead != unbounded && i > r.lead {
							t.Errorf("%q matches %q in %q: required %q at most %d bytes in, found at %d", expr, match, text, r.s, r.lead, i)
						}
					}
					if f.anchoredPrefix != "" && (m[0] != 0 || !strings.HasPrefix(match, f.anchoredPrefix)) {
						t.Errorf("%q matches %q at %d: anchored prefix %q", expr, match, m[0], f.anchoredPrefix)
					}
					if f.prefixOnly && (m[0] != 0 || match != f.anchoredPrefix) {
						t.Errorf("%q matches %q at %d: it is only its prefix %q", expr, match, m[0], f.anchoredPrefix)
					}
					if f.endsAtEnd && m[1] != len(text) {
						t.Errorf("%q matches %q at %v in %q, not at the end", expr, match, m, text)
					}
					if f.literal != "" && match != f.literal {
						t.Errorf("%q matches %q: the literal is %q", expr, match, f.literal)
					}
				}
			}
		}
	}
	t.Logf("%d matches checked", checked)
	if checked < 1000 {
		t.Errorf("only %d matches checked", checked)
	}
}

// The facts are not vacuous: the planner's decisions rest on them.
func TestFactsOfPatterns(t *testing.T) {
	cases := []struct {
		expr     string
		min, max int
		required string // "s@lead" pairs, space-separated
	}{
		{`ERROR: (\w+)`, 8, unbounded, "ERROR: @0"},
		{`user=\w+ failed`, 13, unbounded, "user=@0  failed@-1"},
		{`AKIA[0-9A-Z]{16}`, 20, 20, "AKIA@0"},
		{`.{3}abc`, 6, 15, "abc@12"},
		{`(?i:k+)x`, 2, unbounded, "x@-1"},
		{`a\x{FFFD}b`, 3, 5, "a@0 b@4"},
		{`日本(語)+`, 9, unbounded, "日本@0 語@6"},
		{`x*`, 0, unbounded, ""},
		{`(a|bb)(c|dd)xyz`, 5, 7, "xyz@4"},
		{`\pL{2}`, 2, 8, ""},
		{`[é-ÿ\x{10000}]`, 2, 4, ""},
		{`[\x{FFFD}]`, 1, 3, ""},
		{`[é\x{F000}-\x{FFFF}\x{10000}]`, 1, 4, ""}, // U+FFFD inside a range: an invalid byte
		{`[é\x{F000}-\x{FFFC}\x{10000}]`, 2, 4, ""},
		{`[^\x00-\x{10FFFF}]`, 0, 0, ""},
		// Case-folded literals: pieces between the k and s (the Kelvin sign
		// and the long s also match them), marked ~.
		{`(?i)panic`, 5, 5, "~panic@0"},
		{`(?i)key`, 3, 5, "~ey@3"},
		{`(?i)ks`, 2, 5, ""},
		{`(?i)x-KsK-yz`, 8, 13, "~x-@0 ~-yz@10"},
		{`(?i)(api|secret)[_-]?key`, 6, 13, "~ey@11"},
	}
	for _, c := range cases {
		tree, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		minLen, maxLen := lengths(tree)
		f := analyze(tree)
		var got []string
		for _, r := range f.required {
			fold := ""
			if r.fold {
				fold = "~"
			}
			got = append(got, fold+r.s+"@"+strconv.Itoa(r.lead))
		}
		if minLen != c.min || maxLen != c.max || strings.Join(got, " ") != c.required {
			t.Errorf("%q: bounds [%d, %d], required %q; want [%d, %d], %q", c.expr, minLen, maxLen, strings.Join(got, " "), c.min, c.max, c.required)
		}
	}
}

// Only an anchored plain string is matched by a comparison alone.
func TestPrefixOnly(t *testing.T) {
	for expr, want := range map[string]bool{
		`^GET /api/`: true, `^日本`: true, `^(?:abc)`: true,
		`^abc$`: false, `(?i)^abc`: false, `^abc+`: false, `^(abc)`: false, `(?m)^abc`: false, `abc`: false,
	} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := analyze(tree).prefixOnly; got != want {
			t.Errorf("%q: prefixOnly %v, want %v", expr, got, want)
		}
	}
}

// asciiLower is s with its ASCII letters in lower case (a folded
// searcher's view of a text).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
