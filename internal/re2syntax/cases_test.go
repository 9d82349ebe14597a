package re2syntax

import "math/rand/v2"

// testPatterns covers every syntax.Op, case folding with non-ASCII orbits,
// negated and big classes, U+FFFD, empty matches, anchors, word boundaries,
// greediness, nested captures and counted repetition.
var testPatterns = []string{
	// Literals, U+FFFD and impossible runes.
	``, `a`, `abc`, `é`, `日本`, "\uFFFD", "a\uFFFDb", `\x{FFFD}+`, `[\x{FFFD}]`,
	`[^\x{FFFD}]`, `[^\x{FFFD}a]+`, `\x{D800}`, `[\x{D800}-\x{DFFF}]`,
	`a[\x{D800}-\x{DFFF}]|b`, `\xff`, `ÿ+`, `\x00`, `[\x00-\x{10FFFF}]`,
	`[^\x00-\x{10FFFF}]`, `a[^\x00-\x{10FFFF}]*b`, `\Q.*?\E`, `[\x{FFFC}-\x{FFFE}]`,
	// Empty matches and anchors.
	`(?:)`, `()`, `(|a)`, `(a|)`, `a*`, `a*?`, `(a*)*`, `(a*)+`, `(a|b)*`,
	`(|a)*`, `(|a)+`, `^`, `$`, `^$`, `(?m)^`, `(?m)$`, `(?m)^$`, `(?m)^a`,
	`(?m)a$`, `(?m)^.*$`, `(?m)^\w+`, `\A`, `\z`, `\Aa|b\z`, `\b`, `\B`,
	`x*\b`, `\b\w+\b`, `\Bo\B`, `\b.`, `.\B`, `(?:^)*a`, `(?:\b)+`, `(?:$)?`,
	// Any character.
	`.`, `(?s).`, `.*`, `(?s).*`, `.+?`, `a.c`, `(?s)a.+?c`, `^.$`, `(.)(.)`,
	`.{2}`, `.{2,3}`, `(?s:.){3,}`, `[^\n]`, `(?U).+`,
	// Classes.
	`[a-z]`, `[^a]`, `[^a]+`, `[^a-z]+`, `\w`, `\W+`, `\d`, `\D`, `\s`, `\S+`,
	`\pL`, `\PL`, `\pL+`, `\p{Greek}+`, `\P{Greek}`, `\pN`, `[[:alpha:]]`,
	`[^\x00-\x7f]`, `[\x80-\x{10FFFF}]+`, `[\x{7F}-\x{80}]`, `[\x{7FF}-\x{800}]`,
	`[\x{FFFF}-\x{10000}]`, `[\x{10FFFF}]`, `[é-ü]`, `[α-ω]+`,
	`[\x{1F600}-\x{1F64F}]`, `[\x{D7FF}-\x{E000}]`, `[\x{80}-\x{FF}]+`,
	`[\x{E000}-\x{FFFF}]`, `[^\x{80}-\x{10FFFF}]+`,
	// Case folding.
	`(?i)k`, `(?i)K`, `(?i)\x{212A}`, `(?i)s`, `(?i)ſ`, `(?i)straße`,
	`(?i)[k]`, `(?i)[a-z]+`, `(?i)ǅ`, `(?i)σ`, `(?i)Σ+`, `(?i)abc|def`,
	`(?i)é`, `(?i)1a`, `(?i)\x{FFFD}`, `(?i)ks`, `(?i:k)k`, `(?i)[^k]`,
	`(?i)ß+`, `(?i)µ`,
	// Greedy and non-greedy, counted repetition.
	`a+?`, `a??`, `(a+)(a+?)`, `(a|ab)(c|bcd)(d*)`, `(a*)(b*?)`, `a{2}`,
	`a{2,}`, `a{2,4}`, `a{2,4}?`, `(a){2}`, `(a|b){1,3}`, `(?:(a)|b){2}`,
	`(ab){0}`, `a{0}`, `a{0,1}`, `a{1}`, `a{1,}?`, `(?:a{2}){3}`,
	`(x*){2,3}?`, `(?:ab){2,}?`, `(\b|a){2}`, `(?:^){3}`, `é{2}`,
	`(?:é|e){1,2}`, `(?:(?:a{2}){2}){2}`, `[ab]{3,5}`, `(?i)k{2}`,
	`\x{FFFD}{2}`, `.{0,2}?b`, `(?:a+){2}`, `(?:a*?){2,}`,
	// Captures and alternation.
	`((a)(b(c)))`, `(a(b)?)+`, `((a|b)*c)+`, `(?P<name>x)(y)`, `(((((a)))))`,
	`a|b|c`, `ab|ac`, "a|\uFFFD|é", `(é|e)+`, `日|本+`, `(a)|(b)|(é)`,
	`(?:(a)|(b))+`, `(a?)((ab)?)(b?)`, `(\w+)\s(\w+)`, `(?s)(.)(.*?)(.)$`,
	`(?m)(^|a)(b|$)`, `(k|\x{212A})+`, `x(?:\b|y)`, `(?:a|b(?:c|d))e`,
}

// testInputs holds inputs with multibyte text, case-folding partners and
// invalid UTF-8: stray continuation bytes, truncated sequences, overlong
// encodings, encoded surrogates, 0xFF and code points above U+10FFFF.
var testInputs = []string{
	"", "a", "b", "abc", "aaa", "aaaaa", "abab", "abcd", "abbcd", "ab\ncd\n",
	"\n", "\n\n", "x y_z", "foo bar baz", "hello, world", "kK\u212a",
	"sSſ", "straße STRASSE STRAẞE", "ǄǅǆDž", "σςΣ", "αβγ ΑΒΓ", "é", "eé",
	"日本語", "😀😁", "\uFFFD", "a\uFFFDb", "\xff", "a\xffb", "\xff\xff",
	"\x80", "a\x80b", "\xbf\xbf", "\xe2\x82", "\xe2\x82\xac", "\xe2\x82a",
	"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80",
	"\xed\xbf\xbf", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
	"\xf0\x8f\xbf\xbf", "\xf5\x80", "\xf0\x9f\x98", "\xf0\x9f\x98\x80\x80",
	"\x00", "a\x00b", "ÿ", "\xc3\xbf\xff", "1a2b", "x\xffy\xe2\x82\xacz\x80",
	"é\x80é", "\xe9t\xe9", "x.*?y", "µΜμ", "ß ẞ ss", "a\n\xffb\n",
	"\xef\xbf\xbd\xef\xbf\xbe", "\xef\xbf", "ab\xe6\x97\xa5\xe6\x9c", "\U0010FFFF",
}

// inputFragments are glued together to make random inputs.
var inputFragments = []string{
	"a", "b", "c", "k", "K", "s", "ſ", "\u212a", "é", "日", "😀", "\n", " ",
	"_", "1", "\uFFFD", "\xff", "\x80", "\xe2\x82", "\xed\xa0\x80", "\xc0\x80",
	"\xf4\x90\x80\x80", "ab", "x", "σ", "ß", "\xc3", "\xbf",
}

// allInputs returns testInputs plus n random concatenations of fragments.
func allInputs(n int) [][]byte {
	var out [][]byte
	for _, s := range testInputs {
		out = append(out, []byte(s))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		var b []byte
		for range rng.IntN(9) {
			b = append(b, inputFragments[rng.IntN(len(inputFragments))]...)
		}
		out = append(out, b)
	}
	return out
}
