package harness

import "fmt"

// The Unicode family: Unicode classes, case folding of non-ASCII letters
// and repetitions of large classes over multilingual text (multilingual.go),
// every match counted with FindAllIndex; and the time to compile those
// patterns, which grow large when classes are spelled out as UTF-8 byte
// sequences.

// unicodePatterns are the patterns of the family, by name.
var unicodePatterns = []struct{ name, re string }{
	{"letters", `\pL+`},
	{"greek", `\p{Greek}+`},
	{"not-han", `[^\p{Han}]+`},
	{"word-ascii", `\w+`},
	{"casei-cyrillic", `(?i)шерлок|холмс`},
	{"letters8", `\pL{8}`},
	{"letters20", `\p{L}{20}`},
	{"upper-lower-5-10", `[\p{Lu}\p{Ll}]{5,10}`},
	{"capword-boundary", `\b\p{Lu}\p{Ll}+\b`},
	{"capword", `\p{Lu}\p{Ll}+`},
}

// unicodeCompiled are the patterns whose compilation the family times,
// with rebar's fifty letters.
var unicodeCompiled = []struct{ name, re string }{
	{"letters", `\pL+`},
	{"not-han", `[^\p{Han}]+`},
	{"casei-cyrillic", `(?i)шерлок|холмс`},
	{"letters20", `\p{L}{20}`},
	{"letters50", `\pL{50}`},
	{"upper-lower-5-10", `[\p{Lu}\p{Ll}]{5,10}`},
}

func init() {
	addFamily(Family{Name: "Unicode", Cases: func(p Preset) []Case {
		var cs []Case
		for _, pat := range unicodePatterns {
			for _, n := range p.UnicodeSizes {
				cs = append(cs, Case{
					Name:  fmt.Sprintf("re=%s/size=%s", pat.name, sizeName(n)),
					Bytes: int64(n),
					Setup: textModel(pat.re, sized(multilingualText, n), countMatches),
				})
			}
		}
		for _, pat := range unicodeCompiled {
			cs = append(cs, Case{
				Name:  fmt.Sprintf("re=%s/op=compile", pat.name),
				Setup: compileCase(func() string { return pat.re }, string(multilingualText(2000))),
			})
		}
		return cs
	}})
}
